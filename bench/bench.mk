# make bench: the speed of the textbook and fast paths (bench/bench.c).
# Not part of `make` or `make check`: it takes a minute or two.
# OpenBLAS is optional: bench loads libopenblas.so.0 at run time (dlopen)
# only to measure the one-core sgemm peak; without it the peak is "not
# measured".  Nothing here needs it to build.
BENCH_LIBS := -ldl

$(BUILD)/bench/bench: bench/bench.c $(LIBNNDL_A)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(filter-out -MMD -MP,$(CFLAGS)) \
	  $(LDFLAGS) -o $@ bench/bench.c $(LIBNNDL_A) $(LIB_LDLIBS) $(BENCH_LIBS) $(LDLIBS)

.PHONY: bench
bench: $(BUILD)/bench/bench $(BIN)/1.6-mnist-sgd data
	$(BUILD)/bench/bench --prog $(BIN)/1.6-mnist-sgd

HELP += "make bench        time the textbook and fast paths, print a table (1-3 min)"

# The fast path built in one command with no intrinsics at all: only the
# generic (4-float) kernels, as on ARM or wasm; the same tests (part of
# make check).
FAST_PORTABLE := $(BUILD)/portable/test_fast
$(FAST_PORTABLE): tests/test_fast.c tests/testutil.c tests/testutil.h \
		$(LIB_SRCS) $(wildcard lib/*.h)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -DNNDL_NO_SIMD \
	  $(filter-out -MMD -MP,$(CFLAGS)) $(shell pkg-config --cflags check) \
	  -Itests $(LDFLAGS) -o $@ tests/test_fast.c tests/testutil.c $(LIB_SRCS) \
	  $(LIB_LDLIBS) $(shell pkg-config --libs check) $(LDLIBS)

.PHONY: test-fast-portable
test-fast-portable: $(FAST_PORTABLE) data
	@echo "== $< (portable build of the fast path)"; $<
CHECK_TARGETS += test-fast-portable

# make bench-ab OLD=path/to/libnndl.so [TURNS=30]: the fast path of another
# build against this one, alternated turn by turn in one process (bench/ab.c):
# the way to show a change costs no speed on a shared machine.
$(BUILD)/bench/bench-ab: bench/ab.c $(LIBNNDL_A)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(filter-out -MMD -MP,$(CFLAGS)) \
	  $(LDFLAGS) -o $@ bench/ab.c $(LIBNNDL_A) $(LIB_LDLIBS) -ldl $(LDLIBS)

.PHONY: bench-ab
bench-ab: $(BUILD)/bench/bench-ab $(LIBNNDL_SO) data
	@test -n "$(OLD)" || { echo "make bench-ab: OLD=path/to/libnndl.so is missing (the build to compare this one with)" >&2; exit 2; }
	$(BUILD)/bench/bench-ab $(OLD) $(abspath $(LIBNNDL_SO)) --turns $(or $(TURNS),30)

HELP += "make bench-ab OLD=lib.so  this build's fast path against another's, in turns (~2 min)"
