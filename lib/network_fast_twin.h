/* network_fast_twin.h - the fast path's two builds on x86-64.
 *
 * An 8-float vector needs AVX; on an x86-64 CPU without it (older
 * Pentiums, Celerons and Atoms, some sold until 2021) GCC keeps such a
 * vector in memory, not in registers, and the fast path trains 4-6 times
 * slower than with 4-float vectors.  So with GCC on x86-64, network_fast.c
 * is compiled twice:
 *   network_fast.c      8 floats per vector, the hot loops cloned for AVX2
 *                       and AVX; its public functions are renamed *_avx;
 *   network_fast_sse.c  the same source with 4 floats per vector (SSE2),
 *                       renamed *_sse;
 * and network_fast_pick.c defines the names of network.h, each calling
 * the _avx build, or the _sse one on a CPU without AVX or when the
 * environment has NNDL_FAST_LANES=4 (the tests use it).  The two builds
 * give the same numbers.  Elsewhere (ARM, clang, NNDL_NO_CLONES) there is
 * one build, under the plain names, and the other two files are empty.
 */
#ifndef NNDL_NETWORK_FAST_TWIN_H
#define NNDL_NETWORK_FAST_TWIN_H

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && \
    !defined(NNDL_NO_CLONES)
#define NNDL_FAST_TWINS 1
#else
#define NNDL_FAST_TWINS 0
#endif

#endif
