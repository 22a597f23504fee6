/* network_diagnose.c - saturated output neurons (network_diagnose.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "network_diagnose.h"
#include "sigmoid.h"

/* Adds one image's output layer (weighted inputs z and activations a, n
 * of each) to d; the predicted digit is the first largest a, as in
 * network_predict. */
static void add_image(Diagnosis *d, const float *z, const float *a, int n)
{
    int best = 0;
    for (int j = 0; j < n; j++) {
        OutputDiagnosis *o = &d->out[j];
        o->saturated += fabsf(z[j]) > DIAGNOSE_Z_LIMIT;
        o->mean_z += z[j];
        o->mean_sigma_prime += sigmoid_prime(z[j]);
        best = a[j] > a[best] ? j : best;
    }
    d->out[best].predicted++;
}

NndlStatus network_diagnose(Diagnosis *d, Network *net, const Dataset *data,
                            char *err)
{
    int L = net->num_layers, n = net->sizes[L - 1];
    memset(d, 0, sizeof *d);
    if (data->n == 0 || data->dim != (size_t)net->sizes[0])
        return nndl_fail(err, NNDL_ERR_ARG, "diagnose: %zu examples of %zu "
                         "inputs for a network of %d inputs", data->n,
                         data->dim, net->sizes[0]);
    d->out = calloc((size_t)n, sizeof *d->out);
    if (!d->out)
        return nndl_fail(err, NNDL_ERR_NOMEM, "diagnose: out of memory");
    d->n_out = n;
    for (size_t i = 0; i < data->n; i++) {
        dataset_x(net->x, data, i);
        const float *a = network_feedforward(net, net->x);
        add_image(d, net->z[L - 2], a, n);
    }
    for (int j = 0; j < n; j++) {
        OutputDiagnosis *o = &d->out[j];
        o->saturated /= data->n, o->mean_z /= data->n;
        o->mean_sigma_prime /= data->n;
        d->stuck += o->saturated > DIAGNOSE_STUCK_SHARE;
    }
    return NNDL_OK;
}

void diagnosis_free(Diagnosis *d)
{
    if (d) {
        free(d->out);
        memset(d, 0, sizeof *d);
    }
}
