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
