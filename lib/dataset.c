/* dataset.c - see dataset.h. */
#include "dataset.h"

#include <stdlib.h>
#include <string.h>

void dataset_free(Dataset *ds)
{
    if (!ds)
        return;
    if (ds->owns) {
        free(ds->x);
        free(ds->y);
    }
    memset(ds, 0, sizeof *ds);
}

Dataset dataset_view(const Dataset *ds, size_t start, size_t n)
{
    Dataset v = *ds;
    v.owns = 0;
    v.n = n;
    v.x = ds->x + start * ds->dim;
    v.y = ds->y + start;
    return v;
}

void dataset_x(float *x, const Dataset *ds, size_t i)
{
    const unsigned char *p = ds->x + i * ds->dim;
    for (size_t k = 0; k < ds->dim; k++)
        x[k] = p[k] * (1.0f / 255.0f);
}

void dataset_one_hot(float *y, int label, int n)
{
    for (int j = 0; j < n; j++)
        y[j] = j == label ? 1.0f : 0.0f;
}
