/* mnist.c - reading MNIST's IDX files (raw or gzip) and the chapter's
 * 50,000 / 10,000 / 10,000 split (section 1.4). */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

#include "mnist.h"

#define IDX_IMAGES 0x00000803u      /* unsigned bytes, 3 dimensions */
#define IDX_LABELS 0x00000801u      /* unsigned bytes, 1 dimension */
#define IDX_MAX_COUNT 10000000u     /* far above MNIST's 60,000 */
#define IDX_MAX_SIDE 4096u
#define CHUNK (1u << 24)

/* An open IDX file: the path for messages and the zlib handle. */
typedef struct {
    const char *path;
    gzFile gz;
} IdxFile;

static NndlStatus idx_open(IdxFile *f, const char *path, char *err)
{
    struct stat st;
    f->path = path;
    f->gz = NULL;
    if (stat(path, &st) != 0)
        return nndl_fail(err, NNDL_ERR_IO, "%s: cannot open: %s", path,
                         strerror(errno));
    if (S_ISDIR(st.st_mode))
        return nndl_fail(err, NNDL_ERR_IO, "%s: is a directory, not an IDX file",
                         path);
    if (st.st_size == 0)
        return nndl_fail(err, NNDL_ERR_FORMAT, "%s: empty file", path);
    f->gz = gzopen(path, "rb");
    if (!f->gz)
        return nndl_fail(err, NNDL_ERR_IO, "%s: cannot open: %s", path,
                         errno ? strerror(errno) : "out of memory");
    return NNDL_OK;
}

/* Reads up to n bytes; returns how many arrived, or -1 on a zlib error
 * (corrupt gzip data), with the message in err. */
static long long idx_read(IdxFile *f, void *buf, size_t n, char *err)
{
    size_t done = 0;
    while (done < n) {
        unsigned want = n - done > CHUNK ? CHUNK : (unsigned)(n - done);
        int got = gzread(f->gz, (char *)buf + done, want);
        if (got < 0) {
            int code;
            const char *msg = gzerror(f->gz, &code);
            size_t plen = strlen(f->path);      /* zlib prefixes the path */
            if (strncmp(msg, f->path, plen) == 0 && msg[plen] == ':')
                msg += plen + (msg[plen + 1] == ' ' ? 2 : 1);
            nndl_fail(err, NNDL_ERR_FORMAT, "%s: corrupt gzip data (%s)",
                      f->path, code == Z_ERRNO ? strerror(errno) : msg);
            return -1;
        }
        if (got == 0)
            break;
        done += (size_t)got;
    }
    return (long long)done;
}

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 |
           (uint32_t)p[3];
}

/* book: mnist_read_idx_header */
/* Reads the magic number and the dimensions; dims[0] is the count. */
static NndlStatus idx_read_header(IdxFile *f, uint32_t magic, uint32_t *dims,
                                  int ndims, char *err)
{
    unsigned char h[16];
    size_t len = 4 + 4 * (size_t)ndims;
    long long got = idx_read(f, h, len, err);
    if (got < 0)
        return NNDL_ERR_FORMAT;
    if (got < 4 || be32(h) != magic) {
        if (got >= 4 && (be32(h) & 0xffffff00u) == 0x00000800u)
            return nndl_fail(err, NNDL_ERR_FORMAT, "%s: IDX magic 0x%08x has "
                             "%u dimensions, expected %d (wrong file kind?)",
                             f->path, be32(h), h[3], ndims);
        return nndl_fail(err, NNDL_ERR_FORMAT, "%s: bad magic number (not an "
                         "IDX %s file)", f->path, ndims == 3 ? "image" : "label");
    }
    if ((size_t)got < len)
        return nndl_fail(err, NNDL_ERR_FORMAT, "%s: truncated header", f->path);
    for (int i = 0; i < ndims; i++)
        dims[i] = be32(h + 4 + 4 * i);
    return NNDL_OK;
}
/* end book: mnist_read_idx_header */

/* Reads exactly n bytes of data, growing the buffer as bytes arrive (so a
 * header that lies about its size costs no memory), then insists the file
 * ends there.  On success *out owns the bytes. */
static NndlStatus idx_read_data(IdxFile *f, unsigned char **out, size_t n,
                                const char *what, char *err)
{
    size_t cap = n < CHUNK ? n : CHUNK, done = 0;
    unsigned char *buf = malloc(cap ? cap : 1), extra;
    *out = NULL;
    if (!buf)
        return nndl_fail(err, NNDL_ERR_NOMEM, "%s: out of memory", f->path);
    while (done < n) {
        if (done == cap) {
            size_t ncap = cap * 2 < n ? cap * 2 : n;
            unsigned char *nb = realloc(buf, ncap);
            if (!nb)
                return free(buf), nndl_fail(err, NNDL_ERR_NOMEM,
                                            "%s: out of memory", f->path);
            buf = nb, cap = ncap;
        }
        long long got = idx_read(f, buf + done, cap - done, err);
        if (got < 0)
            return free(buf), NNDL_ERR_FORMAT;
        if (got == 0)
            return free(buf), nndl_fail(err, NNDL_ERR_FORMAT, "%s: truncated: "
                        "the header promises %zu bytes of %s, the file has %zu",
                        f->path, n, what, done);
        done += (size_t)got;
    }
    long long more = idx_read(f, &extra, 1, err);
    if (more != 0)
        return free(buf), more < 0 ? NNDL_ERR_FORMAT :
               nndl_fail(err, NNDL_ERR_FORMAT, "%s: unexpected bytes after "
                         "the %s the header announces", f->path, what);
    *out = buf;
    return NNDL_OK;
}

static NndlStatus read_images(Dataset *ds, const char *path, char *err)
{
    IdxFile f;
    uint32_t d[3] = {0, 0, 0};
    NndlStatus st = idx_open(&f, path, err);
    if (st == NNDL_OK)
        st = idx_read_header(&f, IDX_IMAGES, d, 3, err);
    if (st == NNDL_OK && (d[0] == 0 || d[0] > IDX_MAX_COUNT))
        st = nndl_fail(err, NNDL_ERR_FORMAT, "%s: image count %u out of range "
                       "(1..%u)", path, d[0], IDX_MAX_COUNT);
    if (st == NNDL_OK && (d[1] == 0 || d[2] == 0 || d[1] > IDX_MAX_SIDE ||
                          d[2] > IDX_MAX_SIDE))
        st = nndl_fail(err, NNDL_ERR_FORMAT, "%s: image size %ux%u out of "
                       "range (1..%u per side)", path, d[1], d[2], IDX_MAX_SIDE);
    if (st == NNDL_OK) {
        ds->n = d[0], ds->rows = (int)d[1], ds->cols = (int)d[2];
        ds->dim = (size_t)d[1] * d[2];
        st = idx_read_data(&f, &ds->x, ds->n * ds->dim, "pixels", err);
    }
    if (f.gz)
        gzclose(f.gz);
    return st;
}

static NndlStatus read_labels(Dataset *ds, const char *path, char *err)
{
    IdxFile f;
    uint32_t n = 0;
    NndlStatus st = idx_open(&f, path, err);
    if (st == NNDL_OK)
        st = idx_read_header(&f, IDX_LABELS, &n, 1, err);
    if (st == NNDL_OK && n != ds->n)
        st = nndl_fail(err, NNDL_ERR_FORMAT, "%s: %u labels but the image "
                       "file has %zu images", path, n, ds->n);
    if (st == NNDL_OK)
        st = idx_read_data(&f, &ds->y, n, "labels", err);
    for (size_t i = 0; st == NNDL_OK && i < ds->n; i++)
        if (ds->y[i] >= MNIST_CLASSES)
            st = nndl_fail(err, NNDL_ERR_FORMAT, "%s: label %u at index %zu "
                           "is not a digit 0-9", path, ds->y[i], i);
    if (f.gz)
        gzclose(f.gz);
    return st;
}

NndlStatus mnist_load(Dataset *ds, const char *images_path,
                      const char *labels_path, char *err)
{
    memset(ds, 0, sizeof *ds);
    ds->owns = 1;
    NndlStatus st = read_images(ds, images_path, err);
    if (st == NNDL_OK)
        st = read_labels(ds, labels_path, err);
    if (st != NNDL_OK)
        dataset_free(ds);
    return st;
}

/* dir/name when it exists, else dir/name.gz when that exists, else
 * dir/name again (so the error names the plain file). */
static char *find_file(const char *dir, const char *name)
{
    size_t len = strlen(dir) + strlen(name) + 8;
    char *p = malloc(len);
    struct stat st;
    if (!p)
        return NULL;
    snprintf(p, len, "%s/%s", dir, name);
    if (stat(p, &st) == 0)
        return p;
    snprintf(p, len, "%s/%s.gz", dir, name);
    if (stat(p, &st) == 0)
        return p;
    snprintf(p, len, "%s/%s", dir, name);
    return p;
}

static NndlStatus load_pair(Dataset *ds, const char *dir, const char *images,
                            const char *labels, char *err)
{
    char *ip = find_file(dir, images), *lp = find_file(dir, labels);
    NndlStatus st = ip && lp ? mnist_load(ds, ip, lp, err)
                             : nndl_fail(err, NNDL_ERR_NOMEM, "out of memory");
    free(ip);
    free(lp);
    return st;
}

NndlStatus mnist_load_split(MnistSplit *split, const char *dir,
                            size_t n_train, char *err)
{
    memset(split, 0, sizeof *split);
    NndlStatus st = load_pair(&split->all_train, dir, "train-images-idx3-ubyte",
                              "train-labels-idx1-ubyte", err);
    if (st == NNDL_OK)
        st = load_pair(&split->test, dir, "t10k-images-idx3-ubyte",
                       "t10k-labels-idx1-ubyte", err);
    if (st == NNDL_OK && n_train > split->all_train.n)
        st = nndl_fail(err, NNDL_ERR_ARG, "%s: %zu training examples asked "
                       "for, the file has %zu", dir, n_train, split->all_train.n);
    if (st == NNDL_OK && (split->test.rows != split->all_train.rows ||
                          split->test.cols != split->all_train.cols))
        st = nndl_fail(err, NNDL_ERR_FORMAT, "%s: test images are %dx%d but "
                       "training images are %dx%d", dir, split->test.rows,
                       split->test.cols, split->all_train.rows,
                       split->all_train.cols);
    if (st != NNDL_OK) {
        mnist_split_free(split);
        return st;
    }
    split->training = dataset_view(&split->all_train, 0, n_train);
    split->validation = dataset_view(&split->all_train, n_train,
                                     split->all_train.n - n_train);
    return NNDL_OK;
}

void mnist_split_free(MnistSplit *split)
{
    if (!split)
        return;
    dataset_free(&split->all_train);
    dataset_free(&split->test);
    memset(split, 0, sizeof *split);
}

const char *mnist_default_dir(void)
{
    const char *d = getenv("MNIST_DIR");
    return d && *d ? d : "data/mnist";
}
