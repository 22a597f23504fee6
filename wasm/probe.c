/* probe.c - see probe.h. */
#include <math.h>
#include <string.h>

#include "probe.h"
#include "sigmoid.h"
#include "wasm_export.h"

WASM_EXPORT("probe_count")
size_t probe_count(uint32_t stride)
{
    return (size_t)(0xffffffffu / stride) + 1;
}

WASM_EXPORT("probe_expf_of")
uint32_t probe_expf_of(uint32_t x_bits)
{
    float x, y;
    uint32_t r;
    memcpy(&x, &x_bits, sizeof x);
    y = expf(x);
    memcpy(&r, &y, sizeof r);
    return r;
}

WASM_EXPORT("probe_expf")
size_t probe_expf(float *e, float *s, uint32_t stride)
{
    size_t n = probe_count(stride);
    for (size_t k = 0; k < n; k++) {
        uint32_t bits = (uint32_t)k * stride;
        float x;
        memcpy(&x, &bits, sizeof x);
        e[k] = expf(x);
        s[k] = sigmoidf(x);
    }
    return n;
}

WASM_EXPORT("probe_exp")
size_t probe_exp(double *e, double *s, uint32_t stride)
{
    size_t n = probe_count(stride);
    for (size_t k = 0; k < n; k++) {
        uint64_t bits = (uint64_t)k * stride * 0x100000000u + k;
        double x;
        memcpy(&x, &bits, sizeof x);
        e[k] = exp(x);
        s[k] = sigmoid(x);
    }
    return n;
}
