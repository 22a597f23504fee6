/* network_fast_sse.c - network_fast.c built again with 4 floats per
 * vector, for x86-64 CPUs without AVX (see network_fast_twin.h). */
#include "network_fast_twin.h"

#if NNDL_FAST_TWINS
#define NNDL_FAST_SSE 1
#include "network_fast.c"
#else
typedef int network_fast_sse_unused;    /* ISO C: no empty file */
#endif
