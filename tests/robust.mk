# tests/robust.mk - bad input never crashes or corrupts (issue 7).
#
#   make test-bad-inputs  every program against bad flags, data files, model
#                         files, interrupted writes, failed downloads
#                         (part of `make check`)
#   make test-fuzz-corpus the fuzz targets replayed over their committed
#                         corpus and regression files, built with $(CC)
#                         (part of `make check`)
#   make sanitize         the `make check` targets (all but the book and
#                         figures) built and run with AddressSanitizer and
#                         UndefinedBehaviorSanitizer in build/asan
#   make memcheck         every program in bin/ under valgrind, small inputs
#   make tsan             tests/test_fast.c (threads, background evaluation)
#                         under ThreadSanitizer
#   make fuzz             each libFuzzer target for FUZZ_SECONDS (clang)
#
# sanitize, memcheck, tsan and fuzz are slow, so they are not in `make check`;
# .ci/run calls them after it.

# --- sanitize: a second build tree, the same tests ---------------------------
# The library goes to $(SAN_DIR)/lib instead of lib/: LIBNNDL_A, LIBNNDL_SO
# and PROG_LDFLAGS are given on the sub-make's command line (lib/lib.mk is
# unchanged).
SAN_DIR := $(BUILD)/asan
SAN_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=all
# halt_on_error: the first finding fails the run.  detect_leaks: LeakSanitizer.
# NNDL_SANITIZED tells tests/bad_inputs.sh not to cap memory with ulimit -v
# (ASan reserves terabytes of address space); Check's 4 s per test is too
# short for a sanitized build on a busy machine.
SAN_ENV := NNDL_SANITIZED=1 CK_TIMEOUT_MULTIPLIER=4 ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:strict_string_checks=1 \
	UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1

# Every target of `make check` except the figures and the book: those test
# gnuplot, pandoc and Chromium output drawn from results/, which the
# sanitized programs would have to regenerate (hours of training under
# ASan).  SANITIZE_TARGETS=unit-tests runs a part only.
# The book's browser checks and the machine check go too: the first would
# rebuild the book (and so every experiment) with the sanitized programs,
# the second tests scripts/check-deps, no C.  So does the exercise runner's
# check: it plants crashes and endless loops in a learner's file on purpose,
# and under ASan a crash is ASan's report and exit 1, not the signal the
# runner explains (the exercises themselves still run: exercises-check).
SANITIZE_SKIP := test-book test-figures test-zh-figures test-widgets test-widgets-filter \
	test-check-deps exercises-runner-check
SANITIZE_TARGETS ?= $(filter-out $(SANITIZE_SKIP),$(CHECK_TARGETS))
.PHONY: sanitize
sanitize:
	@mkdir -p $(SAN_DIR)/lib
	$(SAN_ENV) $(MAKE) BUILD=$(SAN_DIR) BIN=$(SAN_DIR)/bin \
	  OPT='-O1 -g $(SAN_FLAGS)' LDFLAGS='$(SAN_FLAGS)' \
	  LIBNNDL_A=$(SAN_DIR)/lib/libnndl.a LIBNNDL_SO=$(SAN_DIR)/lib/libnndl.so \
	  PROG_LDFLAGS='-L$(SAN_DIR)/lib -Wl,-rpath,$(CURDIR)/$(SAN_DIR)/lib' \
	  $(SANITIZE_TARGETS)
	@echo "make sanitize: $(SANITIZE_TARGETS) passed under ASan and UBSan"

# --- tsan: the fast path's threads under ThreadSanitizer ----------------------
# test_fast trains on 1 to 4 threads (per-thread slices of layer 0, the
# double-buffered upper layers, two barriers) and evaluates in the
# background; any data race among them fails the run.  The generic
# kernels are compiled in with the library's sources (LIB_SRCS).
TSAN_TEST := $(BUILD)/tsan/test_fast
$(TSAN_TEST): tests/test_fast.c tests/testutil.c tests/testutil.h \
		$(LIB_SRCS) $(wildcard lib/*.h)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -O1 -g -fsanitize=thread -std=c11 \
	  -Wall -Wextra -Ilib -Itests $(shell pkg-config --cflags check) \
	  -o $@ tests/test_fast.c tests/testutil.c $(LIB_SRCS) \
	  $(LIB_LDLIBS) $(shell pkg-config --libs check) $(LDLIBS)

.PHONY: tsan
tsan: $(TSAN_TEST) data
	TSAN_OPTIONS=halt_on_error=1 CK_FORK=no $(TSAN_TEST)
	@echo "make tsan: no data race in the fast path's threads"

# --- memcheck: valgrind over every program -----------------------------------
.PHONY: memcheck
memcheck: programs data
	tests/memcheck.sh $(BIN)

# --- bad inputs: program-level cases ------------------------------------------
.PHONY: test-bad-inputs
test-bad-inputs: programs data
	tests/bad_inputs.sh $(BIN)
CHECK_TARGETS += test-bad-inputs

# --- fuzz targets -----------------------------------------------------------
# tests/fuzz/fuzz_<name>.c defines LLVMFuzzerTestOneInput.  Each is built
# twice: with clang and libFuzzer for `make fuzz`, and with $(CC) and a
# plain main() (tests/fuzz/replay.c) that replays the committed corpus and
# regression files in `make check`, so a crash once found stays fixed.
FUZZ_NAMES := idx model cli
FUZZ_SECONDS ?= 60
FUZZ_CC ?= clang
FUZZ_DIR := $(BUILD)/fuzz
FUZZ_FLAGS := -g -O1 -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=undefined -fno-omit-frame-pointer
# No -Werror here: $(CC) with -Werror already gates the code (the replay
# build below); clang's extra warnings should not break `make fuzz`.
FUZZ_CPPFLAGS = $(CPPFLAGS) -Ilib -Ichapters -Itests/fuzz
FUZZ_SRCS = $(LIB_SRCS) tests/fuzz/fuzz_$*.c
FUZZ_BINS := $(FUZZ_NAMES:%=$(FUZZ_DIR)/fuzz_%)
REPLAY_BINS := $(FUZZ_NAMES:%=$(BUILD)/tests/replay_%)

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(LIB_SRCS) \
		$(wildcard lib/*.h) chapters/cli.c chapters/cli.h chapters/lang.c chapters/lang.h \
		chapters/epochs.c chapters/epochs.h chapters/1.6-mnist-sgd.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CPPFLAGS) -std=c11 -Wall -Wextra $(FUZZ_FLAGS) \
	  -o $@ $(FUZZ_SRCS) $(LIB_LDLIBS) $(LDLIBS)

$(BUILD)/tests/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c \
		tests/fuzz/fuzz.h $(LIBNNDL_A) chapters/cli.c chapters/cli.h chapters/lang.c chapters/lang.h \
		chapters/epochs.c chapters/epochs.h chapters/1.6-mnist-sgd.c
	@mkdir -p $(@D)
	$(CC) $(FUZZ_CPPFLAGS) $(filter-out -MMD -MP,$(CFLAGS)) $(LDFLAGS) \
	  -o $@ tests/fuzz/fuzz_$*.c tests/fuzz/replay.c $(LIBNNDL_A) \
	  $(LIB_LDLIBS) $(LDLIBS)

.PHONY: test-fuzz-corpus fuzz fuzz-build
test-fuzz-corpus: $(REPLAY_BINS)
	@set -e; for n in $(FUZZ_NAMES); do \
	  $(BUILD)/tests/replay_$$n tests/fuzz/corpus/$$n tests/fuzz/regressions/$$n; \
	done
CHECK_TARGETS += test-fuzz-corpus

fuzz-build: $(FUZZ_BINS)

# Each target runs FUZZ_SECONDS from the committed seeds (new inputs go to
# $(FUZZ_DIR)/corpus-NAME, crashes to $(FUZZ_DIR)/crash-*); any crash, leak,
# timeout (> 10 s for one input) or memory blow-up (> 2 GB) fails.
fuzz: $(FUZZ_BINS)
	@set -e; for n in $(FUZZ_NAMES); do \
	  mkdir -p $(FUZZ_DIR)/corpus-$$n; \
	  echo "== fuzz_$$n for $(FUZZ_SECONDS) s"; \
	  $(FUZZ_DIR)/fuzz_$$n -max_total_time=$(FUZZ_SECONDS) -timeout=10 \
	    -rss_limit_mb=2048 -max_len=4096 -close_fd_mask=3 -print_final_stats=1 \
	    -dict=tests/fuzz/$$n.dict -artifact_prefix=$(FUZZ_DIR)/crash-$$n- \
	    $(FUZZ_DIR)/corpus-$$n tests/fuzz/corpus/$$n \
	    $$(ls -d tests/fuzz/regressions/$$n 2>/dev/null) \
	    2>$(FUZZ_DIR)/fuzz_$$n.log || { tail -n 60 $(FUZZ_DIR)/fuzz_$$n.log; \
	    echo "make fuzz: fuzz_$$n failed (input in $(FUZZ_DIR)/crash-$$n-*)"; exit 1; }; \
	  grep -E '^#[0-9]+[[:space:]]+DONE|^stat::(number_of_executed_units|peak_rss_mb)' \
	    $(FUZZ_DIR)/fuzz_$$n.log; \
	done
	@echo "make fuzz: no crash, leak or timeout in $(FUZZ_NAMES)"

HELP += "make sanitize     the tests of make check again, with ASan and UBSan (~2 min)" \
	"make memcheck     every program in bin/ under valgrind on small inputs" \
	"make tsan         the fast path's threads under ThreadSanitizer (~1 min)" \
	"make fuzz         fuzz the IDX reader, model reader, flag parser (FUZZ_SECONDS=60 each)" \
	"make test-bad-inputs  bad flags, files, interrupted writes (part of make check)" \
	"make test-fuzz-corpus replay the fuzz seeds and regressions (part of make check)"
