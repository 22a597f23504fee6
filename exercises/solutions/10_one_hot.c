/* Exercise 10 (section 1.5): the desired output y(x) - reference. */
#include "exercises.h"

int ex_one_hot(double *y, int label)
{
    for (int j = 0; j < 10; j++)
        y[j] = 0.0;
    if (label < 0 || label > 9)
        return -1;
    y[label] = 1.0;
    return 0;
}
