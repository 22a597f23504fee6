/* Exercise 22 (section 1.6, the chapter's last exercise): a network with
 * just two layers, 784 inputs and 10 outputs, no hidden layer.
 *
 * Build one and train it with stochastic gradient descent: create it with
 * network_create (sizes {784, 10}, random weights from rng), then run
 * network_sgd(net, training, epochs, mini_batch_size, eta, rng, NULL,
 * NULL) - see lib/network.h.  The test trains it on 20,000 MNIST digits
 * and asks for at least 85% right on 2,000 test digits, within 20 seconds
 * (one epoch here takes well under a second).
 * Start with the chapter's settings (mini-batches of 10, eta = 3.0).  You
 * will see it learn slowly, stuck somewhere around 60-75%: find out why
 * (think of exercise 6 and sigma'(z) when |z| is large; make hint N=22)
 * and fix it.  Then compare: how far does a network without hidden
 * neurons get, against the chapter's 95% for [784, 30, 10]?
 * (The test reads data/mnist; if it is missing, run make data.)
 * Check your work: make exercise N=22
 */
#include "exercises.h"

Network *ex_train_no_hidden(const Dataset *training, Rng *rng)
{
    /* TODO: create a [784, 10] network with weights drawn from rng. */
    Network *net = NULL;

    /* TODO: train it on training with network_sgd. */
    (void)training, (void)rng;   /* TODO: delete once you use them */

    return net;
}
