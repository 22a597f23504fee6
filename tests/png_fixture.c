/* png_fixture - writes the PNG images that tests/classify.sh feeds to
 * bin/classify.
 *
 *   png_fixture OUT.png MODE INDEX SCALE DX DY
 *     MNIST test image INDEX drawn SCALE times larger (each pixel a block)
 *     at (DX, DY) of a canvas with 11 more pixels of paper right and below;
 *     MODE: dark   black ink on white paper, 8-bit grey
 *           light  white ink on black, 8-bit grey
 *           rgb    black ink on white paper, 8-bit RGB
 *           alpha  black ink whose opacity is the pixel, on a transparent
 *                  canvas (grey + alpha)
 *           photo  dark grey ink (60) on grey paper (200) with grain
 *                  (+-4 levels, a fixed pattern), 8-bit grey
 *   png_fixture OUT.png blank W H   a white W x H image
 */
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nndl.h"

static unsigned char *canvas(png_image *im, const char *mode, int w, int h)
{
    memset(im, 0, sizeof *im);
    im->version = PNG_IMAGE_VERSION;
    im->width = (png_uint_32)w, im->height = (png_uint_32)h;
    im->format = !strcmp(mode, "rgb") ? PNG_FORMAT_RGB
                 : !strcmp(mode, "alpha") ? PNG_FORMAT_GA : PNG_FORMAT_GRAY;
    unsigned char *p = malloc(PNG_IMAGE_SIZE(*im));
    int paper = strcmp(mode, "light") && strcmp(mode, "alpha") ? 255 : 0;
    if (p)
        memset(p, paper, PNG_IMAGE_SIZE(*im));
    unsigned grain = 12345;
    for (size_t k = 0; p && !strcmp(mode, "photo") && k < (size_t)w * h; k++)
        grain = grain * 1103515245u + 12345u, p[k] = (unsigned char)(196 + (grain >> 16) % 9);
    return p;
}

/* Sets pixel (x, y) to ink level v (0..255) in the mode's colours. */
static void put(unsigned char *p, const char *mode, int w, int x, int y, int v)
{
    size_t k = (size_t)y * w + x;
    if (!strcmp(mode, "rgb"))
        memset(p + 3 * k, 255 - v, 3);
    else if (!strcmp(mode, "alpha"))
        p[2 * k] = 0, p[2 * k + 1] = (unsigned char)v;
    else if (!strcmp(mode, "photo"))
        p[k] = (unsigned char)(v ? 200 - v * 140 / 255 : p[k]);
    else
        p[k] = (unsigned char)(!strcmp(mode, "light") ? v : 255 - v);
}

int main(int argc, char **argv)
{
    char err[NNDL_ERRLEN], images[4096], labels[4096];
    png_image im;
    unsigned char *p;
    if (argc == 5 && !strcmp(argv[2], "blank")) {
        if (!(p = canvas(&im, "dark", atoi(argv[3]), atoi(argv[4]))))
            return 1;
    } else if (argc == 7) {
        const char *mode = argv[2], *dir = mnist_default_dir();
        int i = atoi(argv[3]), s = atoi(argv[4]), dx = atoi(argv[5]), dy = atoi(argv[6]);
        Dataset ds;
        snprintf(images, sizeof images, "%s/t10k-images-idx3-ubyte", dir);
        snprintf(labels, sizeof labels, "%s/t10k-labels-idx1-ubyte", dir);
        if (mnist_load(&ds, images, labels, err) != NNDL_OK)
            return fprintf(stderr, "png_fixture: %s\n", err), 1;
        int w = dx + 28 * s + 11, h = dy + 28 * s + 11;
        if (!(p = canvas(&im, mode, w, h)))
            return 1;
        for (int y = 0; y < 28 * s; y++)
            for (int x = 0; x < 28 * s; x++)
                put(p, mode, w, dx + x, dy + y, ds.x[i * 784 + (y / s) * 28 + x / s]);
        dataset_free(&ds);
    } else
        return fprintf(stderr, "usage: see tests/png_fixture.c\n"), 2;
    int ok = png_image_write_to_file(&im, argv[1], 0, p, 0, NULL);
    free(p);
    return ok ? 0 : (fprintf(stderr, "png_fixture: %s\n", im.message), 1);
}
