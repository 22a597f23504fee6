/* wasm_export.h - marks a function as an export of the WebAssembly module
 * (and does nothing in the native build of the same file). */
#ifndef NNDL_WASM_EXPORT_H
#define NNDL_WASM_EXPORT_H

#ifdef __wasm__
#define WASM_EXPORT(name) __attribute__((export_name(name)))
#else
#define WASM_EXPORT(name)
#endif

#endif
