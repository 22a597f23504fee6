/* test_network_diagnose.c - the diagnosis of the output layer
 * (lib/network_diagnose.c) on a [2, 3] network whose weighted inputs are
 * known by hand: predicted digits, saturated shares, mean z and sigma'. */
#include <math.h>
#include <string.h>

#include "testutil.h"

/* Four examples of 2 inputs: x = (0,0), (1,0), (0,1), (1,1) (bytes 0, 255). */
static unsigned char xs[8] = {0, 0, 255, 0, 0, 255, 255, 255};
static unsigned char ys[4] = {0, 1, 2, 0};
static Dataset data = {4, 1, 2, 2, xs, ys, 0};

/* Output 0: z = -10 always (stuck off); output 1: z = 8 x1 - 4 (-4 or 4);
 * output 2: z = 12 x2 - 6 (-6 or 6, saturated on every image). */
static Network *known_network(void)
{
    int sizes[] = {2, 3};
    Network *net = network_create(sizes, 2, NULL);
    const float w[] = {0, 0, 8, 0, 0, 12}, b[] = {-10, -4, -6};
    memcpy(net->w[0], w, sizeof w), memcpy(net->b[0], b, sizeof b);
    return net;
}

START_TEST(test_a_neuron_stuck_off_is_saturated_on_every_image)
{
    Network *net = known_network();
    Diagnosis d;
    char err[NNDL_ERRLEN];
    ck_assert_int_eq(network_diagnose(&d, net, &data, err), NNDL_OK);
    ck_assert_int_eq(d.n_out, 3);
    ck_assert_double_eq_tol(d.out[0].saturated, 1.0, 1e-12);
    ck_assert_double_eq_tol(d.out[0].mean_z, -10.0, 1e-6);
    ck_assert_double_eq_tol(d.out[0].mean_sigma_prime, sigmoid_prime(-10), 1e-9);
    ck_assert_uint_eq(d.out[0].predicted, 0);
    /* |z| = 4 is not beyond 5: output 1 is never saturated. */
    ck_assert_double_eq_tol(d.out[1].saturated, 0.0, 1e-12);
    ck_assert_double_eq_tol(d.out[1].mean_z, 0.0, 1e-6);
    ck_assert_double_eq_tol(d.out[1].mean_sigma_prime, sigmoid_prime(4), 1e-7);
    ck_assert_double_eq_tol(d.out[2].saturated, 1.0, 1e-12);
    ck_assert_int_eq(d.stuck, 2);
    diagnosis_free(&d);
    ck_assert_ptr_null(d.out);
    network_free(net);
}
END_TEST

/* (0,0): output 1 (z -4 against -6 and -10); (1,0): 1 (z 4);
 * (0,1): 2 (z 6 against -4); (1,1): 2 (6 against 4). */
START_TEST(test_predicted_counts_are_the_argmax_of_each_image)
{
    Network *net = known_network();
    Diagnosis d;
    ck_assert_int_eq(network_diagnose(&d, net, &data, NULL), NNDL_OK);
    ck_assert_uint_eq(d.out[0].predicted, 0);
    ck_assert_uint_eq(d.out[1].predicted, 2);
    ck_assert_uint_eq(d.out[2].predicted, 2);
    for (size_t i = 0; i < data.n; i++) {
        float x[2];
        dataset_x(x, &data, i);
        int p = network_predict(net, x);
        ck_assert(p == ((i == 0 || i == 1) ? 1 : 2));
    }
    diagnosis_free(&d);
    network_free(net);
}
END_TEST

/* Just past the share: 1 saturated image of 4 is not stuck, all 4 are. */
START_TEST(test_a_neuron_is_stuck_only_beyond_95_percent_of_images)
{
    Network *net = known_network();
    net->b[0][0] = 4.5f, net->w[0][0] = 1.0f;    /* z = 4.5 + x1: 4.5 or 5.5 */
    Diagnosis d;
    ck_assert_int_eq(network_diagnose(&d, net, &data, NULL), NNDL_OK);
    ck_assert_double_eq_tol(d.out[0].saturated, 0.5, 1e-12);
    ck_assert_int_eq(d.stuck, 1);                /* output 2 only */
    diagnosis_free(&d);
    network_free(net);
}
END_TEST

START_TEST(test_an_empty_or_mismatched_dataset_is_an_error)
{
    Network *net = known_network();
    Diagnosis d;
    char err[NNDL_ERRLEN];
    Dataset empty = dataset_view(&data, 0, 0), wide = data;
    wide.dim = 3, wide.n = 2;
    ck_assert_int_eq(network_diagnose(&d, net, &empty, err), NNDL_ERR_ARG);
    ck_assert_ptr_nonnull(strstr(err, "0 examples"));
    ck_assert_int_eq(network_diagnose(&d, net, &wide, err), NNDL_ERR_ARG);
    ck_assert_ptr_null(d.out);
    diagnosis_free(NULL);
    network_free(net);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("network_diagnose");
    TCase *tc = tcase_create("output layer");
    tcase_add_test(tc, test_a_neuron_stuck_off_is_saturated_on_every_image);
    tcase_add_test(tc, test_predicted_counts_are_the_argmax_of_each_image);
    tcase_add_test(tc, test_a_neuron_is_stuck_only_beyond_95_percent_of_images);
    tcase_add_test(tc, test_an_empty_or_mismatched_dataset_is_an_error);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
