# make bench: the speed of the textbook and fast paths (bench/bench.c).
# Not part of `make` or `make check`: it takes a minute or two.
# OpenBLAS, when its header is there, is used only to measure the machine's
# single-core sgemm peak for the table; the library never needs it.
BENCH_CBLAS := $(firstword $(wildcard /usr/include/cblas.h \
                 /usr/include/x86_64-linux-gnu/cblas.h))
BENCH_CPPFLAGS := $(if $(BENCH_CBLAS),-DNNDL_HAVE_CBLAS)
BENCH_LIBS := $(if $(BENCH_CBLAS),-lopenblas)

$(BUILD)/bench/bench: bench/bench.c $(LIBNNDL_A)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(BENCH_CPPFLAGS) $(filter-out -MMD -MP,$(CFLAGS)) \
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
