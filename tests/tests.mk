# Unit tests: one Check suite per library module, tests/test_<module>.c.
UNIT_SRCS := $(sort $(wildcard tests/test_*.c))
UNIT_BINS := $(UNIT_SRCS:tests/%.c=$(BUILD)/tests/%)

$(BUILD)/tests/%.o: tests/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(CHECK_CFLAGS) -Itests -c -o $@ $<

# Unit tests link the static library so they run from anywhere.
$(BUILD)/tests/test_%: $(BUILD)/tests/test_%.o $(BUILD)/tests/testutil.o $(LIBNNDL_A)
	$(CC) $(LDFLAGS) -o $@ $(filter %.o,$^) $(LIBNNDL_A) $(LIB_LDLIBS) $(CHECK_LIBS) $(LDLIBS)

# One run target per suite, so that -j runs them side by side and the
# suites that never read MNIST do not wait for its download.
UNIT_NEEDS_DATA := test_fast test_integration test_mnist
UNIT_RUNS := $(UNIT_SRCS:tests/%.c=run-%)
.PHONY: unit-tests $(UNIT_RUNS)
$(UNIT_NEEDS_DATA:%=run-%): data
$(UNIT_RUNS): run-%: $(BUILD)/tests/%
	@echo "== $<"; $<
unit-tests: $(UNIT_RUNS)

CHECK_TARGETS += unit-tests
HELP += "make unit-tests   run the library's Check suites (part of make check)"

-include $(UNIT_SRCS:tests/%.c=$(BUILD)/tests/%.d) $(BUILD)/tests/testutil.d

$(BUILD)/tests/test_fast.o: CPPFLAGS += $(FAST_CPPFLAGS)

# The fast path's generic kernels (4 floats per vector, what x86-64 CPUs
# without AVX run), forced on this CPU: the same tests, the same textbook
# numbers.
.PHONY: test-fast-sse
test-fast-sse: $(BUILD)/tests/test_fast data
	@echo "== $< with NNDL_FAST_LANES=4 (the kernels for CPUs without AVX)"
	NNDL_FAST_LANES=4 $<
CHECK_TARGETS += test-fast-sse

# Section 1.6's program as a learner runs it (small subsets, a few seconds).
.PHONY: test-sgd-program
test-sgd-program: $(BIN)/1.6-mnist-sgd data
	tests/sgd_program.sh $(BIN)/1.6-mnist-sgd
CHECK_TARGETS += test-sgd-program

# scripts/check-deps finds every dependency it should, and only those
# (issue 19); bench builds without OpenBLAS.
.PHONY: test-check-deps
test-check-deps: $(BUILD)/bench/bench
	BENCH=$< tests/check_deps.sh
CHECK_TARGETS += test-check-deps
