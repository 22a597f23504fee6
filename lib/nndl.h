/* nndl.h - the whole library: include this one header. */
#ifndef NNDL_H
#define NNDL_H

#include "nndl_error.h"
#include "rng.h"
#include "perceptron.h"
#include "sigmoid.h"
#include "sigmoid_simd.h"
#include "gradient_descent.h"
#include "dataset.h"
#include "mnist.h"
#include "atomic_file.h"
#include "network.h"

#endif
