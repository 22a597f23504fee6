/* replay.c - a plain main() for a fuzz target: feeds it every file named on
 * the command line, or every file in each folder named (missing folders
 * are skipped: git keeps no empty folder).  A crash or a failed property
 * aborts; otherwise it prints "name: N passed, 0 failed". */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replay_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return -1;
    }
    size_t cap = 1 << 16, n = 0;
    uint8_t *buf = malloc(cap);
    for (size_t got; buf && (got = fread(buf + n, 1, cap - n, f)) > 0;) {
        n += got;
        if (n == cap) {
            uint8_t *nb = realloc(buf, cap *= 2);
            if (!nb)
                free(buf);
            buf = nb;
        }
    }
    fclose(f);
    if (!buf) {
        fprintf(stderr, "%s: out of memory\n", path);
        return -1;
    }
    if (getenv("FUZZ_VERBOSE"))
        fprintf(stderr, "%s\n", path);
    LLVMFuzzerTestOneInput(buf, n);
    free(buf);
    return 0;
}

/* Replays path (a file, or the files of a folder); returns how many. */
static int replay(const char *path, int *failed)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return 0;
    if (!S_ISDIR(st.st_mode))
        return replay_file(path) == 0 ? 1 : (++*failed, 0);
    struct dirent **names;
    int m = scandir(path, &names, NULL, alphasort), count = 0;
    for (int i = 0; i < m; i++) {
        char file[4096];
        snprintf(file, sizeof file, "%s/%s", path, names[i]->d_name);
        if (names[i]->d_name[0] != '.' && stat(file, &st) == 0 &&
            S_ISREG(st.st_mode))
            count += replay_file(file) == 0 ? 1 : (++*failed, 0);
        free(names[i]);
    }
    free(names);
    return count;
}

int main(int argc, char **argv)
{
    int passed = 0, failed = 0;
    const char *name = strrchr(argv[0], '/');
    for (int i = 1; i < argc; i++)
        passed += replay(argv[i], &failed);
    printf("%s: %d passed, %d failed\n", name ? name + 1 : argv[0], passed,
           failed);
    return failed || passed == 0;
}
