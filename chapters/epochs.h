/* epochs.h - what the training programs (1.6, 1.7) do after every epoch:
 * test the network on the test set, print `Epoch k: correct / total`,
 * log it and keep the best.
 *
 * On the fast path with one thread the test runs on a second thread, from
 * a copy of the weights, while the next epoch trains
 * (network_fast_evaluate_start), and each line appears when its test is
 * done; the lines and numbers are the same either way.  Like cli.h this is
 * program code: it prints, and dies on failure.
 */
#ifndef NNDL_EPOCHS_H
#define NNDL_EPOCHS_H

#include <stddef.h>
#include <stdio.h>
#include "nndl.h"

typedef struct {
    /* set by the caller */
    const Dataset *test;
    FILE *log;                  /* TSV, one line per epoch, or NULL */
    const char *indent;         /* printed before each `Epoch` line */
    int quiet;                  /* 1: no `Epoch` lines (the log has them) */
    int epochs;                 /* how many, for the progress bar */
    int textbook;               /* network_sgd, or the fast path on */
    int threads;                /*   this many threads */
    double eta;                 /* named when the weights blow up */
    /* kept by the functions below */
    double last;                /* when the previous epoch ended */
    size_t best, final;         /* correct: best and last epoch's */
    int best_epoch;             /* -1 before the first */
    FastEvaluation *pending;    /* the last epoch's test, still running */
    int pending_epoch;
    double pending_end;         /* when that epoch's training ended */
} EpochLog;

/* Starts the clock and writes the log's header line (if there is a log). */
void epochs_start(EpochLog *r);

/* The EpochCallback for network_sgd and network_fast_sgd (ctx: an
 * EpochLog).  Dies if the weights are no longer finite. */
int epochs_on_epoch(int epoch, const Network *net, void *ctx);

/* Waits for the last epoch's test, if it is still running, and reports it:
 * call after training, before reading best or final. */
void epochs_finish(EpochLog *r);

#endif
