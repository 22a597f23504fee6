/* test_digit.c - MNIST's preprocessing (lib/digit.c): real MNIST test
 * digits drawn larger, shifted and padded come back to their own 28 x 28;
 * the rules (fit 20 x 20 keeping the aspect, centre of mass at 14) hold on
 * shapes made here; blank and malformed images are errors. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define N_DIGITS 300           /* MNIST test digits tried per test */
#define SIDE 28

static MnistSplit mnist;
static float out[784], err_out[784];
static char err[NNDL_ERRLEN];

static void load_mnist(void)
{
    ck_assert_msg(mnist_load_split(&mnist, mnist_default_dir(), 50000, err)
                  == NNDL_OK, "%s (run make data)", err);
}

static void free_mnist(void)
{
    mnist_split_free(&mnist);
}

/* Bounding box {x0, y0, x1, y1} (exclusive) of the nonzero pixels. */
static void bbox28(int box[4], const float *img)
{
    box[0] = box[1] = SIDE, box[2] = box[3] = 0;
    for (int y = 0; y < SIDE; y++)
        for (int x = 0; x < SIDE; x++)
            if (img[y * SIDE + x] > 0) {
                box[0] = x < box[0] ? x : box[0];
                box[1] = y < box[1] ? y : box[1];
                box[2] = x + 1 > box[2] ? x + 1 : box[2];
                box[3] = y + 1 > box[3] ? y + 1 : box[3];
            }
}

/* The 28 x 28 img drawn k times larger (each pixel a k x k block) with its
 * top-left corner at (ox, oy) of a fresh zeroed W x H canvas. */
static float *draw_blocks(const float *img, int k, int ox, int oy, int W, int H)
{
    float *c = calloc((size_t)W * H, sizeof *c);
    for (int Y = 0; Y < H; Y++)
        for (int X = 0; X < W; X++) {
            int x = (X - ox) / k, y = (Y - oy) / k;
            if (X >= ox && Y >= oy && x < SIDE && y < SIDE)
                c[Y * W + X] = img[y * SIDE + x];
        }
    return c;
}

/* img drawn f times larger with bilinear interpolation (smooth edges). */
static float *draw_smooth(const float *img, double f, int ox, int oy, int W, int H)
{
    float *c = calloc((size_t)W * H, sizeof *c);
    for (int Y = 0; Y < H; Y++)
        for (int X = 0; X < W; X++) {
            double sx = (X - ox + 0.5) / f - 0.5, sy = (Y - oy + 0.5) / f - 0.5;
            int x = (int)floor(sx), y = (int)floor(sy);
            double fx = sx - x, fy = sy - y, v = 0;
            for (int j = 0; j < 2; j++)
                for (int i = 0; i < 2; i++)
                    if (x + i >= 0 && y + j >= 0 && x + i < SIDE && y + j < SIDE)
                        v += (i ? fx : 1 - fx) * (j ? fy : 1 - fy)
                             * img[(y + j) * SIDE + x + i];
            c[Y * W + X] = (float)v;
        }
    return c;
}

static double max_abs_diff(const float *a, const float *b)
{
    double m = 0;
    for (int i = 0; i < 784; i++)
        m = fmax(m, fabs(a[i] - b[i]));
    return m;
}

static double mean_abs_diff(const float *a, const float *b)
{
    double s = 0;
    for (int i = 0; i < 784; i++)
        s += fabs(a[i] - b[i]);
    return s / 784;
}

/* Three times larger, anywhere in a padded canvas of random size: every
 * digit whose longer side is 20 (MNIST's rule; all but 3 of the 10,000)
 * comes back to its exact 28 x 28 (tolerance 1e-6: float rounding). */
START_TEST(test_an_mnist_digit_drawn_3x_shifted_and_padded_comes_back_exactly)
{
    Rng rng;
    rng_seed(&rng, 16);
    int tried = 0;
    for (size_t i = 0; i < N_DIGITS; i++) {
        float img[784];
        int box[4];
        mnist_x(img, &mnist.test, i);
        bbox28(box, img);
        int bw = box[2] - box[0], bh = box[3] - box[1];
        if ((bw > bh ? bw : bh) != 20)
            continue;
        int ox = (int)(rng_uniform(&rng) * 40), oy = (int)(rng_uniform(&rng) * 40);
        int W = ox + 3 * SIDE + (int)(rng_uniform(&rng) * 40);
        int H = oy + 3 * SIDE + (int)(rng_uniform(&rng) * 40);
        float *c = draw_blocks(img, 3, ox, oy, W, H);
        ck_assert_int_eq(digit_to_mnist(out, c, W, H, err), NNDL_OK);
        free(c);
        ck_assert_msg(max_abs_diff(out, img) < 1e-6, "test digit %zu: max "
                      "difference %g", i, max_abs_diff(out, img));
        tried++;
    }
    ck_assert_int_gt(tried, N_DIGITS - 5);
}
END_TEST

/* 2.6 times larger with smooth (bilinear) edges, shifted: the blur makes
 * the bounding box a pixel or two larger, so the digit comes back a few
 * percent smaller and not to the exact pixel.  Tolerance: a mean absolute
 * pixel difference below 0.1 for each digit (measured at most 0.082) and
 * below 0.05 over all (measured 0.040); an MNIST digit's mean pixel is
 * about 0.13, and a digit left unscaled or uncentred is off by more. */
START_TEST(test_an_mnist_digit_drawn_2_6x_with_smooth_edges_comes_back_closely)
{
    double total = 0;
    for (size_t i = 0; i < N_DIGITS; i++) {
        float img[784];
        mnist_x(img, &mnist.test, i);
        int ox = 7 + (int)(i % 13), oy = 30 - (int)(i % 17);
        int W = ox + 80 + (int)(i % 7), H = oy + 75 + (int)(i % 11);
        float *c = draw_smooth(img, 2.6, ox, oy, W, H);
        ck_assert_int_eq(digit_to_mnist(out, c, W, H, err), NNDL_OK);
        free(c);
        double mean = mean_abs_diff(out, img);
        ck_assert_msg(mean < 0.1, "test digit %zu: mean difference %g", i, mean);
        total += mean;
    }
    ck_assert_double_lt(total / N_DIGITS, 0.05);
}
END_TEST

/* A solid 40 x 100 bar: the longer side becomes 20, the shorter 8 (the
 * same aspect), all full ink, nothing else lit. */
START_TEST(test_the_longer_side_becomes_20_keeping_the_aspect)
{
    int W = 300, H = 200;
    float *c = calloc((size_t)W * H, sizeof *c);
    for (int y = 50; y < 150; y++)
        for (int x = 210; x < 250; x++)
            c[y * W + x] = 1.0f;
    ck_assert_int_eq(digit_to_mnist(out, c, W, H, err), NNDL_OK);
    free(c);
    int box[4], lit = 0;
    bbox28(box, out);
    ck_assert_int_eq(box[2] - box[0], 8);
    ck_assert_int_eq(box[3] - box[1], 20);
    for (int k = 0; k < 784; k++)
        lit += out[k] > 0, ck_assert(out[k] == 0.0f || out[k] == 1.0f);
    ck_assert_int_eq(lit, 8 * 20);
}
END_TEST

/* Random blobs of random size anywhere: the centre of mass of the result,
 * in pixel indices, always rounds to (14, 14), as in every MNIST file. */
START_TEST(test_the_centre_of_mass_rounds_to_pixel_14_14)
{
    Rng rng;
    rng_seed(&rng, 7);
    for (int t = 0; t < 200; t++) {
        int W = 5 + (int)(rng_uniform(&rng) * 120), H = 5 + (int)(rng_uniform(&rng) * 120);
        float *c = calloc((size_t)W * H, sizeof *c);
        int cx = (int)(rng_uniform(&rng) * W), cy = (int)(rng_uniform(&rng) * H);
        double rad = 1 + rng_uniform(&rng) * 20;
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++)
                if (hypot(x - cx, (y - cy) * 0.5) < rad)
                    c[y * W + x] = (float)rng_uniform(&rng);
        ck_assert_int_eq(digit_to_mnist(out, c, W, H, err), NNDL_OK);
        free(c);
        double m = 0, mx = 0, my = 0;
        for (int k = 0; k < 784; k++)
            m += out[k], mx += (k % SIDE) * out[k], my += (k / SIDE) * out[k];
        ck_assert_int_eq(lround(mx / m), 14);
        ck_assert_int_eq(lround(my / m), 14);
    }
}
END_TEST

/* A small drawing (a digit at half size) is scaled up to fit 20 x 20. */
START_TEST(test_a_small_drawing_is_scaled_up_to_20)
{
    float img[784], small[14 * 14];
    mnist_x(img, &mnist.test, 0);
    for (int y = 0; y < 14; y++)
        for (int x = 0; x < 14; x++)
            small[y * 14 + x] = (img[2 * y * SIDE + 2 * x] + img[2 * y * SIDE + 2 * x + 1]
                                 + img[(2 * y + 1) * SIDE + 2 * x]
                                 + img[(2 * y + 1) * SIDE + 2 * x + 1]) / 4;
    ck_assert_int_eq(digit_to_mnist(out, small, 14, 14, err), NNDL_OK);
    int box[4];
    bbox28(box, out);
    ck_assert_int_eq((box[2] - box[0] > box[3] - box[1] ? box[2] - box[0]
                      : box[3] - box[1]), 20);
    ck_assert_double_lt(mean_abs_diff(out, img), 0.1);
}
END_TEST

/* Values beyond [0, 1] count as 0 and 1. */
START_TEST(test_values_outside_0_1_are_clamped)
{
    float a[64] = {0}, b[64] = {0};
    a[10] = 3.0f, a[11] = -2.0f, a[20] = 0.5f;
    b[10] = 1.0f, b[11] = 0.0f, b[20] = 0.5f;
    float out_b[784];
    ck_assert_int_eq(digit_to_mnist(out, a, 8, 8, err), NNDL_OK);
    ck_assert_int_eq(digit_to_mnist(out_b, b, 8, 8, err), NNDL_OK);
    ck_assert(memcmp(out, out_b, sizeof out) == 0);
}
END_TEST

/* A blank image, or one with only faint noise, is an error that says so,
 * and leaves out untouched. */
START_TEST(test_a_blank_image_is_a_clear_error)
{
    float blank[100 * 50] = {0};
    for (int k = 0; k < 784; k++)
        err_out[k] = -1.0f;
    ck_assert_int_eq(digit_to_mnist(err_out, blank, 100, 50, err), NNDL_ERR_ARG);
    ck_assert_ptr_nonnull(strstr(err, "blank"));
    for (int k = 0; k < 100 * 50; k += 3)
        blank[k] = DIGIT_INK_MIN * 0.9f;
    err[0] = '\0';
    ck_assert_int_eq(digit_to_mnist(err_out, blank, 100, 50, err), NNDL_ERR_ARG);
    ck_assert_ptr_nonnull(strstr(err, "blank"));
    for (int k = 0; k < 784; k++)
        ck_assert(err_out[k] == -1.0f);
    ck_assert_int_eq(digit_to_mnist(err_out, blank, 100, 50, NULL), NNDL_ERR_ARG);
}
END_TEST

START_TEST(test_bad_sizes_nan_and_null_are_errors)
{
    float img[4] = {0, 1, 0, 0};
    ck_assert_int_eq(digit_to_mnist(out, img, 0, 4, err), NNDL_ERR_ARG);
    ck_assert_ptr_nonnull(strstr(err, "0 x 4"));
    ck_assert_int_eq(digit_to_mnist(out, img, 2, -1, err), NNDL_ERR_ARG);
    ck_assert_int_eq(digit_to_mnist(out, img, DIGIT_MAX_SIDE + 1, 1, err), NNDL_ERR_ARG);
    ck_assert_int_eq(digit_to_mnist(out, NULL, 2, 2, err), NNDL_ERR_ARG);
    ck_assert_int_eq(digit_to_mnist(NULL, img, 2, 2, err), NNDL_ERR_ARG);
    img[3] = NAN;
    ck_assert_int_eq(digit_to_mnist(out, img, 2, 2, err), NNDL_ERR_ARG);
    ck_assert_ptr_nonnull(strstr(err, "not a number"));
    img[3] = 0;
    ck_assert_int_eq(digit_to_mnist(out, img, 2, 2, err), NNDL_OK);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("digit");
    TCase *real = tcase_create("mnist digits");
    tcase_add_unchecked_fixture(real, load_mnist, free_mnist);
    tcase_set_timeout(real, 30);
    tcase_add_test(real, test_an_mnist_digit_drawn_3x_shifted_and_padded_comes_back_exactly);
    tcase_add_test(real, test_an_mnist_digit_drawn_2_6x_with_smooth_edges_comes_back_closely);
    tcase_add_test(real, test_a_small_drawing_is_scaled_up_to_20);
    suite_add_tcase(s, real);
    TCase *rules = tcase_create("rules");
    tcase_add_test(rules, test_the_longer_side_becomes_20_keeping_the_aspect);
    tcase_add_test(rules, test_the_centre_of_mass_rounds_to_pixel_14_14);
    tcase_add_test(rules, test_values_outside_0_1_are_clamped);
    tcase_add_test(rules, test_a_blank_image_is_a_clear_error);
    tcase_add_test(rules, test_bad_sizes_nan_and_null_are_errors);
    suite_add_tcase(s, rules);
    return run_suite(s);
}
