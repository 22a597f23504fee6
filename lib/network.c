/* network.c - the textbook network of section 1.6, one example at a time,
 * mirroring network.py.  See network.h for the notation. */
#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "network.h"
#include "sigmoid.h"

/* Points w, b, nabla_w, nabla_b, z, a, delta into their blocks. */
static void set_views(Network *net)
{
    int L = net->num_layers;
    float *p = net->params, *g = net->nabla, *s = net->scratch;
    for (int l = 0; l < L - 1; l++) {
        size_t n = (size_t)net->sizes[l + 1] * net->sizes[l];
        net->w[l] = p, net->nabla_w[l] = g;
        p += n, g += n;
    }
    for (int l = 0; l < L - 1; l++) {
        net->b[l] = p, net->nabla_b[l] = g;
        p += net->sizes[l + 1], g += net->sizes[l + 1];
    }
    for (int l = 0; l < L; l++)
        net->a[l] = s, s += net->sizes[l];
    for (int l = 0; l < L - 1; l++) {
        net->z[l] = s, s += net->sizes[l + 1];
        net->delta[l] = s, s += net->sizes[l + 1];
    }
}

static int sizes_ok(const int *sizes, int L)
{
    if (!sizes || L < 2 || L > NETWORK_MAX_LAYERS)
        return 0;
    for (int l = 0; l < L; l++)
        if (sizes[l] < 1 || sizes[l] > NETWORK_MAX_LAYER_SIZE)
            return 0;
    return 1;
}

/* A network with the given sizes and all parameters zero. */
static Network *network_alloc(const int *sizes, int L)
{
    if (!sizes_ok(sizes, L))
        return NULL;
    Network *net = calloc(1, sizeof *net);
    if (!net)
        return NULL;
    size_t units = 0;
    net->num_layers = L;
    for (int l = 0; l < L; l++) {
        net->sizes[l] = sizes[l];
        units += (size_t)sizes[l];
    }
    for (int l = 0; l < L - 1; l++)
        net->num_params += (size_t)sizes[l + 1] * sizes[l] + sizes[l + 1];
    net->params = calloc(net->num_params, sizeof(float));
    net->nabla = calloc(net->num_params, sizeof(float));
    net->scratch = calloc(3 * units, sizeof(float));
    net->x = calloc((size_t)sizes[0], sizeof(float));
    net->y = calloc((size_t)sizes[L - 1], sizeof(float));
    if (!net->params || !net->nabla || !net->scratch || !net->x || !net->y) {
        network_free(net);
        return NULL;
    }
    set_views(net);
    return net;
}

/* book: network_create */
Network *network_create(const int *sizes, int num_layers, Rng *rng)
{
    Network *net = network_alloc(sizes, num_layers);
    if (!net || !rng)
        return net;
    /* As in network.py: every bias, then every weight, from N(0, 1). */
    for (int l = 0; l < num_layers - 1; l++)
        for (int j = 0; j < sizes[l + 1]; j++)
            net->b[l][j] = (float)rng_gaussian(rng);
    for (int l = 0; l < num_layers - 1; l++)
        for (size_t i = 0; i < (size_t)sizes[l + 1] * sizes[l]; i++)
            net->w[l][i] = (float)rng_gaussian(rng);
    return net;
}
/* end book: network_create */

void network_free(Network *net)
{
    if (!net)
        return;
    free(net->params);
    free(net->nabla);
    free(net->scratch);
    free(net->x);
    free(net->y);
    free(net);
}

Network *network_clone(const Network *net)
{
    Network *copy = network_alloc(net->sizes, net->num_layers);
    if (copy)
        memcpy(copy->params, net->params, net->num_params * sizeof(float));
    return copy;
}

/* One layer: z = w a_in + b and a_out = sigma(z).
 * w: n_out x n_in, a_in: n_in, b, z, a_out: n_out. */
static void layer_forward(float *z, float *a_out, const float *w,
                          const float *b, const float *a_in, int n_in,
                          int n_out)
{
    for (int j = 0; j < n_out; j++) {
        const float *w_j = w + (size_t)j * n_in;    /* row j of w */
        float sum = b[j];
        for (int k = 0; k < n_in; k++)
            sum += w_j[k] * a_in[k];
        z[j] = sum;
        a_out[j] = sigmoidf(sum);
    }
}

/* book: network_feedforward */
const float *network_feedforward(Network *net, const float *x)
{
    int L = net->num_layers;
    memcpy(net->a[0], x, (size_t)net->sizes[0] * sizeof *x);
    for (int l = 0; l < L - 1; l++)             /* a' = sigma(w a + b) */
        layer_forward(net->z[l], net->a[l + 1], net->w[l], net->b[l],
                      net->a[l], net->sizes[l], net->sizes[l + 1]);
    return net->a[L - 1];
}
/* end book: network_feedforward */

/* book: network_cost_derivative */
void network_cost_derivative(float *out, const float *a, const float *y,
                             int n)
{
    for (int j = 0; j < n; j++)
        out[j] = a[j] - y[j];                   /* dC_x/da for C_x = |y-a|^2/2 */
}
/* end book: network_cost_derivative */

/* book: network_backprop */
void network_backprop(Network *net, const float *x, const float *y)
{
    int out = net->num_layers - 2;              /* index of the last w, b */
    network_feedforward(net, x);
    /* BP1: delta = (a - y) * sigma'(z) in the output layer. */
    network_cost_derivative(net->delta[out], net->a[out + 1], y,
                            net->sizes[out + 1]);
    for (int j = 0; j < net->sizes[out + 1]; j++)
        net->delta[out][j] *= sigmoid_primef(net->z[out][j]);
    for (int l = out; l >= 0; l--) {
        int n_in = net->sizes[l], n_out = net->sizes[l + 1];
        const float *delta = net->delta[l], *a_in = net->a[l];
        for (int j = 0; j < n_out; j++) {
            net->nabla_b[l][j] += delta[j];     /* BP3: dC/db_j = delta_j */
            float *nw_j = net->nabla_w[l] + (size_t)j * n_in;
            for (int k = 0; k < n_in; k++)      /* BP4: dC/dw_jk = a_k delta_j */
                nw_j[k] += a_in[k] * delta[j];
        }
        if (l == 0)
            break;
        /* BP2: delta of the layer below = (w^T delta) * sigma'(z). */
        for (int k = 0; k < n_in; k++) {
            float sum = 0.0f;
            for (int j = 0; j < n_out; j++)
                sum += net->w[l][(size_t)j * n_in + k] * delta[j];
            net->delta[l - 1][k] = sum * sigmoid_primef(net->z[l - 1][k]);
        }
    }
}
/* end book: network_backprop */

void network_zero_grad(Network *net)
{
    memset(net->nabla, 0, net->num_params * sizeof(float));
}

/* book: network_update_mini_batch */
void network_update_mini_batch(Network *net, const Dataset *data,
                               const size_t *idx, size_t m, float eta)
{
    int n_out = net->sizes[net->num_layers - 1];
    assert(data->dim == (size_t)net->sizes[0]);
    network_zero_grad(net);
    for (size_t i = 0; i < m; i++) {            /* sum of the gradients */
        dataset_x(net->x, data, idx[i]);
        dataset_one_hot(net->y, data->y[idx[i]], n_out);
        network_backprop(net, net->x, net->y);
    }
    float step = eta / (float)m;                /* eq. 1.20 and 1.21 */
    for (size_t p = 0; p < net->num_params; p++)
        net->params[p] -= step * net->nabla[p];
}
/* end book: network_update_mini_batch */

/* book: network_sgd */
int network_sgd(Network *net, const Dataset *training, int epochs,
                size_t mini_batch_size, float eta, Rng *rng,
                EpochCallback on_epoch, void *ctx)
{
    size_t n = training->n;
    size_t *idx = malloc((n ? n : 1) * sizeof *idx);
    if (!idx || mini_batch_size == 0)
        return free(idx), -1;
    for (size_t i = 0; i < n; i++)
        idx[i] = i;
    int epoch = 0;
    while (epoch < epochs) {
        rng_shuffle(rng, idx, n);               /* a new order each epoch */
        for (size_t k = 0; k < n; k += mini_batch_size) {
            size_t m = n - k < mini_batch_size ? n - k : mini_batch_size;
            network_update_mini_batch(net, training, idx + k, m, eta);
        }
        epoch++;
        if (on_epoch && on_epoch(epoch - 1, net, ctx))
            break;
    }
    free(idx);
    return epoch;
}
/* end book: network_sgd */

int network_predict(Network *net, const float *x)
{
    const float *a = network_feedforward(net, x);
    int best = 0;
    for (int j = 1; j < net->sizes[net->num_layers - 1]; j++)
        if (a[j] > a[best])                     /* first maximum, as argmax */
            best = j;
    return best;
}

/* book: network_evaluate */
size_t network_evaluate(Network *net, const Dataset *data)
{
    size_t correct = 0;
    assert(data->dim == (size_t)net->sizes[0]);
    for (size_t i = 0; i < data->n; i++) {
        dataset_x(net->x, data, i);
        correct += network_predict(net, net->x) == data->y[i];
    }
    return correct;
}
/* end book: network_evaluate */

double network_total_cost(Network *net, const Dataset *data)
{
    double total = 0.0;
    int n_out = net->sizes[net->num_layers - 1];
    assert(data->dim == (size_t)net->sizes[0]);
    for (size_t i = 0; i < data->n; i++) {
        dataset_x(net->x, data, i);
        dataset_one_hot(net->y, data->y[i], n_out);
        const float *a = network_feedforward(net, net->x);
        for (int j = 0; j < n_out; j++)
            total += 0.5 * ((double)net->y[j] - a[j]) * ((double)net->y[j] - a[j]);
    }
    return data->n ? total / (double)data->n : 0.0;   /* eq. 1.6 */
}

size_t network_num_params(const Network *net)
{
    return net->num_params;
}

int network_is_finite(const Network *net)
{
    for (size_t p = 0; p < net->num_params; p++)
        if (!isfinite(net->params[p]))
            return 0;
    return 1;
}
