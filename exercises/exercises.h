/* exercises.h - the contract of every exercise: what each function you
 * write must compute.  Your file (exercises/NN_name.c) and its test
 * (exercises/tests/test_NN_name.c) both include this header, so the
 * compiler tells you at once if a signature drifts.
 *
 * The exercises follow the chapter's sections (see exercises/manifest.tsv).
 * Pieces you have not written yet come from the library (lib/, see
 * lib/nndl.h): the tests link it, so you may call it wherever a stub says so.
 */
#ifndef NNDL_EXERCISES_H
#define NNDL_EXERCISES_H

#include <stddef.h>
#include <stdint.h>

#include "nndl.h"

/* A small network in double precision, used by the exercises of sections
 * 1.1, 1.2 and 1.7.  Same layout as the library's Network:
 *   w[l][j * sizes[l] + k]  weight from neuron k of layer l to neuron j
 *                           of layer l+1 (a sizes[l+1] x sizes[l] matrix);
 *   b[l][j]                 bias of neuron j of layer l+1. */
#define EX_MAX_LAYERS 4
#define EX_MAX_UNITS 10
typedef struct {
    int num_layers;            /* layers with the input and output: the book's L + 1 */
    int sizes[EX_MAX_LAYERS];
    double w[EX_MAX_LAYERS - 1][EX_MAX_UNITS * EX_MAX_UNITS];
    double b[EX_MAX_LAYERS - 1][EX_MAX_UNITS];
} SmallNet;

/* ---- 1.1 Perceptrons ------------------------------------------------ */

/* 1: 1 if w . x + b > 0, else 0 (n inputs). */
int ex_perceptron(const double *w, const double *x, double b, size_t n);

/* 2: the NAND perceptron of section 1.1: ex_nand_z gives its weighted
 * input w . x + b for the bits x1, x2, and ex_nand its output (0 or 1). */
double ex_nand_z(int x1, int x2);
int ex_nand(int x1, int x2);

/* 3: the sum bit and carry bit of x1 + x2, using only ex_nand_gate. */
void ex_adder(int x1, int x2, int *sum, int *carry);
/* A NAND perceptron provided by the test (it counts the calls). */
int ex_nand_gate(int a, int b);

/* 4: outputs (0 or 1) of the perceptron network net with every weight and
 * bias multiplied by c; x holds sizes[0] inputs. */
void ex_perceptron_net(int *out, const SmallNet *net, const double *x,
                       double c);

/* ---- 1.2 Sigmoid neurons -------------------------------------------- */

/* 5: sigma(z) = 1 / (1 + e^-z), and its derivative sigma'(z). */
double ex_sigmoid(double z);
double ex_sigmoid_prime(double z);

/* 6: outputs of the same network made of sigmoid neurons, with every
 * weight and bias multiplied by c. */
void ex_sigmoid_net(double *out, const SmallNet *net, const double *x,
                    double c);

/* ---- 1.3 The architecture of neural networks ------------------------ */

/* 7: feedforward through the library's Network: fills net->a[0..n_layers-1] and
 * net->z[0..n_layers-2] and returns net->a[n_layers-1]. */
const float *ex_feedforward(Network *net, const float *x);

/* ---- 1.4 A simple network to classify handwritten digits ------------ */

/* 8: weights and biases of a layer of 4 sigmoid neurons that reads the 10
 * outputs of a digit network and writes the digit in binary: neuron i
 * gives bit i (bit 0 the least significant). */
void ex_bit_layer(double w[4][10], double b[4]);

/* 9: the header of an IDX file. */
typedef struct {
    int type;              /* third magic byte: 0x08 = unsigned bytes */
    int ndims;             /* fourth magic byte: 1 labels, 3 images */
    uint32_t dims[3];      /* the sizes, e.g. 60000, 28, 28 */
} IdxHeader;
/* Returns the header's length in bytes, or -1 if it is not a valid
 * unsigned-byte IDX header of 1 to 3 dimensions. */
int ex_idx_header(IdxHeader *h, const unsigned char *bytes, size_t len);

/* ---- 1.5 Learning with gradient descent ----------------------------- */

/* 10: the desired output y(x) for a digit: 10 values, 1 at label. Returns
 * 0, or -1 (and all zeros) if label is not 0..9. */
int ex_one_hot(double *y, int label);

/* 11: C = 1/(2n) sum_x |y(x) - a(x)|^2 over n examples of n_out outputs
 * (a and y are n x n_out, row by row), and the gradient dC_x/da of one
 * example's cost C_x = |y - a|^2 / 2 (n_out values into out). */
double ex_quadratic_cost(const double *a, const double *y, size_t n,
                         size_t n_out);
void ex_cost_derivative(double *out, const double *a, const double *y,
                        size_t n_out);

/* 12: the step dv of length eps that lowers C the most, given grad C. */
void ex_steepest_step(double *dv, const double *grad, size_t n, double eps);

/* 13: gradient descent on a function C of one variable, whose derivative
 * is c_prime: path[0] = v0, then path[1..steps] the points that `steps`
 * steps of learning rate eta reach, one after the other. */
void ex_gd_1d(double *path, double v0, double eta, size_t steps,
              double (*c_prime)(double v));

/* 14: one sigmoid neuron with two inputs, a = sigma(w . x + b), learning
 * with the quadratic cost C_x = (a - y)^2 / 2. */
typedef struct {
    double w[2];
    double b;
} Neuron2;
/* The gradient of C_x for one example (x[0], x[1]) with target y. */
void ex_neuron_gradient(double grad_w[2], double *grad_b, const Neuron2 *nrn,
                        const double x[2], double y);
/* One epoch over the n examples in order (x is n x 2), in mini-batches of
 * m (the last one may be smaller).  Returns the number of updates. */
size_t ex_neuron_epoch(Neuron2 *nrn, const double *x, const double *y,
                       size_t n, size_t m, double eta);

/* ---- 1.6 Implementing our network to classify digits ---------------- */

/* 15: a' = sigma(w a + b) one component at a time; w is n_out x n_in. */
void ex_layer(double *a_out, const double *w, const double *b,
              const double *a_in, size_t n_out, size_t n_in);

/* 16 (BP1): net->delta[n_layers-2], the output error, from net->z, net->a and the
 * target y (net->a and net->z already filled by a feedforward). */
void ex_output_error(Network *net, const float *y);

/* 17 (BP2): net->delta[l] from net->delta[l+1], for 0 <= l < n_layers-2. */
void ex_hidden_error(Network *net, int l);

/* 18 (BP3, BP4): ADDS dC_x/db and dC_x/dw to net->nabla_b and
 * net->nabla_w, given net->a and every net->delta. */
void ex_param_gradients(Network *net);

/* 19: one gradient descent step on the mini-batch idx[0..m-1] of data. */
void ex_update_mini_batch(Network *net, const Dataset *data,
                          const size_t *idx, size_t m, float eta);

/* 20: a uniform random permutation of idx[0..n-1], in place; and one epoch
 * of SGD that shuffles order[0..training->n-1] and then updates on each
 * mini-batch of m consecutive entries. */
void ex_shuffle(Rng *rng, size_t *idx, size_t n);
void ex_sgd_epoch(Network *net, const Dataset *training, size_t *order,
                  size_t m, float eta, Rng *rng);

/* 21: the index of the largest of a[0..n-1] (the first one on a tie), and
 * the number of examples of data the network classifies correctly. */
int ex_argmax(const float *a, int n);
size_t ex_evaluate(Network *net, const Dataset *data);

/* 22: a network with no hidden layer ([784, 10]) trained on training;
 * the caller frees it with network_free. */
Network *ex_train_no_hidden(const Dataset *training, Rng *rng);

/* ---- 1.7 Toward deep learning --------------------------------------- */

/* 23: a [2, 2, 1] sigmoid network whose output is x1 XOR x2. */
void ex_xor_net(SmallNet *net);

#endif
