/* 1.5-gradient-descent - section 1.5, "Learning with gradient descent".
 *
 * The ball rolling down a valley: gradient descent v -> v - eta grad C(v)
 * (eq. 1.11) on a round and an elongated valley for several learning rates,
 * writing every path for the figures; a numerical check that one step
 * changes C by about -eta |grad C|^2 (eq. 1.10); and stochastic gradient
 * descent on a small least-squares problem, where the gradient estimated
 * from a mini-batch is compared with the full gradient (eq. 1.18) and SGD
 * races full gradient descent for the same number of examples seen. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "lang.h"
#include "nndl.h"

#define STEPS 30        /* gradient descent steps on each valley */
#define GRID_N 41       /* surface grid points per axis, over [-2.5, 2.5] */
#define N_EX 1000       /* examples in the least-squares problem */

static const char *out_dir = "results";

static FILE *create_in_out_dir(AtomicFile *af, const char *name)
{
    return cli_create_in(af, out_dir, name);
}

/* ---- Part 1: the valley ------------------------------------------------ */

/* book: valley */
/* C(v1, v2) = (a v1^2 + b v2^2) / 2, a valley whose bottom is (0, 0):
 * round when a = b, long and narrow along v1 when b > a. */
typedef struct {
    const char *name;
    double a, b;
    double eta[4];
} Valley;

static double valley_cost(double *grad, const double *v, size_t n, void *ctx)
{
    const Valley *valley = ctx;
    (void)n;
    grad[0] = valley->a * v[0];       /* dC/dv1 */
    grad[1] = valley->b * v[1];       /* dC/dv2 */
    return 0.5 * (valley->a * v[0] * v[0] + valley->b * v[1] * v[1]);
}
/* end book: valley */

static const Valley valleys[2] = {
    {N_("round"), 1.0, 1.0, {0.02, 0.3, 2.1, 0}},
    {N_("long"), 1.0, 5.0, {0.02, 0.15, 0.35, 0.42}},
};
static const double start[2] = {-2.0, 1.5};

/* Writes the surface C over [-2.5, 2.5]^2 in gnuplot's grid format (rows
 * separated by a blank line), columns v1 v2 C. */
static void write_grid(const Valley *valley)
{
    char name[64];
    AtomicFile af;
    double grad[2];
    snprintf(name, sizeof name, "valley-%s-grid.tsv", valley->name);
    FILE *f = create_in_out_dir(&af, name);
    fprintf(f, "v1\tv2\tC\n");
    for (int i = 0; i < GRID_N; i++) {
        for (int j = 0; j < GRID_N; j++) {
            double v[2] = {-2.5 + 5.0 * i / (GRID_N - 1),
                           -2.5 + 5.0 * j / (GRID_N - 1)};
            fprintf(f, "%.3f\t%.3f\t%.6f\n", v[0], v[1],
                    valley_cost(grad, v, 2, (void *)valley));
        }
        fprintf(f, "\n");
    }
    cli_commit(&af);
}

/* What happened on a path of k + 1 points (rows v1 v2 C). */
static const char *verdict(const double *path, size_t k)
{
    int flips = 0;
    for (size_t s = 1; s <= k; s++)
        flips += (path[3 * s + 1] > 0) != (path[3 * (s - 1) + 1] > 0);
    if (k < STEPS || path[3 * k + 2] > path[2])
        return _("too large: the ball is thrown up the far side, C grows");
    if (path[3 * k + 2] > 0.01 * path[2])
        return _("too small: after 30 steps the ball is still high up the slope");
    return flips > STEPS / 2 ? _("converges, but zigzags across the valley")
                             : _("good: the ball rolls down to the bottom");
}

static void write_path(const Valley *valley, double eta, const double *path,
                       size_t k)
{
    char name[64];
    AtomicFile af;
    snprintf(name, sizeof name, "valley-%s-eta%g.tsv", valley->name, eta);
    FILE *f = create_in_out_dir(&af, name);
    fprintf(f, "step\tv1\tv2\tC\n");
    for (size_t s = 0; s <= k; s++)
        fprintf(f, "%zu\t%.6f\t%.6f\t%.6f\n", s, path[3 * s], path[3 * s + 1],
                path[3 * s + 2]);
    cli_commit(&af);
}

/* x rounded to the 4 decimals shown, so that -0.00001 prints as 0.0000. */
static double tidy(double x)
{
    return fabs(x) < 5e-5 ? 0.0 : x;
}

static void roll(const Valley *valley, double eta)
{
    static const size_t shown[] = {0, 1, 2, 3, 5, 10, 20, 30};
    double v[2] = {start[0], start[1]}, grad[2], path[3 * (STEPS + 1)];
    size_t k = gd_run(v, grad, path, 2, eta, STEPS, valley_cost, (void *)valley);
    printf(_("   eta = %g\n     step |    v1     |    v2     |     C\n"), eta);
    for (size_t i = 0; i < sizeof shown / sizeof *shown && shown[i] <= k; i++) {
        const double *row = path + 3 * shown[i];
        printf("     %4zu | %9.4f | %9.4f | %10.4f\n", shown[i], tidy(row[0]),
               tidy(row[1]), tidy(row[2]));
    }
    printf("     -> %s\n\n", verdict(path, k));
    write_path(valley, eta, path, k);
}

static void valley_descent(void)
{
    printf(_("1. The ball rolling down a valley\n"
           "   C(v1, v2) = (a v1^2 + b v2^2) / 2 has its bottom at (0, 0).\n"
           "   Each step moves v by -eta grad C (eq. 1.11); the ball starts at\n"
           "   (%g, %g).\n\n"), start[0], start[1]);
    for (int i = 0; i < 2; i++) {
        const Valley *valley = &valleys[i];
        printf(_("   The %s valley, a = %g, b = %g (eta must stay below 2 / %g\n"
               "   = %g or the steps overshoot more than they descend):\n\n"),
               _(valley->name), valley->a, valley->b, fmax(valley->a, valley->b),
               2 / fmax(valley->a, valley->b));
        for (int e = 0; e < 4 && valley->eta[e] > 0; e++)
            roll(valley, valley->eta[e]);
        write_grid(valley);
    }
    printf(_("   Look for: too small an eta wastes steps, too large a one makes C\n"
           "   grow; in the long valley the safe eta is set by the steep\n"
           "   direction (v2) while progress is set by the shallow one (v1).\n"
           "   Wrote the paths and surfaces to %s/valley-*.tsv.\n\n"), out_dir);
}

/* ---- Part 2: eq. 1.10 ------------------------------------------------- */

static void delta_c_check(void)
{
    const Valley *valley = &valleys[1];
    printf(_("2. One step changes C by about -eta |grad C|^2 (eq. 1.10)\n"
           "   On the long valley at v = (%g, %g):\n\n"
           "       eta   | true change in C | -eta |grad C|^2 | relative error\n"),
           start[0], start[1]);
    for (double eta = 0.1; eta > 1e-5; eta /= 10) {
        double v[2] = {start[0], start[1]}, grad[2];
        double c0 = gd_step(v, grad, 2, eta, valley_cost, (void *)valley);
        double predicted = -eta * (grad[0] * grad[0] + grad[1] * grad[1]);
        double actual = valley_cost(grad, v, 2, (void *)valley) - c0;
        printf("    %7.0e  |  %+.6e   |  %+.6e   | %.2e\n", eta, actual,
               predicted, fabs(actual - predicted) / fabs(predicted));
    }
    printf(_("\n   Look for: the change is always negative (C goes down) and the\n"
           "   relative error shrinks tenfold with eta: the approximation\n"
           "   behind the update rule holds for small steps.\n\n"));
}

/* ---- Part 3: stochastic gradient descent ------------------------------ */

/* book: minibatch_cost */
/* Least squares: example i has input x[i] and target y[i]; the model is
 * w x + b with v = (w, b), and C_x = (w x + b - y)^2 / 2.  The cost over a
 * mini-batch idx[0..m-1] is the average of C_x, and so is its gradient:
 * with m = n it is the full cost C, with m < n an estimate of it. */
typedef struct {
    const double *x, *y;
    const size_t *idx;
    size_t m;
} Batch;

static double batch_cost(double *grad, const double *v, size_t n, void *ctx)
{
    const Batch *batch = ctx;
    double c = 0;
    (void)n;
    grad[0] = grad[1] = 0;
    for (size_t k = 0; k < batch->m; k++) {
        size_t i = batch->idx[k];
        double err = v[0] * batch->x[i] + v[1] - batch->y[i];
        c += 0.5 * err * err;
        grad[0] += err * batch->x[i];   /* dC_x/dw */
        grad[1] += err;                 /* dC_x/db */
    }
    grad[0] /= batch->m, grad[1] /= batch->m;
    return c / batch->m;
}
/* end book: minibatch_cost */

typedef struct {
    double x[N_EX], y[N_EX];
    size_t all[N_EX];
} Problem;

static void make_problem(Problem *p, Rng *rng)
{
    for (size_t i = 0; i < N_EX; i++) {
        p->x[i] = 2 * rng_uniform(rng) - 1;
        p->y[i] = 3 * p->x[i] - 1 + 0.5 * rng_gaussian(rng);
        p->all[i] = i;
    }
}

/* Spread of the mini-batch gradient at v over many random mini-batches. */
static void gradient_noise(const Problem *p, Rng *rng)
{
    static const size_t ms[] = {1, 10, 100};
    enum { TRIALS = 2000 };
    double v[2] = {0, 0}, g[2], grad[2];
    size_t idx[N_EX];
    Batch full = {p->x, p->y, p->all, N_EX};
    batch_cost(g, v, 2, &full);
    printf(_("   At v = (w, b) = (0, 0) the full gradient over all %d examples\n"
           "   is (%.3f, %.3f).  Estimates from %d random mini-batches:\n\n"
           "      m   | mean estimate    | spread (std. dev.)\n"), N_EX, g[0],
           g[1], TRIALS);
    memcpy(idx, p->all, sizeof idx);
    for (size_t i = 0; i < sizeof ms / sizeof *ms; i++) {
        double sum[2] = {0}, sq[2] = {0};
        Batch batch = {p->x, p->y, idx, ms[i]};
        for (int t = 0; t < TRIALS; t++) {
            rng_shuffle(rng, idx, N_EX);
            batch_cost(grad, v, 2, &batch);
            for (int c = 0; c < 2; c++)
                sum[c] += grad[c], sq[c] += grad[c] * grad[c];
        }
        double mean[2] = {sum[0] / TRIALS, sum[1] / TRIALS};
        printf("    %4zu  | (%6.3f, %6.3f) | (%.3f, %.3f)\n", ms[i], mean[0],
               mean[1], sqrt(sq[0] / TRIALS - mean[0] * mean[0]),
               sqrt(sq[1] / TRIALS - mean[1] * mean[1]));
    }
    printf(_("\n   Look for: on average a mini-batch points the same way as the\n"
           "   full gradient, with noise that falls like 1/sqrt(m): ten times\n"
           "   the examples, about a third of the spread.\n\n"));
}

/* One epoch of SGD: shuffle, then one step per mini-batch of m. */
static void sgd_epoch(double *v, const Problem *p, size_t *idx, size_t m,
                      double eta, Rng *rng)
{
    double grad[2];
    rng_shuffle(rng, idx, N_EX);
    for (size_t k = 0; k < N_EX; k += m) {
        Batch batch = {p->x, p->y, idx + k, N_EX - k < m ? N_EX - k : m};
        gd_step(v, grad, 2, eta, batch_cost, &batch);
    }
}

static void race(const Problem *p, Rng *rng)
{
    enum { EPOCHS = 10, M = 10 };
    const double eta = 0.5;
    double v_gd[2] = {0, 0}, v_sgd[2] = {0, 0}, grad[2];
    size_t idx[N_EX];
    Batch full = {p->x, p->y, p->all, N_EX};
    AtomicFile af;
    FILE *f = create_in_out_dir(&af, "sgd-vs-gd.tsv");
    memcpy(idx, p->all, sizeof idx);
    fprintf(f, "epoch\tgd_cost\tsgd_cost\n");
    printf(_("   Full gradient descent (one step per pass over the data) against\n"
           "   SGD with mini-batches of %d (%d steps per pass), eta = %g, from\n"
           "   (0, 0); C is the full cost after each pass (epoch):\n\n"
           "    epoch | C, full GD | C, SGD\n"), M, N_EX / M, eta);
    for (int e = 0; e <= EPOCHS; e++) {
        if (e > 0) {
            gd_step(v_gd, grad, 2, eta, batch_cost, &full);
            sgd_epoch(v_sgd, p, idx, M, eta, rng);
        }
        double c_gd = batch_cost(grad, v_gd, 2, &full);
        double c_sgd = batch_cost(grad, v_sgd, 2, &full);
        printf("     %2d   |  %8.5f  | %8.5f\n", e, c_gd, c_sgd);
        fprintf(f, "%d\t%.6f\t%.6f\n", e, c_gd, c_sgd);
    }
    cli_commit(&af);
    printf(_("\n   SGD ends at (w, b) = (%.3f, %.3f); the data were made with\n"
           "   w = 3, b = -1 plus noise.  Look for: for the same number of\n"
           "   examples looked at, SGD's many noisy steps get much further than\n"
           "   the few exact ones; the noise only jiggles it near the bottom.\n"),
           v_sgd[0], v_sgd[1]);
}

int main(int argc, char **argv)
{
    uint64_t seed = 1;
    const CliFlag flags[] = {
        CLI_FLAG_SEED(&seed, N_("seed for the data and mini-batches of part 3\n"
                      "(parts 1 and 2 use no randomness)")),
        CLI_FLAG_OUT_DIR(&out_dir, N_("where to write the valley-*.tsv paths and\n"
                         "grids and sgd-vs-gd.tsv")),
    };
    const CliProgram prog = {
        N_("Section 1.5: gradient descent on a valley and stochastic gradient\n"
        "descent on a small problem."),
        flags, sizeof flags / sizeof *flags, NULL};
    cli_init(argv[0]);
    cli_parse(&prog, argc, argv);
    cli_out_dir(out_dir);
    cli_output("--out-dir", cli_path_in(out_dir, "sgd-vs-gd.tsv"));
    printf(_("Section 1.5: Learning with gradient descent\n\n"));
    valley_descent();
    delta_c_check();
    Rng rng;
    Problem *p = malloc(sizeof *p);
    if (!p)
        cli_die(1, _("out of memory"));
    rng_seed(&rng, seed);
    make_problem(p, &rng);
    printf(_("3. Stochastic gradient descent\n"
           "   %d examples (x, y) with y = 3 x - 1 plus noise (seed %llu); fit\n"
           "   the line w x + b by minimising the quadratic cost.\n\n"), N_EX,
           (unsigned long long)seed);
    gradient_noise(p, &rng);
    race(p, &rng);
    free(p);
    return 0;
}
