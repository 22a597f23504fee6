/* digit.c - MNIST's preprocessing for any image of a digit (digit.h). */
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "digit.h"

/* Pixel (x, y) of the image, clamped to [0, 1]; 0 outside the image. */
static float ink_at(const float *ink, int width, int height, int x, int y)
{
    if (x < 0 || y < 0 || x >= width || y >= height)
        return 0.0f;
    float v = ink[(size_t)y * width + x];
    return v < 0.0f ? 0.0f : v > 1.0f ? 1.0f : v;
}

/* The bounding box of the ink, box = {x0, y0, x1, y1} (x1, y1 exclusive).
 * Returns 1 when there is ink, 0 for a blank image, -1 for a NaN pixel. */
static int bounding_box(int box[4], const float *ink, int width, int height)
{
    box[0] = width, box[1] = height, box[2] = 0, box[3] = 0;
    for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++) {
            float v = ink[(size_t)y * width + x];
            if (isnan(v))
                return -1;
            if (v > DIGIT_INK_MIN) {
                if (x < box[0]) box[0] = x;
                if (y < box[1]) box[1] = y;
                if (x >= box[2]) box[2] = x + 1;
                if (y >= box[3]) box[3] = y + 1;
            }
        }
    return box[2] > 0;
}

/* Length of the overlap of [a, b) with the pixel [x, x + 1). */
static double overlap(double a, double b, int x)
{
    double lo = a > x ? a : x, hi = b < x + 1 ? b : x + 1;
    return hi > lo ? hi - lo : 0.0;
}

/* The mean of the source over the square [xa, xa + r) x [ya, ya + r),
 * the image taken as constant over each pixel. */
static float area_mean(const float *ink, int width, int height, double xa,
                       double ya, double r)
{
    double sum = 0.0;
    for (int y = (int)floor(ya); y < ya + r; y++)
        for (int x = (int)floor(xa); x < xa + r; x++)
            sum += overlap(ya, ya + r, y) * overlap(xa, xa + r, x)
                   * ink_at(ink, width, height, x, y);
    return (float)(sum / (r * r));
}

/* Step 1: the ink's bounding box scaled so that its longer side is
 * DIGIT_BOX pixels: r source pixels per output pixel, the tw x th result
 * in scaled (row-major, tw per row); the window is centred on the box. */
static void scale_to_box(float *scaled, int *tw, int *th, const float *ink,
                         int width, int height, const int box[4])
{
    int bw = box[2] - box[0], bh = box[3] - box[1];
    double r = (double)(bw > bh ? bw : bh) / DIGIT_BOX;
    *tw = (int)ceil(bw / r - 1e-9), *th = (int)ceil(bh / r - 1e-9);
    double x0 = box[0] + (bw - *tw * r) / 2, y0 = box[1] + (bh - *th * r) / 2;
    for (int v = 0; v < *th; v++)
        for (int u = 0; u < *tw; u++)
            scaled[v * *tw + u] = area_mean(ink, width, height, x0 + u * r,
                                            y0 + v * r, r);
}

/* Step 2: scaled (tw x th) copied into the 28 x 28 field out, shifted by
 * whole pixels so that its centre of mass rounds to pixel (14, 14). */
static void centre_by_mass(float *out, const float *scaled, int tw, int th)
{
    double m = 0.0, mx = 0.0, my = 0.0;
    for (int v = 0; v < th; v++)
        for (int u = 0; u < tw; u++)
            m += scaled[v * tw + u], mx += u * scaled[v * tw + u],
            my += v * scaled[v * tw + u];
    int ox = DIGIT_SIDE / 2 - (int)lround(mx / m);
    int oy = DIGIT_SIDE / 2 - (int)lround(my / m);
    memset(out, 0, DIGIT_SIDE * DIGIT_SIDE * sizeof *out);
    for (int v = 0; v < th; v++)
        for (int u = 0; u < tw; u++) {
            int x = ox + u, y = oy + v;
            if (x >= 0 && y >= 0 && x < DIGIT_SIDE && y < DIGIT_SIDE)
                out[y * DIGIT_SIDE + x] = scaled[v * tw + u];
        }
}

NndlStatus digit_to_mnist(float out[784], const float *ink, int width,
                          int height, char *err)
{
    if (!out || !ink)
        return nndl_fail(err, NNDL_ERR_ARG, "digit: no image given");
    if (width < 1 || height < 1 || width > DIGIT_MAX_SIDE
        || height > DIGIT_MAX_SIDE)
        return nndl_fail(err, NNDL_ERR_ARG,
                         "digit: the image is %d x %d pixels; each side must "
                         "be 1 to %d", width, height, DIGIT_MAX_SIDE);
    int box[4], found = bounding_box(box, ink, width, height);
    if (found < 0)
        return nndl_fail(err, NNDL_ERR_ARG, "digit: a pixel is not a number");
    if (found == 0)
        return nndl_fail(err, NNDL_ERR_ARG,
                         "digit: the image is blank (no ink on it)");
    float scaled[DIGIT_BOX * DIGIT_BOX];
    int tw, th;
    scale_to_box(scaled, &tw, &th, ink, width, height, box);
    centre_by_mass(out, scaled, tw, th);
    return NNDL_OK;
}
