/* network_fast.c - the fast path's CPU-independent part: the choice of
 * kernels, the workspace (fast.h), the pixel lists, the threads and the
 * driver that runs a mini-batch.  The arithmetic is in kernels.c.
 *
 * Threads split layer 0's output neurons (nearly all the work) in groups
 * of 8; each training thread keeps its lanes of WT[0] and b[0] in a block
 * of its own (in one shared block, two threads ran no faster than one:
 * the prefetcher kept pulling the neighbour's cache lines over).  After
 * one barrier per mini-batch every thread has all of a[1] and runs the
 * small upper layers and BP2 for its own lanes; the last training thread
 * also writes the upper layers' next values into the other upper block,
 * current after the next barrier.  Each neuron's arithmetic is the same
 * whichever thread does it, so the number of threads changes nothing.
 * Evaluation splits the images over every thread instead.
 */
#include <assert.h>
#include <pthread.h>
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
        &fast_kernels_avx2, &fast_kernels_avx,
#endif
        &fast_kernels_generic};
    int want = !lanes ? 0 : !strcmp(lanes, "4") ? 4 : !strcmp(lanes, "8") ? 8 : -1;
    if (want < 0) {
        nndl_fail(err, NNDL_ERR_ARG, "NNDL_FAST_LANES=%s: expected 4 or 8 "
                  "(floats per vector), or leave it unset", lanes);
        return NULL;
    }
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        if ((!want || all[i]->lanes == want) && all[i]->usable())
            return all[i];
    nndl_fail(err, NNDL_ERR_ARG, "NNDL_FAST_LANES=%s: this CPU or build has "
              "no %s-float kernels", lanes, lanes);
    return NULL;
}

static void choose(void)
{
    chosen = fast_pick(getenv("NNDL_FAST_LANES"), choice_error);
}

NndlStatus network_fast_choose(char *err)
{
    pthread_once(&choice_once, choose);
    if (chosen)
        return NNDL_OK;
    return nndl_fail(err, NNDL_ERR_ARG, "%s", choice_error);
}

const char *network_fast_kernels(int *lanes)
{
    if (network_fast_choose(NULL) != NNDL_OK)
        return NULL;
    if (lanes)
        *lanes = chosen->lanes;
    return chosen->name;
}

/* ---- threads ---- */

typedef struct {
    NetworkFast *f;
    int t;
} WorkerArg;

struct FastSync {
    pthread_barrier_t batch;    /* a[1] ready: the training threads */
    pthread_barrier_t end;      /* the end of a job: all threads */
    pthread_t tid[FAST_MAX_THREADS];
    WorkerArg arg[FAST_MAX_THREADS];
    pthread_mutex_t mu;
    pthread_cond_t cv;
    unsigned gen;               /* bumped once per job */
    int quit, started, ready;
    void (*share)(NetworkFast *, int);
};

static void barrier(pthread_barrier_t *b, int n)
{
    if (n > 1)
        pthread_barrier_wait(b);
}

static void *worker(void *p)
{
    WorkerArg *arg = p;
    struct FastSync *s = arg->f->sync;
    unsigned seen = 0;
    pthread_mutex_lock(&s->mu);
    for (;;) {
        while (s->gen == seen)
            pthread_cond_wait(&s->cv, &s->mu);
        if (s->quit)
            break;
        seen = s->gen;
        pthread_mutex_unlock(&s->mu);
        s->share(arg->f, arg->t);
        barrier(&s->end, arg->f->threads);
        pthread_mutex_lock(&s->mu);
    }
    pthread_mutex_unlock(&s->mu);
    return NULL;
}

/* Starts threads 1 .. threads-1; 0 if something could not be made. */
static int pool_start(NetworkFast *f)
{
    struct FastSync *s = f->sync;
    if (pthread_mutex_init(&s->mu, NULL) || pthread_cond_init(&s->cv, NULL) ||
        pthread_barrier_init(&s->batch, NULL, (unsigned)f->train_threads) ||
        pthread_barrier_init(&s->end, NULL, (unsigned)f->threads))
        return 0;                       /* (cannot fail on Linux) */
    s->ready = s->started = 1;
    for (int t = 1; t < f->threads; t++) {
        s->arg[t] = (WorkerArg){f, t};
        if (pthread_create(&s->tid[t], NULL, worker, &s->arg[t]))
            return 0;
        s->started = t + 1;
    }
    return 1;
}

static void pool_stop(NetworkFast *f)
{
    struct FastSync *s = f->sync;
    if (!s || !s->ready)
        return;
    pthread_mutex_lock(&s->mu);
    s->quit = 1, s->gen++;
    pthread_cond_broadcast(&s->cv);
    pthread_mutex_unlock(&s->mu);
    for (int t = 1; t < s->started; t++)
        pthread_join(s->tid[t], NULL);
    pthread_barrier_destroy(&s->batch), pthread_barrier_destroy(&s->end);
    pthread_cond_destroy(&s->cv), pthread_mutex_destroy(&s->mu);
}

/* Runs share(f, t) on every thread t (the caller is thread 0) and returns
 * when all are done. */
static void run_job(NetworkFast *f, void (*share)(NetworkFast *, int))
{
    struct FastSync *s = f->sync;
    pthread_mutex_lock(&s->mu);
    s->share = share, s->gen++;
    pthread_cond_broadcast(&s->cv);
    pthread_mutex_unlock(&s->mu);
    share(f, 0);
    barrier(&s->end, f->threads);
}

/* ---- the workspace ---- */

static int pad8(int n)
{
    return (n + 7) / 8 * 8;
}

/* Points views of layers >= 1 at an upper block u. */
static void point_views(const NetworkFast *f, float **wt, float **b,
                        float **w, float *u)
{
    for (int l = 1; l < f->L - 1; l++) {
        wt[l] = u, u += (size_t)f->sizes[l] * f->pad[l + 1];
        b[l] = u, u += f->pad[l + 1];
        w[l] = u, u += (size_t)f->sizes[l + 1] * f->pad[l];
    }
}

/* th reads the upper block `cur` and (if it updates) writes the other. */
static void set_upper_views(const NetworkFast *f, FastThread *th, int cur)
{
    point_views(f, th->wt, th->b, th->w, f->upper[cur]);
    point_views(f, th->nwt, th->nb, th->nw, f->upper[!cur]);
}

/* The thread that owns lane j of layer 0. */
static const FastThread *owner(const NetworkFast *f, int j)
{
    const FastThread *th = f->th;
    while (j >= th->hi)
        th++;
    return th;
}

/* Where w[l][j][k] and b[l][j] (k = -1) live in the fast layout. */
static float *param(const NetworkFast *f, int l, int j, int k)
{
    const FastThread *th = owner(f, l ? 0 : j);
    if (l > 0)
        return k < 0 ? &th->b[l][j] : &th->wt[l][(size_t)k * f->pad[l + 1] + j];
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
                    f->th[0].w[l][(size_t)j * f->pad[l] + k] = v;
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

static float *falloc(size_t n)
{
    size_t bytes = ((n ? n : 1) * sizeof(float) + 63) / 64 * 64;
    float *p = aligned_alloc(64, bytes);
    return p ? memset(p, 0, bytes) : NULL;
}

/* Thread t's lanes [lo, hi) of layer 0: the groups of 8 split as evenly
 * as they go, the spare ones to the first threads. */
static int lane_boundary(const NetworkFast *f, int t)
{
    int groups = f->pad[1] / 8, n = f->train_threads;
    return t >= n ? groups * 8 : (t * groups + n - 1) / n * 8;
}

static int thread_alloc(NetworkFast *f, FastThread *th)
{
    size_t m = f->max_batch, dim = (size_t)f->sizes[0];
    set_upper_views(f, th, f->cur);
    th->w0 = f->params, th->s0 = f->pad[1];     /* one thread: shared */
    if (f->train_threads > 1 && th->lo < th->hi) {
        th->s0 = th->hi - th->lo;
        if (!(th->w0 = th->slice = falloc(dim * th->s0 + th->s0 + 16)))
            return 0;
    }
    th->b0 = th->w0 + dim * th->s0;
    for (int l = 0; l < f->L - 1; l++)
        if ((l >= 1 && !(th->a[l + 1] = falloc(m * f->pad[l + 1]))) ||
            !(th->delta[l] = falloc(m * f->pad[l + 1])))
            return 0;
    if (m > FAST_CHUNK && !(th->nabla0 = falloc(dim * f->pad[1])))
        return 0;
    th->a_eval = falloc(2 * f->eval_len);
    th->xt = falloc(dim * FAST_CHUNK);
    th->nz_v = malloc(2 * (dim + 16));          /* two images + slack */
    th->nz_k = malloc(2 * (dim + 16) * sizeof(uint16_t));
    th->rows = malloc((dim + 16) * sizeof(uint16_t));
    th->seen = calloc(dim, 1);
    return th->a_eval && th->xt && th->nz_v && th->nz_k && th->rows && th->seen;
}

/* The byte -> float table comes from dataset_x itself, so the inputs are
 * the textbook's to the last bit; bitpos, bitcount serve nonzero. */
static void init_tables(NetworkFast *f)
{
    unsigned char bytes[256];
    for (int v = 0; v < 256; v++)
        bytes[v] = (unsigned char)v;
    Dataset all = {1, 1, 256, 256, bytes, NULL, 0};
    dataset_x(f->scale, &all, 0);
    for (int byte = 0; byte < 256; byte++)
        for (int bit = 0, n = 0; bit < 8; bit++)
            if (byte >> bit & 1)
                f->bitpos[byte][n++] = (uint8_t)bit, f->bitcount[byte] = (uint8_t)n;
}

/* Sizes, padding and the thread split.  Training splits layer 0's groups
 * of 8 neurons, about three per thread: with fewer, the barrier and the
 * work every thread repeats cost more than the split saves ([784,30,10]:
 * four groups, one thread). */
static size_t plan(NetworkFast *f, const Network *net, size_t max_batch,
                   int threads)
{
    size_t total = 0;
    f->L = net->num_layers, f->max_batch = max_batch;
    for (int l = 0; l < f->L; l++)
        f->sizes[l] = net->sizes[l], f->pad[l] = pad8(net->sizes[l]);
    f->pad[1] = (f->pad[1] + 15) / 16 * 16;     /* whole cache lines */
    for (int l = 0; l < f->L - 1; l++) {
        size_t part = (size_t)f->sizes[l] * f->pad[l + 1] + f->pad[l + 1];
        f->eval_len += f->pad[l + 1];
        if (l >= 1)
            part += (size_t)f->sizes[l + 1] * f->pad[l], f->upper_len += part;
        total += part;
    }
    f->eval_len = (size_t)pad8((int)f->eval_len + 8);
    f->threads = threads < FAST_MAX_THREADS ? threads : FAST_MAX_THREADS;
    int per3 = ((f->sizes[1] + 7) / 8 + 1) / 3;
    f->train_threads = per3 < 1 ? 1 : per3 < f->threads ? per3 : f->threads;
    for (int t = 0; t < f->threads; t++)
        f->th[t].lo = lane_boundary(f, t), f->th[t].hi = lane_boundary(f, t + 1);
    return total;
}

NetworkFast *network_fast_create(const Network *net, size_t max_batch,
                                 int threads)
{
    if (max_batch == 0 || threads < 1 || net->sizes[0] > 65535 ||
        network_fast_choose(NULL) != NNDL_OK)   /* pixel indices: 16 bits */
        return NULL;
    NetworkFast *f = aligned_alloc(64, (sizeof *f + 63) / 64 * 64);
    if (!f)
        return NULL;
    memset(f, 0, sizeof *f);
    f->k = chosen;
    size_t total = plan(f, net, max_batch, threads);
    f->sync = calloc(1, sizeof *f->sync);
    f->params = falloc(total);
    f->a1[0] = falloc(max_batch * f->pad[1]);
    f->a1[1] = falloc(max_batch * f->pad[1]);
    int ok = f->sync && f->params && f->a1[0] && f->a1[1];
    if (ok) {           /* the upper part, and its double for threads */
        f->upper[0] = f->params + (size_t)f->sizes[0] * f->pad[1] + f->pad[1];
        f->upper[1] = f->train_threads > 1 ? falloc(f->upper_len) : f->upper[0];
        ok = f->upper[1] != NULL;
    }
    for (int t = 0; ok && t < f->threads; t++)
        ok = thread_alloc(f, &f->th[t]);
    if (!ok || !pool_start(f)) {
        network_fast_free(f);
        return NULL;
    }
    init_tables(f);
    load_params(f, net);
    return f;
}

void network_fast_free(NetworkFast *f)
{
    if (!f)
        return;
    pool_stop(f);
    for (int t = 0; t < FAST_MAX_THREADS; t++) {
        FastThread *th = &f->th[t];
        for (int l = 0; l < L_MAX; l++)
            free(l >= 2 ? th->a[l] : NULL), free(th->delta[l]);
        free(th->slice), free(th->a_eval), free(th->nabla0), free(th->xt);
        free(th->nz_v), free(th->nz_k), free(th->rows), free(th->seen);
    }
    if (f->upper[1] != f->upper[0])
        free(f->upper[1]);
    free(f->params), free(f->a1[0]), free(f->a1[1]), free(f->sync);
    free(f);
}

/* ---- pixel lists ---- */

static void sparse_free(Sparse *s)
{
    free(s->start), free(s->k), free(s->v);
}

/* The non-zero pixels of n images: image i is data's example which[i]
 * (example i when which is NULL).  0 if out of memory. */
static int sparse_build(Sparse *s, const Dataset *data, const size_t *which,
                        size_t n, NetworkFast *f)
{
    size_t total = 0;
    int dim = (int)data->dim;
    FastThread *th = &f->th[0];         /* its buffers, for counting */
    s->start = malloc((n + 1) * sizeof *s->start);
    for (size_t i = 0; s->start && i < n; i++)
        total += (size_t)f->k->nonzero(th->nz_k, th->nz_v,
                                       data->x + (which ? which[i] : i) * data->dim, dim, f);
    s->k = malloc((total + 16) * sizeof *s->k);
    s->v = malloc(total + 16);
    if (!s->start || !s->k || !s->v)
        return sparse_free(s), 0;
    s->start[0] = 0;
    for (size_t i = 0; i < n; i++)
        s->start[i + 1] = s->start[i] + (size_t)f->k->nonzero(
            s->k + s->start[i], s->v + s->start[i],
            data->x + (which ? which[i] : i) * data->dim, dim, f);
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
    int L = f->L, last = th == &f->th[f->train_threads - 1];
    float step = job->eta / (float)m;           /* as network.c: eta / m */
    f->k->first_forward(f, th, f->a1[parity], job, start, m);
    if (L == 2) {                               /* layer 0 is the output */
        output_delta(f, th, job, start, m, f->a1[parity], th->lo, th->hi);
        f->k->first_update(f, th, job, start, m, step);
        return;
    }
    barrier(&f->sync->batch, f->train_threads); /* all of a[1] is ready,
                                                   and the upper block */
    if (f->train_threads > 1)
        set_upper_views(f, th, th->cur);
    f->k->upper_forward(f, th, m, parity);
    output_delta(f, th, job, start, m, fast_act(f, th, L - 1, parity), 0,
                 f->pad[L - 1]);
    for (int l = L - 2; l >= 1; l--)            /* one thread updates */
        f->k->upper_backward(f, th, l, m, step, parity, l == 1 ? th->lo : 0,
                             l == 1 ? th->hi : f->pad[l], last);
    f->k->first_update(f, th, job, start, m, step);
    if (f->train_threads > 1)
        th->cur = !th->cur;                     /* the updated block */
}

static void train_share(NetworkFast *f, int t)
{
    const Job *job = &f->job;
    size_t b = 0;
    if (t >= f->train_threads)          /* no lanes of layer 0 */
        return;
    f->th[t].cur = f->cur;
    for (size_t k = 0; k < job->n; k += job->batch, b++) {
        size_t m = job->n - k < job->batch ? job->n - k : job->batch;
        train_batch(f, &f->th[t], job, k, m, (int)(b & 1));
    }
}

/* Runs f->job as training; then every thread's views show the current
 * upper block (for evaluation and network_fast_store). */
static void train_job(NetworkFast *f)
{
    run_job(f, train_share);
    f->cur = f->th[0].cur;
    for (int t = 0; t < f->threads; t++)
        set_upper_views(f, &f->th[t], f->cur);
}

static void evaluate_share(NetworkFast *f, int t)
{
    const Dataset *d = f->job.data;
    size_t lo = d->n * (size_t)t / f->threads, hi = d->n * (size_t)(t + 1) / f->threads;
    FastThread *th = &f->th[t];
    th->correct = 0;
    for (size_t i = lo; i < hi; i += 2) {
        int digit[2];
        const unsigned char *p = d->x + i * d->dim;
        f->k->predict_pair(f, th, p, i + 1 < hi ? p + d->dim : NULL, digit);
        th->correct += digit[0] == d->y[i];
        if (i + 1 < hi)
            th->correct += digit[1] == d->y[i + 1];
    }
}

/* ---- the public functions (see network_fast.h) ---- */

NndlStatus network_fast_update_mini_batch(NetworkFast *f, const Dataset *data,
                                          const size_t *idx, size_t m, float eta)
{
    assert(data->dim == (size_t)f->sizes[0] && m <= f->max_batch);
    Sparse pixels;
    if (!sparse_build(&pixels, data, idx, m, f))
        return NNDL_ERR_NOMEM;
    f->job = (Job){data, idx, NULL, &pixels, m, m, eta};
    train_job(f);
    sparse_free(&pixels);
    return NNDL_OK;
}

size_t network_fast_evaluate_with(NetworkFast *f, const Dataset *data)
{
    assert(data->dim == (size_t)f->sizes[0]);
    f->job = (Job){data, NULL, NULL, NULL, data->n, 1, 0.0f};
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
    size_t correct = f ? network_fast_evaluate_with(f, data) : SIZE_MAX;
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
    e->correct = network_fast_evaluate_with(e->f, e->data);
    return NULL;
}

FastEvaluation *network_fast_evaluate_start(const Network *net,
                                            const Dataset *data)
{
    assert(data->dim == (size_t)net->sizes[0]);
    FastEvaluation *e = malloc(sizeof *e);
    if (!e)
        return NULL;
    *e = (FastEvaluation){.f = network_fast_create(net, 1, 1), .data = data,
                          .correct = SIZE_MAX};
    if (!e->f)
        return free(e), NULL;
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
    if (!idx || !f || !sparse_build(&pixels, training, NULL, n, f))
        return free(idx), network_fast_free(f), -1;
    assert(training->dim == (size_t)net->sizes[0]);
    for (size_t i = 0; i < n; i++)
        idx[i] = i;
    int epoch = 0;
    while (epoch < epochs) {
        rng_shuffle(rng, idx, n);       /* the same order as network_sgd */
        f->job = (Job){training, idx, idx, &pixels, n, mini_batch_size, eta};
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
