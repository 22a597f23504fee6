# Unit tests: one Check suite per library module, tests/test_<module>.c.
CHECK_CFLAGS := $(shell pkg-config --cflags check)
CHECK_LIBS := $(shell pkg-config --libs check)
UNIT_SRCS := $(sort $(wildcard tests/test_*.c))
UNIT_BINS := $(UNIT_SRCS:tests/%.c=$(BUILD)/tests/%)

$(BUILD)/tests/%.o: tests/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(CHECK_CFLAGS) -Itests -c -o $@ $<

# Unit tests link the static library so they run from anywhere.
$(BUILD)/tests/test_%: $(BUILD)/tests/test_%.o $(BUILD)/tests/testutil.o $(LIBNNDL_A)
	$(CC) $(LDFLAGS) -o $@ $(filter %.o,$^) $(LIBNNDL_A) $(LIB_LDLIBS) $(CHECK_LIBS) $(LDLIBS)

.PHONY: unit-tests
unit-tests: $(UNIT_BINS) data
	@set -e; for t in $(UNIT_BINS); do echo "== $$t"; $$t; done

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
