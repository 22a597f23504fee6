/* network_fast.c - the fast path's CPU-independent part: the choice of
 * kernels, the workspace (fast.h), the pixel lists, the threads and the
 * driver that runs a mini-batch.  The arithmetic is in kernels.c.
 *
 * Threads split layer 0's output neurons (nearly all the work) in groups
 * of 8, each with its lanes of WT[0] in a region of its own (with the
 * lanes interleaved in shared rows, two threads ran no faster than one).
 * After one meeting per mini-batch every thread has all of a[1]; each then
 * runs the small upper layers, BP2 into its own lanes of delta[0], and its
 * share of the upper layers' step into the other Upper, current after the
 * next meeting.  A neuron's arithmetic is the same whichever thread does
 * it, so the number of threads changes nothing.  Evaluation splits the
 * images over every thread instead.
 */
#include <assert.h>
#include <errno.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>

#include "fast.h"

/* ---- the kernels: chosen once per process ---- */
static const FastKernels *chosen;
static char choice_error[NNDL_ERRLEN];
static pthread_once_t choice_once = PTHREAD_ONCE_INIT;

const FastKernels *fast_pick(const char *lanes, char *err)
{
    const FastKernels *all[] = {
#ifdef NNDL_FAST_X86
        &fast_kernels_avx2,
#endif
        &fast_kernels_generic};
    int want = !lanes ? 0 : !strcmp(lanes, "4") ? 4 : !strcmp(lanes, "8") ? 8 : -1;
    for (size_t i = 0; want >= 0 && i < sizeof all / sizeof *all; i++)
        if ((!want || all[i]->lanes == want) && all[i]->usable())
            return all[i];
    nndl_fail(err, NNDL_ERR_ARG, "NNDL_FAST_LANES=%s: %s", lanes, want < 0 ?
              "expected 4 or 8 (floats per vector), or leave it unset" :
              "this CPU or build has no kernels of that width");
    return NULL;
}

static void choose(void)
{
    chosen = fast_pick(getenv("NNDL_FAST_LANES"), choice_error);
}

const char *network_fast_kernels(int *lanes, char *err)
{
    pthread_once(&choice_once, choose);
    if (!chosen)
        return nndl_fail(err, NNDL_ERR_ARG, "%s", choice_error), NULL;
    if (lanes)
        *lanes = chosen->lanes;
    return chosen->name;
}

/* ---- threads: the caller is thread 0; the others wait for jobs ---- */
static void wait_for(sem_t *s)
{
    while (sem_wait(s) != 0 && errno == EINTR)
        ;
}

static void *worker(void *p)
{
    FastThread *th = p;
    NetworkFast *f = th->f;
    for (wait_for(&th->go); !f->quit; wait_for(&th->go)) {
        f->share(f, (int)(th - f->th));
        sem_post(&f->done);
    }
    return NULL;
}

/* Runs share(f, t) on every thread t; returns when all are done. */
static void run_job(NetworkFast *f, void (*share)(NetworkFast *, int))
{
    f->share = share;
    for (int t = 1; t < f->threads; t++)
        sem_post(&f->th[t].go);
    share(f, 0);
    for (int t = 1; t < f->threads; t++)
        wait_for(&f->done);
}

/* Waits for the other training threads.  They meet once per mini-batch,
 * some 30 microseconds apart, about what a sleep and a wake-up take on a
 * virtual machine, so a waiting thread spins a little, then yields its core
 * a while (on a busy machine the one it waits for may need it), and only
 * then sleeps.  With pthread_barrier_t, 1.6 --sizes 784,100,10 --threads 2
 * took 10% longer; with no sleep at all, 14 times as long under load. */
static void meet(NetworkFast *f)
{
    unsigned gen = atomic_load(&f->gen);
    if (atomic_fetch_add(&f->arrived, 1) + 1 == (unsigned)f->train_threads) {
        atomic_store(&f->arrived, 0);   /* before anyone can arrive again */
        atomic_fetch_add(&f->gen, 1);
        if (atomic_load(&f->sleepers)) {    /* seen after its increment */
            pthread_mutex_lock(&f->mu);
            pthread_cond_broadcast(&f->cv);
            pthread_mutex_unlock(&f->mu);
        }
        return;
    }
    for (int spins = 0; spins < 3000; spins++)
        if (atomic_load(&f->gen) != gen)
            return;
        else if (spins >= 1000)
            sched_yield();
#if defined(__x86_64__)
        else                            /* leaves a hyperthread its core */
            __builtin_ia32_pause();
#endif
    pthread_mutex_lock(&f->mu);
    atomic_fetch_add(&f->sleepers, 1);
    while (atomic_load(&f->gen) == gen)
        pthread_cond_wait(&f->cv, &f->mu);
    atomic_fetch_sub(&f->sleepers, 1);
    pthread_mutex_unlock(&f->mu);
}

/* ---- the workspace ---- */
/* The next n floats of the block at *used, 64-byte aligned (NULL when
 * the block is NULL: only counted). */
static float *carve(float *block, size_t *used, size_t n)
{
    float *p = block ? block + *used : NULL;
    *used += (n + 15) / 16 * 16;
    return p;
}

/* Points every view into block (NULL: only measures); returns its size in
 * floats.  Threads without lanes of layer 0 only evaluate. */
static size_t layout(NetworkFast *f, float *block)
{
    size_t u = 0, dim = (size_t)f->sizes[0], batch = f->max_batch;
    for (int c = 0; c < 2; c++) {
        f->a1[c] = carve(block, &u, batch * f->pad[1]);
        for (int l = 1; l < f->L - 1; l++) {
            f->upper[c].wt[l] = carve(block, &u, (size_t)f->sizes[l] * f->pad[l + 1]);
            f->upper[c].b[l] = carve(block, &u, f->pad[l + 1]);
            f->upper[c].w[l] = carve(block, &u, (size_t)f->sizes[l + 1] * f->pad[l]);
        }
    }
    for (FastThread *th = f->th; th < f->th + f->threads; th++) {
        size_t m = th->s0 ? batch : 0;
        carve(block, &u, 32);           /* 128 bytes from the previous one */
        th->w0 = carve(block, &u, dim * th->s0);
        th->b0 = carve(block, &u, th->s0);
        for (int l = 0; l < f->L - 1; l++) {
            th->a[l + 1] = carve(block, &u, l ? m * f->pad[l + 1] : 0);
            th->delta[l] = carve(block, &u, m * f->pad[l + 1]);
        }
        th->xt = carve(block, &u, dim * (m ? f->xs : 0));
        th->a_eval = carve(block, &u, f->eval_len);
        th->nz_k = (uint16_t *)carve(block, &u, dim / 2 + 8);
        th->nz_v = (unsigned char *)carve(block, &u, dim / 4 + 4);
        th->rows = (uint16_t *)carve(block, &u, dim / 2 + 8);
        th->seen = (unsigned char *)carve(block, &u, dim / 4 + 1);
    }
    return u;
}

/* Where w[l][j][k] and b[l][j] (k = -1) are now. */
static float *param(const NetworkFast *f, int l, int j, int k)
{
    const Upper *u = &f->upper[f->cur];
    const FastThread *th = f->th;
    if (l > 0)
        return k < 0 ? &u->b[l][j] : &u->wt[l][(size_t)k * f->pad[l + 1] + j];
    while (j >= th->hi)                 /* the thread with lane j */
        th++;
    return k < 0 ? &th->b0[j - th->lo] : &th->w0[(size_t)k * th->s0 + (size_t)(j - th->lo)];
}

static void load_params(NetworkFast *f, const Network *net)
{
    for (int l = 0; l < f->L - 1; l++)
        for (int j = 0, n_in = f->sizes[l]; j < f->sizes[l + 1]; j++)
            for (int k = -1; k < n_in; k++) {   /* the bias, the weights */
                float v = k < 0 ? net->b[l][j] : net->w[l][(size_t)j * n_in + k];
                *param(f, l, j, k) = v;
                if (l > 0 && k >= 0)            /* and W, the mirror */
                    f->upper[f->cur].w[l][(size_t)j * f->pad[l] + k] = v;
            }
}

void network_fast_store(const NetworkFast *f, Network *net)
{
    assert(net->num_layers == f->L);
    for (int l = 0; l < f->L - 1; l++)
        for (int j = 0, n_in = f->sizes[l]; j < f->sizes[l + 1]; j++)
            for (int k = -1; k < n_in; k++)
                *(k < 0 ? &net->b[l][j] : &net->w[l][(size_t)j * n_in + k]) =
                    *param(f, l, j, k);
}

/* Sizes, padding, the thread split and the tables.  Training splits
 * layer 0's groups of 8 neurons, about three per thread: with fewer, the
 * meeting and the work every thread repeats cost more than the split
 * saves ([784,30,10]: four groups, one thread). */
static void plan(NetworkFast *f, const Network *net, size_t max_batch,
                 int threads)
{
    f->L = net->num_layers, f->max_batch = max_batch, f->k = chosen;
    f->xs = (max_batch + 15) / 16 * 16;        /* xt's rows: cache lines */
    for (int l = 0; l < f->L; l++)
        f->sizes[l] = net->sizes[l], f->pad[l] = (net->sizes[l] + 7) / 8 * 8;
    f->pad[1] = (f->pad[1] + 15) / 16 * 16;     /* whole cache lines */
    for (int l = 1; l < f->L; l++)
        f->eval_len += (size_t)f->pad[l];
    f->eval_len = (f->eval_len + 15) / 8 * 8;
    f->threads = threads < FAST_MAX_THREADS ? threads : FAST_MAX_THREADS;
    int n = ((f->sizes[1] + 7) / 8 + 1) / 3, groups = f->pad[1] / 8;
    n = f->train_threads = n < 1 ? 1 : n < f->threads ? n : f->threads;
    for (int t = 0; t < f->threads; t++) {      /* spare groups go first */
        f->th[t].lo = t >= n ? groups * 8 : (t * groups + n - 1) / n * 8;
        f->th[t].hi = t + 1 >= n ? groups * 8 : ((t + 1) * groups + n - 1) / n * 8;
        f->th[t].s0 = f->th[t].hi - f->th[t].lo;
    }
    /* pixel byte -> float from dataset_x itself: the textbook's inputs */
    unsigned char bytes[256];
    for (int v = 0; v < 256; v++)
        bytes[v] = (unsigned char)v;
    dataset_x(f->scale, &(Dataset){1, 1, 256, 256, bytes, NULL, 0}, 0);
    for (int byte = 0; byte < 256; byte++)      /* for nonzero */
        for (int bit = 0, c = 0; bit < 8; bit++)
            if (byte >> bit & 1)
                f->bitpos[byte][c++] = (uint8_t)bit, f->bitcount[byte] = (uint8_t)c;
}

NetworkFast *network_fast_create(const Network *net, size_t max_batch,
                                 int threads)
{
    if (max_batch == 0 || threads < 1 || net->sizes[0] > 65535 ||
        !network_fast_kernels(NULL, NULL))      /* pixel indices: 16 bits */
        return NULL;
    NetworkFast *f = aligned_alloc(128, (sizeof *f + 127) / 128 * 128);
    if (!f)
        return NULL;
    memset(f, 0, sizeof *f);
    plan(f, net, max_batch, threads);
    size_t bytes = layout(f, NULL) * sizeof(float);
    if (!(f->mem = aligned_alloc(64, bytes)) || sem_init(&f->done, 0, 0) ||
        pthread_mutex_init(&f->mu, NULL) || pthread_cond_init(&f->cv, NULL))
        return network_fast_free(f), NULL;      /* (they cannot fail on Linux) */
    layout(f, memset(f->mem, 0, bytes));
    load_params(f, net);
    for (f->started = 1; f->started < f->threads; f->started++) {
        FastThread *th = &f->th[f->started];
        th->f = f;
        if (sem_init(&th->go, 0, 0) || pthread_create(&th->tid, NULL, worker, th))
            return network_fast_free(f), NULL;
    }
    return f;
}

void network_fast_free(NetworkFast *f)
{
    if (!f)
        return;
    f->quit = 1;
    for (int t = 1; t < f->started; t++)
        sem_post(&f->th[t].go), pthread_join(f->th[t].tid, NULL);
    free(f->mem), free(f);
}

/* ---- pixel lists ---- */
static void sparse_free(Sparse *s)
{
    free(s->start), free(s->k), free(s->v);
}

/* The non-zero pixels of every image of data; 0 if out of memory. */
static int sparse_build(Sparse *s, const Dataset *data, NetworkFast *f)
{
    size_t total = 0, n = data->n;
    FastThread *th = &f->th[0];         /* its buffers, for counting */
    s->start = malloc((n + 1) * sizeof *s->start);
    for (size_t i = 0; s->start && i < n; i++)
        total += (size_t)f->k->nonzero(th->nz_k, th->nz_v, data->x + i * data->dim,
                                       f->sizes[0], f);
    s->k = malloc((total + 16) * sizeof *s->k);
    s->v = malloc(total + 16);
    if (!s->start || !s->k || !s->v)
        return sparse_free(s), 0;
    s->start[0] = 0;
    for (size_t i = 0; i < n; i++)
        s->start[i + 1] = s->start[i] + (size_t)f->k->nonzero(
            s->k + s->start[i], s->v + s->start[i], data->x + i * data->dim,
            f->sizes[0], f);
    return 1;
}

/* ---- one mini-batch, as seen by one thread ---- */
/* BP1 on lanes [lo, hi): delta = (a - y) * sigma'(z), y one-hot. */
static void output_delta(NetworkFast *f, FastThread *th, const Job *job,
                         size_t start, size_t m, const float *a, int lo, int hi)
{
    int top = f->L - 2, n_out = f->sizes[f->L - 1], stride = f->pad[f->L - 1];
    for (size_t i = 0; i < m; i++) {
        int label = job->data->y[job->idx[start + i]];
        const float *a_i = a + i * stride;
        float *d = th->delta[top] + i * stride;
        for (int j = lo; j < hi && j < n_out; j++) {
            d[j] = a_i[j] - (j == label ? 1.0f : 0.0f);     /* cost_derivative */
            d[j] *= a_i[j] * (1.0f - a_i[j]);
        }
    }
}

static void train_batch(NetworkFast *f, FastThread *th, const Job *job,
                        size_t start, size_t m, int parity)
{
    int L = f->L;
    float step = job->eta / (float)m;           /* as network.c: eta / m */
    f->k->first_forward(f, th, f->a1[parity], job, start, m);
    if (L > 2) {
        meet(f);                                /* all of a[1] is ready */
        f->k->upper_forward(f, th, m, parity);
    }
    output_delta(f, th, job, start, m, fast_act(f, th, L - 1, parity),
                 L > 2 ? 0 : th->lo, L > 2 ? f->pad[L - 1] : th->hi);
    for (int l = L - 2; l >= 1; l--)            /* layer 1: th's lanes */
        f->k->upper_backward(f, th, l, m, step, parity, l == 1 ? th->lo : 0,
                             l == 1 ? th->hi : f->pad[l]);
    f->k->first_update(f, th, m, step);
}

/* Mini-batch b reads a1[parity] and upper[parity], parity = cur ^ (b & 1),
 * and its step writes upper[!parity]. */
static void train_share(NetworkFast *f, int t)
{
    const Job *job = &f->job;
    for (size_t k = 0, b = 0; t < f->train_threads && k < job->n; k += job->batch, b++)
        train_batch(f, &f->th[t], job, k, job->n - k < job->batch ? job->n - k :
                    job->batch, f->cur ^ (int)(b & 1));
}

static void train_job(NetworkFast *f)
{
    run_job(f, train_share);
    f->cur ^= (int)((f->job.n + f->job.batch - 1) / f->job.batch & 1);
}

static void evaluate_share(NetworkFast *f, int t)
{
    const Dataset *d = f->job.data;
    size_t lo = d->n * (size_t)t / f->threads, hi = d->n * (size_t)(t + 1) / f->threads;
    FastThread *th = &f->th[t];
    th->correct = 0;
    for (size_t i = lo; i < hi; i++)
        th->correct += f->k->predict(f, th, d->x + i * d->dim) == d->y[i];
}

/* ---- the public functions (see network_fast.h) ---- */
static size_t evaluate_with(NetworkFast *f, const Dataset *data)
{
    assert(data->dim == (size_t)f->sizes[0]);
    f->job = (Job){data, NULL, NULL, data->n, 1, 0.0f};
    run_job(f, evaluate_share);
    size_t correct = 0;
    for (int t = 0; t < f->threads; t++)
        correct += f->th[t].correct;
    return correct;
}

size_t network_fast_evaluate(const Network *net, const Dataset *data,
                             int threads)
{
    NetworkFast *f = network_fast_create(net, 1, threads);
    size_t correct = f ? evaluate_with(f, data) : SIZE_MAX;
    network_fast_free(f);
    return correct;
}

struct FastEvaluation {
    NetworkFast *f;             /* a snapshot of the parameters */
    const Dataset *data;
    size_t correct;
    pthread_t tid;
    int joinable;
};

static void *evaluate_main(void *p)
{
    FastEvaluation *e = p;
    e->correct = evaluate_with(e->f, e->data);
    return NULL;
}

FastEvaluation *network_fast_evaluate_start(const Network *net,
                                            const Dataset *data)
{
    FastEvaluation *e = calloc(1, sizeof *e);
    if (!e || !(e->f = network_fast_create(net, 1, 1)))
        return free(e), NULL;
    e->data = data;
    if (pthread_create(&e->tid, NULL, evaluate_main, e) == 0)
        e->joinable = 1;
    else
        evaluate_main(e);               /* no thread to be had: now */
    return e;
}

size_t network_fast_evaluate_wait(FastEvaluation *e)
{
    if (!e)
        return SIZE_MAX;
    if (e->joinable)
        pthread_join(e->tid, NULL);
    size_t correct = e->correct;
    network_fast_free(e->f);
    free(e);
    return correct;
}

/* book: network_fast_sgd */
int network_fast_sgd(Network *net, const Dataset *training, int epochs,
                     size_t mini_batch_size, float eta, Rng *rng, int threads,
                     EpochCallback on_epoch, void *ctx)
{
    size_t n = training->n;
    if (mini_batch_size == 0)
        return -1;
    size_t max_batch = n < mini_batch_size ? (n ? n : 1) : mini_batch_size;
    size_t *idx = malloc((n ? n : 1) * sizeof *idx);
    NetworkFast *f = network_fast_create(net, max_batch, threads);
    Sparse pixels = {NULL, NULL, NULL};
    if (!idx || !f || !sparse_build(&pixels, training, f))
        return free(idx), network_fast_free(f), -1;
    assert(training->dim == (size_t)net->sizes[0]);
    for (size_t i = 0; i < n; i++)
        idx[i] = i;
    int epoch = 0;
    while (epoch < epochs) {
        rng_shuffle(rng, idx, n);       /* the same order as network_sgd */
        f->job = (Job){training, idx, &pixels, n, mini_batch_size, eta};
        train_job(f);                   /* every mini-batch of the epoch */
        network_fast_store(f, net);
        epoch++;
        if (on_epoch && on_epoch(epoch - 1, net, ctx))
            break;
    }
    free(idx);
    sparse_free(&pixels);
    network_fast_free(f);
    return epoch;
}
/* end book: network_fast_sgd */
