/* epochs.c - see epochs.h. */
#include "epochs.h"

#include <stdint.h>

#include "cli.h"
#include "lang.h"

void epochs_start(EpochLog *r)
{
    r->last = cli_now();
    r->best = r->final = 0, r->best_epoch = -1;
    r->pending = NULL;
    if (r->log)
        fprintf(r->log, "epoch\tcorrect\ttotal\taccuracy\tseconds\n");
}

/* Prints and logs one epoch's result; `end` is when its training ended. */
static void report(EpochLog *r, int epoch, size_t correct, double end)
{
    if (correct == SIZE_MAX)
        cli_die(1, _("out of memory evaluating the network"));
    if (!r->quiet) {
        cli_progress_clear();
        printf(_("%sEpoch %d: %zu / %zu\n"), r->indent, epoch, correct,
               r->test->n);
        cli_flush_stdout();
    }
    if (r->log)
        fprintf(r->log, "%d\t%zu\t%zu\t%.4f\t%.3f\n", epoch, correct,
                r->test->n, (double)correct / r->test->n, end - r->last);
    if (correct > r->best || r->best_epoch < 0)
        r->best = correct, r->best_epoch = epoch;
    r->final = correct, r->last = end;
    cli_progress(_("epochs"), (size_t)epoch + 1, (size_t)r->epochs);
}

void epochs_finish(EpochLog *r)
{
    if (r->pending)
        report(r, r->pending_epoch, network_fast_evaluate_wait(r->pending),
               r->pending_end);
    r->pending = NULL;
}

int epochs_on_epoch(int epoch, const Network *net, void *ctx)
{
    EpochLog *r = ctx;
    double end = cli_now();
    if (!network_is_finite(net))
        cli_die(1, _("epoch %d: the weights became NaN or infinite; try a "
                "smaller --eta than %g"), epoch, r->eta);
    if (r->textbook)
        report(r, epoch, network_evaluate((Network *)net, r->test), end);
    else if (r->threads > 1)            /* every core is training already */
        report(r, epoch, network_fast_evaluate(net, r->test, r->threads), end);
    else {                              /* test in the background */
        epochs_finish(r);
        r->pending = network_fast_evaluate_start(net, r->test);
        if (!r->pending)
            cli_die(1, _("out of memory evaluating the network"));
        r->pending_epoch = epoch, r->pending_end = end;
    }
    return 0;
}
