/* Tests for exercise 9: reading an IDX header. */
#include "ex_check.h"

START_TEST(test_the_training_images_header_is_read)
{
    const unsigned char b[16] = {0, 0, 8, 3, 0, 0, 0xEA, 0x60, 0, 0, 0, 28,
                                 0, 0, 0, 28};
    IdxHeader h = {-1, -1, {7, 7, 7}};
    int got = ex_idx_header(&h, b, sizeof b);
    ck_assert_msg(got == 16, _("images header: expected length 16, got %d"), got);
    ck_assert_msg(h.type == 8 && h.ndims == 3, _("expected type 0x08 and 3 "
                  "dimensions, got type 0x%02x and %d"), h.type, h.ndims);
    ck_assert_msg(h.dims[0] == 60000 && h.dims[1] == 28 && h.dims[2] == 28,
                  _("expected sizes 60000 x 28 x 28, got %u x %u x %u"),
                  h.dims[0], h.dims[1], h.dims[2]);
}
END_TEST

START_TEST(test_the_labels_header_has_one_dimension)
{
    const unsigned char b[9] = {0, 0, 8, 1, 0, 0, 0x27, 0x10, 0xFF};
    IdxHeader h = {-1, -1, {7, 7, 7}};
    int got = ex_idx_header(&h, b, sizeof b);
    ck_assert_msg(got == 8, _("labels header: expected length 8, got %d"), got);
    ck_assert_msg(h.ndims == 1 && h.dims[0] == 10000 && h.dims[1] == 0 &&
                  h.dims[2] == 0, _("expected 1 dimension of 10000 (unused "
                  "sizes 0), got %d: %u, %u, %u"), h.ndims, h.dims[0],
                  h.dims[1], h.dims[2]);
}
END_TEST

START_TEST(test_sizes_are_big_endian)
{
    const unsigned char b[8] = {0, 0, 8, 1, 0x01, 0x02, 0x03, 0x04};
    IdxHeader h = {-1, -1, {7, 7, 7}};
    int got = ex_idx_header(&h, b, sizeof b);
    ck_assert_msg(got == 8 && h.dims[0] == 0x01020304u, _("bytes 01 02 03 04: "
                  "expected %u (0x01020304), got %u (0x%08x)%s"), 0x01020304u,
                  h.dims[0], h.dims[0], h.dims[0] == 0x04030201u ?
                  ": that is little-endian, read the first byte as the most"
                  " significant" : "");
}
END_TEST

START_TEST(test_a_bad_magic_number_is_rejected)
{
    /* 24 bytes each, so length is never the reason to refuse. */
    const unsigned char bad[][24] = {
        {1, 0, 8, 1, 0, 0, 0, 5},      /* first byte not zero */
        {0, 3, 8, 1, 0, 0, 0, 5},      /* second byte not zero */
        {0, 0, 0x0D, 1, 0, 0, 0, 5},   /* type 0x0D: floats */
        {0, 0, 8, 0, 0, 0, 0, 5},      /* no dimensions */
        {0, 0, 8, 4, 0, 0, 0, 5},      /* 4 dimensions */
    };
    const char *why[] = {_("byte 0 is 1"), _("byte 1 is 3"), _("type 0x0D"),
                         _("0 dimensions"), _("4 dimensions")};
    for (int i = 0; i < 5; i++) {
        IdxHeader h;
        int got = ex_idx_header(&h, bad[i], sizeof bad[i]);
        ck_assert_msg(got == -1, _("%s: expected -1 (not an unsigned-byte IDX"
                      " header), got %d"), why[i], got);
    }
}
END_TEST

START_TEST(test_a_header_cut_short_is_rejected)
{
    const unsigned char b[16] = {0, 0, 8, 3, 0, 0, 0xEA, 0x60, 0, 0, 0, 28,
                                 0, 0, 0, 28};
    for (size_t len = 0; len < 16; len++) {
        IdxHeader h;
        int got = ex_idx_header(&h, b, len);
        ck_assert_msg(got == -1, _("only %zu of the 16 header bytes: expected "
                      "-1, got %d"), len, got);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("09_idx_header");
    EX_ADD(s, test_the_training_images_header_is_read);
    EX_ADD(s, test_the_labels_header_has_one_dimension);
    EX_ADD(s, test_sizes_are_big_endian);
    EX_ADD(s, test_a_bad_magic_number_is_rejected);
    EX_ADD(s, test_a_header_cut_short_is_rejected);
    return ex_main(s);
}
