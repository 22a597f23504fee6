# exercises/exercises.mk - the exercises: a runner for the learner and a
# check that proves every reference solution passes its test and every
# untouched stub fails it.  exercises/manifest.tsv drives all of it; the
# runner itself is the script exercises/ex.

EX_MANIFEST := exercises/manifest.tsv
EX_FILES := $(shell awk -F'\t' '!/^\#/ && NF >= 5 { sub(/\.c$$/, "", $$5); print $$5 }' $(EX_MANIFEST))
EX_BUILD := $(BUILD)/exercises
EX_CHECK_CFLAGS := $(shell pkg-config --cflags check)
EX_CHECK_LIBS := $(shell pkg-config --libs check)
# Solutions, stubs and tests must compile without a single warning.
EX_CFLAGS = $(CPPFLAGS) $(CFLAGS) -Werror -Iexercises -Iexercises/tests $(EX_CHECK_CFLAGS)
EX_LINK = $(LIBNNDL_A) $(LIB_LDLIBS) $(EX_CHECK_LIBS) $(LDLIBS)

# Scratch builds, never the learner's files: sol/ from exercises/solutions,
# stub/ from exercises/stubs, each linked with the same test object.
$(EX_BUILD)/tests/%.o: exercises/tests/%.c
	@mkdir -p $(@D)
	$(CC) $(EX_CFLAGS) -c -o $@ $<
$(EX_BUILD)/sol/%.o: exercises/solutions/%.c
	@mkdir -p $(@D)
	$(CC) $(EX_CFLAGS) -c -o $@ $<
$(EX_BUILD)/stub/%.o: exercises/stubs/%.c
	@mkdir -p $(@D)
	$(CC) $(EX_CFLAGS) -c -o $@ $<
$(EX_BUILD)/sol/test_%: $(EX_BUILD)/sol/%.o $(EX_BUILD)/tests/test_%.o $(LIBNNDL_A)
	$(CC) $(LDFLAGS) -o $@ $(filter %.o,$^) $(EX_LINK)
$(EX_BUILD)/stub/test_%: $(EX_BUILD)/stub/%.o $(EX_BUILD)/tests/test_%.o $(LIBNNDL_A)
	$(CC) $(LDFLAGS) -o $@ $(filter %.o,$^) $(EX_LINK)

EX_SOL_BINS := $(EX_FILES:%=$(EX_BUILD)/sol/test_%)
EX_STUB_BINS := $(EX_FILES:%=$(EX_BUILD)/stub/test_%)

# The runner gets the compiler and link line through the environment.
EX_RUN = CC='$(CC)' EX_CFLAGS='$(CPPFLAGS) $(filter-out -Werror -MMD -MP,$(CFLAGS)) -Iexercises -Iexercises/tests $(EX_CHECK_CFLAGS)' \
	EX_LDLIBS='$(EX_LINK)' exercises/ex

.PHONY: exercises-lint exercises-check exercises-files exercise progress next hint reset solution
exercises-lint:
	@exercises/ex lint
exercises-check: exercises-lint $(EX_SOL_BINS) $(EX_STUB_BINS)
	@exercises/ex check-run $(EX_BUILD)

# The learner's copies of the stubs (git-ignored), made once, never
# overwritten.
exercises-files:
	@exercises/ex init

exercise: $(LIBNNDL_A)
	@$(EX_RUN) exercise '$(N)'
progress:
	@$(EX_RUN) progress
next: $(LIBNNDL_A)
	@$(EX_RUN) next
hint:
	@$(EX_RUN) hint '$(N)'
reset:
	@CONFIRM='$(CONFIRM)' $(EX_RUN) reset '$(N)'
solution: $(LIBNNDL_A)
	@$(EX_RUN) solution '$(N)'

ALL_TARGETS += exercises-files
CHECK_TARGETS += exercises-check
HELP += "make exercise N=3 build and test exercise 3 (your file exercises/03_*.c)" \
	"make progress     every exercise with its state, and the next one to do" \
	"make next         check the current exercise; move on only if it passes" \
	"make hint N=3     the next hint for exercise 3 (one layer at a time)" \
	"make reset N=3    put back exercise 3's original stub (asks first)" \
	"make solution N=3 show the reference solution, once exercise 3 passes" \
	"make exercises-check  every solution passes, every stub fails, manifest lint"

-include $(EX_FILES:%=$(EX_BUILD)/sol/%.d) $(EX_FILES:%=$(EX_BUILD)/stub/%.d) \
	$(EX_FILES:%=$(EX_BUILD)/tests/test_%.d)

# Keep the objects between runs (they are intermediate files to make).
.SECONDARY: $(EX_FILES:%=$(EX_BUILD)/sol/%.o) $(EX_FILES:%=$(EX_BUILD)/stub/%.o) \
	$(EX_FILES:%=$(EX_BUILD)/tests/test_%.o)
