/* digit.h - any image of one digit made to look like an MNIST digit.
 *
 * MNIST's digits were written on paper, scanned, and then (LeCun et al.):
 *   1. cropped to their bounding box and scaled to fit a 20 x 20 box,
 *      keeping the aspect ratio (anti-aliasing gave the grey levels);
 *   2. put in a 28 x 28 field so that their centre of mass lands on its
 *      centre.  In the MNIST files the centre of mass, in pixel indices,
 *      always rounds to (14, 14): the shift was a whole number of pixels.
 * digit_to_mnist does the same, so a digit of the learner's own (a PNG
 * read by bin/classify, a drawing in the book's widget) meets the network
 * looking like what it was trained on.
 *
 * The module uses only the C library (no zlib, no libpng, no threads, no
 * allocation): the book's draw-a-digit widget compiles this same file for
 * WebAssembly.
 */
#ifndef NNDL_DIGIT_H
#define NNDL_DIGIT_H

#include "nndl_error.h"

#define DIGIT_SIDE 28          /* the MNIST field, 28 x 28 */
#define DIGIT_BOX 20           /* the box the digit is scaled to fit */
#define DIGIT_MAX_SIDE 16384   /* the largest width or height accepted */

/* A pixel is ink, for the bounding box, when it is above half of one grey
 * level of an 8-bit image: noise below that is background. */
#define DIGIT_INK_MIN (0.5f / 255.0f)

/* Turns the width x height image `ink` (row-major, ink[y * width + x],
 * 0 = background .. 1 = ink: the caller greys and inverts) into MNIST's
 * form in out (28 x 28 = 784 floats in [0, 1], row-major):
 * cropped to the bounding box of the pixels above DIGIT_INK_MIN, scaled
 * (each output pixel the mean of the source area it covers) so that the
 * longer side is 20 pixels, and shifted by whole pixels so that the centre
 * of mass rounds to pixel (14, 14).  Values outside [0, 1] count as 0 or 1;
 * ink the shift would push outside the field is dropped (as in MNIST).
 * Returns NNDL_ERR_ARG, out untouched, for a blank image (no ink), a NaN
 * pixel, a NULL pointer or a side outside 1..DIGIT_MAX_SIDE. */
NndlStatus digit_to_mnist(float out[784], const float *ink, int width,
                          int height, char *err);

#endif
