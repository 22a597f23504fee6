/* Exercise 9 (section 1.4): the header of an IDX file - reference. */
#include "exercises.h"

/* The 32-bit big-endian number at p: most significant byte first. */
static uint32_t big_endian_u32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
           (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

int ex_idx_header(IdxHeader *h, const unsigned char *bytes, size_t len)
{
    if (len < 4 || bytes[0] != 0 || bytes[1] != 0)
        return -1;                              /* the magic starts 00 00 */
    if (bytes[2] != 0x08 || bytes[3] < 1 || bytes[3] > 3)
        return -1;                              /* unsigned bytes, 1-3 dims */
    int ndims = bytes[3];
    if (len < 4 + 4 * (size_t)ndims)
        return -1;                              /* header cut short */
    h->type = bytes[2];
    h->ndims = ndims;
    for (int d = 0; d < 3; d++)
        h->dims[d] = d < ndims ? big_endian_u32(bytes + 4 + 4 * d) : 0;
    return 4 + 4 * ndims;
}
