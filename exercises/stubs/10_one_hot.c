/* Exercise 10 (section 1.5): the desired output y(x) as a one-hot vector.
 *
 * To measure how wrong the network is, the chapter compares its 10
 * outputs with the output we want: for an image of a 6, the vector
 * y(x) = (0, 0, 0, 0, 0, 0, 1, 0, 0, 0).  Write ex_one_hot: put that
 * vector for `label` into y[0..9] and return 0.  If the label is not a
 * digit (not 0..9), set all ten entries to 0 and return -1.
 * Check your work: make exercise N=10
 */
#include "exercises.h"

int ex_one_hot(double *y, int label)
{
    /* TODO: all ten entries 0, then a 1 at index label. */
    (void)y, (void)label;   /* TODO: delete once you use them */

    /* TODO: return -1 (with y all zero) when label is not 0..9. */
    return 0;
}
