/* test_atomic_file.c - the atomic writer: what it replaces, what it
 * refuses, the mode it keeps, and that it leaves no temporary file. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"

/* How many entries dir has besides . and .. */
static int entries(const char *dir)
{
    int n = 0;
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    for (struct dirent *e; (e = readdir(d));)
        n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
    closedir(d);
    return n;
}

static void write_text(const char *path, const char *text)
{
    AtomicFile af;
    char err[NNDL_ERRLEN];
    ck_assert_int_eq(atomic_file_open(&af, path, err), NNDL_OK);
    fputs(text, af.f);
    ck_assert_int_eq(atomic_file_commit(&af, err), NNDL_OK);
}

static void read_text(const char *path, char *buf, size_t len)
{
    FILE *f = fopen(path, "r");
    ck_assert_ptr_nonnull(f);
    buf[fread(buf, 1, len - 1, f)] = '\0';
    fclose(f);
}

START_TEST(test_commit_replaces_and_abort_keeps)
{
    char path[300], buf[64], err[NNDL_ERRLEN];
    const char *dir = temp_dir();
    snprintf(path, sizeof path, "%s/out.tsv", dir);
    write_text(path, "one\n");
    write_text(path, "two\n");
    read_text(path, buf, sizeof buf);
    ck_assert_str_eq(buf, "two\n");
    AtomicFile af;
    ck_assert_int_eq(atomic_file_open(&af, path, err), NNDL_OK);
    fputs("three\n", af.f);
    ck_assert_int_eq(entries(dir), 1);          /* the new text has no name */
    atomic_file_abort(&af);
    read_text(path, buf, sizeof buf);
    ck_assert_str_eq(buf, "two\n");
    ck_assert_int_eq(entries(dir), 1);
}
END_TEST

START_TEST(test_an_existing_file_keeps_its_mode)
{
    char path[300];
    struct stat st;
    snprintf(path, sizeof path, "%s/model", temp_dir());
    write_text(path, "a");
    ck_assert_int_eq(chmod(path, 0600), 0);
    write_text(path, "b");
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(st.st_mode & 07777, 0600);
}
END_TEST

START_TEST(test_a_new_file_gets_0666_minus_umask)
{
    char path[300];
    struct stat st;
    mode_t old = umask(027);
    snprintf(path, sizeof path, "%s/new", temp_dir());
    write_text(path, "a");
    umask(old);
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(st.st_mode & 07777, 0640);
}
END_TEST

START_TEST(test_only_a_regular_file_is_replaced)
{
    char fifo[300], link[300], err[NNDL_ERRLEN];
    const char *dir = temp_dir();
    struct stat st;
    AtomicFile af;
    snprintf(fifo, sizeof fifo, "%s/fifo", dir);
    snprintf(link, sizeof link, "%s/link", dir);
    ck_assert_int_eq(mkfifo(fifo, 0644), 0);
    ck_assert_int_eq(symlink("fifo", link), 0);
    ck_assert_int_eq(atomic_file_open(&af, fifo, err), NNDL_ERR_ARG);
    ck_assert_ptr_nonnull(strstr(err, "not a regular file"));
    ck_assert_int_eq(atomic_file_check(link, err), NNDL_ERR_ARG);
    ck_assert_ptr_nonnull(strstr(err, "symbolic link"));
    ck_assert_int_eq(atomic_file_check(dir, err), NNDL_ERR_ARG);
    ck_assert_ptr_nonnull(strstr(err, "folder"));
    ck_assert_int_eq(lstat(fifo, &st), 0);
    ck_assert(S_ISFIFO(st.st_mode));
    ck_assert_int_eq(lstat(link, &st), 0);
    ck_assert(S_ISLNK(st.st_mode));
    ck_assert_int_eq(entries(dir), 2);
}
END_TEST

/* The target turns into a FIFO while the file is being written: the
 * commit refuses and leaves no temporary file. */
START_TEST(test_commit_checks_the_target_again)
{
    char path[300], err[NNDL_ERRLEN];
    const char *dir = temp_dir();
    AtomicFile af;
    snprintf(path, sizeof path, "%s/late", dir);
    ck_assert_int_eq(atomic_file_open(&af, path, err), NNDL_OK);
    ck_assert_int_eq(mkfifo(path, 0644), 0);
    ck_assert_int_eq(atomic_file_commit(&af, err), NNDL_ERR_ARG);
    ck_assert_int_eq(entries(dir), 1);
}
END_TEST

/* A name of 250 characters: the temporary file's name must not grow it
 * past the 255 a folder entry allows. */
START_TEST(test_a_long_name_is_written)
{
    char path[600], name[251];
    memset(name, 'n', 250);
    name[250] = '\0';
    snprintf(path, sizeof path, "%s/%s", temp_dir(), name);
    write_text(path, "x");
    ck_assert_int_eq(access(path, F_OK), 0);
}
END_TEST

START_TEST(test_a_missing_folder_is_named)
{
    char err[NNDL_ERRLEN];
    ck_assert_int_eq(atomic_file_check("/nonexistent/dir/f", err), NNDL_ERR_IO);
    ck_assert_ptr_nonnull(strstr(err, "/nonexistent/dir/f"));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("atomic_file");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_commit_replaces_and_abort_keeps);
    tcase_add_test(tc, test_an_existing_file_keeps_its_mode);
    tcase_add_test(tc, test_a_new_file_gets_0666_minus_umask);
    tcase_add_test(tc, test_only_a_regular_file_is_replaced);
    tcase_add_test(tc, test_commit_checks_the_target_again);
    tcase_add_test(tc, test_a_long_name_is_written);
    tcase_add_test(tc, test_a_missing_folder_is_named);
    suite_add_tcase(s, tc);
    return run_suite(s);
}
