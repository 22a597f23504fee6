/* network_fast_pick.c - on x86-64, the fast path's public functions call
 * one of its two builds: 8 floats per vector (_avx) or, on a CPU without
 * AVX or with NNDL_FAST_LANES=4 in the environment, 4 (_sse).  The choice
 * is made once per process, so a workspace made by one build only ever
 * goes to that build.  See network_fast_twin.h. */
#include "network_fast_twin.h"

#if NNDL_FAST_TWINS
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "network.h"

/* The two builds' prototypes, each checked against network.h's (a
 * mismatch would otherwise go unnoticed across files). */
#define TWINS(ret, name, params)                                              \
    ret name##_avx params;                                                    \
    ret name##_sse params;                                                    \
    _Static_assert(__builtin_types_compatible_p(__typeof__(name),            \
                                                __typeof__(name##_avx)),     \
                   #name ": not as network.h declares it");
TWINS(NetworkFast *, network_fast_create, (const Network *, size_t, int))
TWINS(void, network_fast_free, (NetworkFast *))
TWINS(void, network_fast_store, (const NetworkFast *, Network *))
TWINS(NndlStatus, network_fast_update_mini_batch,
      (NetworkFast *, const Dataset *, const size_t *, size_t, float))
TWINS(size_t, network_fast_evaluate_with, (NetworkFast *, const Dataset *))
TWINS(size_t, network_fast_evaluate, (const Network *, const Dataset *, int))
TWINS(FastEvaluation *, network_fast_evaluate_start,
      (const Network *, const Dataset *))
TWINS(size_t, network_fast_evaluate_wait, (FastEvaluation *))
TWINS(int, network_fast_sgd, (Network *, const Dataset *, int, size_t, float,
                              Rng *, int, EpochCallback, void *))
TWINS(int, network_fast_lanes, (void))

static int sse;
static pthread_once_t picked = PTHREAD_ONCE_INIT;

static void pick(void)
{
    const char *lanes = getenv("NNDL_FAST_LANES");
    __builtin_cpu_init();
    sse = !__builtin_cpu_supports("avx") || (lanes && strcmp(lanes, "4") == 0);
}

/* name_sse args or name_avx args, as picked. */
#define PICK(name, args)                                                      \
    (pthread_once(&picked, pick), sse ? name##_sse args : name##_avx args)

NetworkFast *network_fast_create(const Network *net, size_t max_batch,
                                 int threads)
{
    return PICK(network_fast_create, (net, max_batch, threads));
}

void network_fast_free(NetworkFast *fast)
{
    PICK(network_fast_free, (fast));
}

void network_fast_store(const NetworkFast *fast, Network *net)
{
    PICK(network_fast_store, (fast, net));
}

NndlStatus network_fast_update_mini_batch(NetworkFast *fast,
                                          const Dataset *data,
                                          const size_t *idx, size_t m,
                                          float eta)
{
    return PICK(network_fast_update_mini_batch, (fast, data, idx, m, eta));
}

size_t network_fast_evaluate_with(NetworkFast *fast, const Dataset *data)
{
    return PICK(network_fast_evaluate_with, (fast, data));
}

size_t network_fast_evaluate(const Network *net, const Dataset *data,
                             int threads)
{
    return PICK(network_fast_evaluate, (net, data, threads));
}

FastEvaluation *network_fast_evaluate_start(const Network *net,
                                            const Dataset *data)
{
    return PICK(network_fast_evaluate_start, (net, data));
}

size_t network_fast_evaluate_wait(FastEvaluation *eval)
{
    return PICK(network_fast_evaluate_wait, (eval));
}

int network_fast_sgd(Network *net, const Dataset *training, int epochs,
                     size_t mini_batch_size, float eta, Rng *rng, int threads,
                     EpochCallback on_epoch, void *ctx)
{
    return PICK(network_fast_sgd, (net, training, epochs, mini_batch_size, eta,
                                   rng, threads, on_epoch, ctx));
}

int network_fast_lanes(void)
{
    return PICK(network_fast_lanes, ());
}
#else
typedef int network_fast_pick_unused;   /* ISO C: no empty file */
#endif
