/* network_diagnose.h - why a run is stuck (section 1.6): which digits the
 * network predicts, and which output neurons are saturated.
 *
 * BP1 says delta_j = (a_j - y_j) sigma'(z_j) in the output layer.  When an
 * output neuron's weighted input z_j is far from 0 on nearly every image
 * (|z_j| > 5 gives sigma'(z_j) < 0.0067), its delta is nearly 0 whatever
 * the error, so its weights and bias, and the hidden weights through it,
 * hardly learn: the neuron is stuck, usually off (z_j < -5, a_j ~ 0), and
 * its digit is never predicted.  That is what holds [784, 100, 10] at 68 to
 * 87% on some seeds, until the neuron drifts back and the accuracy jumps.
 */
#ifndef NNDL_NETWORK_DIAGNOSE_H
#define NNDL_NETWORK_DIAGNOSE_H

#include <stddef.h>
#include "dataset.h"
#include "network.h"
#include "nndl_error.h"

/* |z| beyond this is saturated: sigma'(5) = 0.0066, 1/38 of sigma'(0). */
#define DIAGNOSE_Z_LIMIT 5.0f
/* A neuron saturated on more than this share of the images is stuck. */
#define DIAGNOSE_STUCK_SHARE 0.95

/* One output neuron j over a dataset. */
typedef struct {
    size_t predicted;        /* images whose largest output is j */
    double saturated;        /* share of images with |z_j| > DIAGNOSE_Z_LIMIT */
    double mean_z;           /* mean of z_j */
    double mean_sigma_prime; /* mean of sigma'(z_j): how much BP1 lets through */
} OutputDiagnosis;

/* Diagnosis of the output layer: n_out entries, owned by the struct
 * (diagnosis_free).  stuck counts the neurons saturated on more than
 * DIAGNOSE_STUCK_SHARE of the images. */
typedef struct {
    int n_out;
    OutputDiagnosis *out;
    int stuck;
} Diagnosis;

/* Feeds every example of data forward through net (the textbook path; net's
 * scratch is used) and fills d.  NNDL_ERR_ARG for an empty dataset or one
 * whose inputs do not match sizes[0]; NNDL_ERR_NOMEM (d empty). */
NndlStatus network_diagnose(Diagnosis *d, Network *net, const Dataset *data,
                            char *err);

/* Frees what d owns and zeroes it.  Accepts NULL. */
void diagnosis_free(Diagnosis *d);

#endif
