/* network_io.c - saving and loading a network (network_save, network_load).
 *
 * File format, version 1, every number little-endian:
 *   "NNDL"            4 bytes magic
 *   version           u32, 1
 *   num_layers L      u32, 2..NETWORK_MAX_LAYERS
 *   sizes[0..L-1]     u32 each
 *   params            num_params float32: w[0..L-2] then b[0..L-2], the
 *                     same layout as Network.params
 *   crc32             u32, zlib's CRC-32 of every byte before it
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "atomic_file.h"
#include "network.h"

#define MODEL_MAGIC "NNDL"
#define MODEL_VERSION 1u

static void put32(unsigned char *p, uint32_t v)
{
    p[0] = v & 0xff, p[1] = (v >> 8) & 0xff, p[2] = (v >> 16) & 0xff,
    p[3] = v >> 24;
}

static uint32_t get32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

/* The whole file in memory: header, parameters, checksum. */
static unsigned char *encode(const Network *net, size_t *len)
{
    size_t head = 12 + 4 * (size_t)net->num_layers;
    *len = head + 4 * net->num_params + 4;
    unsigned char *buf = malloc(*len), *p = buf;
    if (!buf)
        return NULL;
    memcpy(p, MODEL_MAGIC, 4);
    put32(p + 4, MODEL_VERSION);
    put32(p + 8, (uint32_t)net->num_layers);
    for (int l = 0; l < net->num_layers; l++)
        put32(p + 12 + 4 * l, (uint32_t)net->sizes[l]);
    p += head;
    for (size_t i = 0; i < net->num_params; i++, p += 4) {
        uint32_t bits;
        memcpy(&bits, &net->params[i], 4);
        put32(p, bits);
    }
    put32(p, (uint32_t)crc32(0L, buf, (uInt)(*len - 4)));
    return buf;
}

NndlStatus network_save(const Network *net, const char *path, char *err)
{
    size_t len;
    unsigned char *buf = encode(net, &len);
    if (!buf)
        return nndl_fail(err, NNDL_ERR_NOMEM, "%s: out of memory", path);
    AtomicFile af;
    NndlStatus st = atomic_file_open(&af, path, err);
    if (st == NNDL_OK) {        /* a failed fwrite is reported by commit */
        (void)fwrite(buf, 1, len, af.f);
        st = atomic_file_commit(&af, err);
    }
    free(buf);
    return st;
}

/* Checks the header in buf[0..len) and reads the sizes. */
static NndlStatus check_header(const unsigned char *buf, size_t len,
                               int *sizes, int *L, const char *path, char *err)
{
    if (len < 12 || memcmp(buf, MODEL_MAGIC, 4) != 0)
        return nndl_fail(err, NNDL_ERR_FORMAT, "%s: not a model file (bad "
                         "magic; expected one written by --save)", path);
    if (get32(buf + 4) != MODEL_VERSION)
        return nndl_fail(err, NNDL_ERR_FORMAT, "%s: model file version %u, "
                         "this program reads version %u", path,
                         get32(buf + 4), MODEL_VERSION);
    uint32_t n = get32(buf + 8);
    if (n < 2 || n > NETWORK_MAX_LAYERS)
        return nndl_fail(err, NNDL_ERR_FORMAT, "%s: %u layers (expected 2..%d)",
                         path, n, NETWORK_MAX_LAYERS);
    if (len < 12 + 4 * (size_t)n)
        return nndl_fail(err, NNDL_ERR_FORMAT, "%s: truncated header", path);
    for (uint32_t l = 0; l < n; l++) {
        uint32_t s = get32(buf + 12 + 4 * l);
        if (s < 1 || s > NETWORK_MAX_LAYER_SIZE)
            return nndl_fail(err, NNDL_ERR_FORMAT, "%s: layer %u has size %u "
                             "(expected 1..%d)", path, l, s,
                             NETWORK_MAX_LAYER_SIZE);
        sizes[l] = (int)s;
    }
    *L = (int)n;
    return NNDL_OK;
}

/* Reads the whole file, refusing anything larger than max bytes. */
static NndlStatus slurp(const char *path, unsigned char **buf, size_t *len,
                        size_t max, char *err)
{
    struct stat st;
    /* O_NONBLOCK: opening a FIFO would wait for a writer forever. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    *buf = NULL;
    if (fd < 0)
        return nndl_fail(err, NNDL_ERR_IO, "%s: cannot open: %s", path,
                         strerror(errno));
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return nndl_fail(err, NNDL_ERR_IO, "%s: not a regular file", path);
    }
    FILE *f = fcntl(fd, F_SETFL, 0) == 0 ? fdopen(fd, "rb") : NULL;
    if (!f) {
        close(fd);
        return nndl_fail(err, NNDL_ERR_IO, "%s: cannot open: %s", path,
                         strerror(errno));
    }
    if ((unsigned long long)st.st_size > max) {
        fclose(f);
        return nndl_fail(err, NNDL_ERR_FORMAT, "%s: too large for a model "
                         "file (%lld bytes)", path, (long long)st.st_size);
    }
    *len = (size_t)st.st_size;
    *buf = malloc(*len ? *len : 1);
    int ok = *buf && fread(*buf, 1, *len, f) == *len;
    fclose(f);
    if (!ok) {
        free(*buf);
        *buf = NULL;
        return nndl_fail(err, NNDL_ERR_IO, "%s: read error", path);
    }
    return NNDL_OK;
}

static NndlStatus decode(Network **out, const unsigned char *buf, size_t len,
                         const char *path, char *err)
{
    int sizes[NETWORK_MAX_LAYERS], L = 0;
    NndlStatus st = check_header(buf, len, sizes, &L, path, err);
    if (st != NNDL_OK)
        return st;
    size_t head = 12 + 4 * (size_t)L, want = head + 4;
    for (int l = 0; l < L - 1; l++)             /* before any allocation */
        want += 4 * ((size_t)sizes[l + 1] * sizes[l] + sizes[l + 1]);
    if (len != want)
        return nndl_fail(err, NNDL_ERR_FORMAT, "%s: %s: %zu bytes, the layer "
                         "sizes need %zu", path, len < want ? "truncated" :
                         "unexpected bytes at the end", len, want);
    if (get32(buf + len - 4) != (uint32_t)crc32(0L, buf, (uInt)(len - 4)))
        return nndl_fail(err, NNDL_ERR_FORMAT, "%s: checksum mismatch "
                         "(the file is damaged)", path);
    Network *net = network_create(sizes, L, NULL);
    if (!net)
        return nndl_fail(err, NNDL_ERR_NOMEM, "%s: out of memory", path);
    for (size_t i = 0; i < net->num_params; i++) {
        uint32_t bits = get32(buf + head + 4 * i);
        memcpy(&net->params[i], &bits, 4);
    }
    if (!network_is_finite(net)) {
        network_free(net);
        return nndl_fail(err, NNDL_ERR_FORMAT, "%s: the parameters contain "
                         "NaN or infinity", path);
    }
    *out = net;
    return NNDL_OK;
}

NndlStatus network_load(Network **out, const char *path, char *err)
{
    unsigned char *buf = NULL;
    size_t len = 0;
    *out = NULL;
    /* The largest legal file: 16 layers of NETWORK_MAX_LAYER_SIZE would be
     * absurd; cap at 1 GiB so a bad file cannot ask for more. */
    NndlStatus st = slurp(path, &buf, &len, (size_t)1 << 30, err);
    if (st == NNDL_OK)
        st = decode(out, buf, len, path, err);
    free(buf);
    return st;
}
