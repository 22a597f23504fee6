/* Exercise 9 (section 1.4): reading the header of an MNIST (IDX) file.
 *
 * The MNIST files start with a small header:
 *   bytes 0-1   zero
 *   byte  2     the type of the data: 0x08 means unsigned bytes
 *   byte  3     the number of dimensions: 1 for labels, 3 for images
 *   then one 32-bit size per dimension, big-endian (most significant
 *   byte first): 60000 images of 28 x 28 is 00 00 EA 60, 00 00 00 1C,
 *   00 00 00 1C.
 * ex_idx_header reads such a header from bytes[0 .. len-1] into *h and
 * returns its length in bytes (4 + 4 * dimensions).  It returns -1,
 * without reading past len, when the header is too short, the first two
 * bytes are not zero, the type is not 0x08 or the number of dimensions is
 * not 1, 2 or 3.  Set the unused entries of h->dims to 0.
 * Check your work: make exercise N=9
 */
#include "exercises.h"

int ex_idx_header(IdxHeader *h, const unsigned char *bytes, size_t len)
{
    /* TODO: reject what is not a valid header (return -1), checking len
     * before every byte you read. */
    (void)bytes, (void)len;   /* TODO: delete once you use them */

    /* TODO: fill h->type, h->ndims and h->dims[0..2] (big-endian!). */
    h->type = 0;
    h->ndims = 0;

    /* TODO: return the header's length. */
    return -1;
}
