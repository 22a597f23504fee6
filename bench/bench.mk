# make bench: the speed of the textbook and fast paths (bench/bench.c).
# Not part of `make` or `make check`: it takes a minute or two.
# OpenBLAS, when it is installed, is used only to measure the machine's
# single-core sgemm peak for the table; the library never needs it, and
# check-deps does not install it.  It counts as installed when a one-line
# program that calls cblas_sgemm links against -lopenblas: a cblas.h alone
# proves nothing (Debian's reference BLAS installs one too).
BENCH_HAVE_OPENBLAS = $(shell printf '#include <cblas.h>\nint main(void){cblas_sgemm(CblasRowMajor,CblasNoTrans,CblasNoTrans,0,0,0,1,0,1,0,1,0,1,0,1);return 0;}\n' | \
  $(CC) -x c - -o /dev/null $$(pkg-config --cflags openblas 2>/dev/null) -lopenblas >/dev/null 2>&1 && echo yes)
# $(call bench_link,yes-or-empty): the link, with or without OpenBLAS.
bench_link = $(CC) $(CPPFLAGS) $(if $1,-DNNDL_HAVE_CBLAS $(shell pkg-config --cflags openblas 2>/dev/null)) \
  $(filter-out -MMD -MP,$(CFLAGS)) $(LDFLAGS) -o $@ bench/bench.c $(LIBNNDL_A) $(LIB_LDLIBS) \
  $(if $1,-lopenblas) $(LDLIBS)

$(BUILD)/bench/bench: bench/bench.c $(LIBNNDL_A)
	@mkdir -p $(@D)
	$(call bench_link,$(BENCH_HAVE_OPENBLAS))

# The same program as a machine without OpenBLAS builds it
# (tests/check_deps.sh runs it: `make` must never need OpenBLAS).
$(BUILD)/bench/bench-no-openblas: bench/bench.c $(LIBNNDL_A)
	@mkdir -p $(@D)
	$(call bench_link,)

.PHONY: bench
bench: $(BUILD)/bench/bench $(BIN)/1.6-mnist-sgd data
	$(BUILD)/bench/bench --prog $(BIN)/1.6-mnist-sgd

HELP += "make bench        time the textbook and fast paths, print a table (1-3 min)"

# The fast path's portable fallback: no per-CPU clones, no SSE2, so 4-lane
# vectors (as on ARM) instead of the clones' 8; the same tests (part of
# make check).
FAST_PORTABLE := $(BUILD)/portable/test_fast
$(FAST_PORTABLE): tests/test_fast.c tests/testutil.c tests/testutil.h \
		$(LIB_SRCS) $(wildcard lib/*.h)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -DNNDL_NO_CLONES -DNNDL_NO_SIMD \
	  $(filter-out -MMD -MP,$(CFLAGS)) $(shell pkg-config --cflags check) \
	  -Itests $(LDFLAGS) -o $@ tests/test_fast.c tests/testutil.c $(LIB_SRCS) \
	  $(LIB_LDLIBS) $(shell pkg-config --libs check) $(LDLIBS)

.PHONY: test-fast-portable
test-fast-portable: $(FAST_PORTABLE) data
	@echo "== $< (portable build of the fast path)"; $<
CHECK_TARGETS += test-fast-portable
