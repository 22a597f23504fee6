# exercises/exercises.mk - the exercises: the learner's builds, and a check
# that proves every reference solution passes its test, every untouched
# stub fails it, and every planted wrong answer (exercises/mutants/) fails.
#
# One reader of the manifest: the runner exercises/ex (`ex list`, `ex
# mutants`); this file only asks it.  Every build, the learner's too, goes
# through the rules below: one set of flags, make's own freshness.

EX_MANIFEST := exercises/manifest.tsv
EX_FILES := $(shell exercises/ex list)
EX_MUTANTS := $(shell exercises/ex mutants)
EX_BUILD := $(BUILD)/exercises
# The learner's files and their builds (the runner's check moves both).
EX_WORK ?= exercises
EX_LEARN ?= $(EX_BUILD)/learner
EX_CHECK_CFLAGS := $(CHECK_CFLAGS)
EX_CHECK_LIBS := $(CHECK_LIBS)
EX_FLAGS = $(CPPFLAGS) $(filter-out -Werror,$(CFLAGS)) -Iexercises -Iexercises/tests $(EX_CHECK_CFLAGS)
# Solutions, stubs, mutants and tests must compile without a single warning;
# the learner's file may warn (the runner shows the warnings on a failure).
EX_CFLAGS = $(EX_FLAGS) -Werror
EX_LINK = $(LIBNNDL_A) $(LIB_LDLIBS) $(EX_CHECK_LIBS) $(LDLIBS)

# Scratch builds, never the learner's files: sol/ from exercises/solutions,
# stub/ from exercises/stubs, mut/ from the mutants, each linked with the
# same test object.
$(EX_BUILD)/tests/%.o: exercises/tests/%.c
	@mkdir -p $(@D)
	$(CC) $(EX_CFLAGS) -c -o $@ $<
$(EX_BUILD)/sol/%.o: exercises/solutions/%.c
	@mkdir -p $(@D)
	$(CC) $(EX_CFLAGS) -c -o $@ $<
$(EX_BUILD)/stub/%.o: exercises/stubs/%.c
	@mkdir -p $(@D)
	$(CC) $(EX_CFLAGS) -c -o $@ $<
$(EX_BUILD)/mut/%.o: $(EX_BUILD)/mut/%.c
	$(CC) $(EX_CFLAGS) -Iexercises/solutions -c -o $@ $<
$(EX_BUILD)/sol/test_%: $(EX_BUILD)/sol/%.o $(EX_BUILD)/tests/test_%.o $(LIBNNDL_A)
	$(CC) $(LDFLAGS) -o $@ $(filter %.o,$^) $(EX_LINK)
$(EX_BUILD)/stub/test_%: $(EX_BUILD)/stub/%.o $(EX_BUILD)/tests/test_%.o $(LIBNNDL_A)
	$(CC) $(LDFLAGS) -o $@ $(filter %.o,$^) $(EX_LINK)

# A mutant BASE@ID is the solution BASE with one planted mistake, ID of
# exercises/mutants/BASE.tsv (`ex mutant` applies it and fails if the text
# it replaces is no longer in the solution).
define EX_MUTANT_RULES
$(EX_BUILD)/mut/$(1).c: exercises/solutions/$(firstword $(subst @, ,$(1))).c \
		exercises/mutants/$(firstword $(subst @, ,$(1))).tsv
	@mkdir -p $$(@D)
	@exercises/ex mutant $(1) > $$@.tmp && mv $$@.tmp $$@ || { rm -f $$@.tmp; exit 1; }
$(EX_BUILD)/mut/test_$(1): $(EX_BUILD)/mut/$(1).o \
		$(EX_BUILD)/tests/test_$(firstword $(subst @, ,$(1))).o $(LIBNNDL_A)
	$$(CC) $$(LDFLAGS) -o $$@ $$(filter %.o,$$^) $$(EX_LINK)
endef
$(foreach m,$(EX_MUTANTS),$(eval $(call EX_MUTANT_RULES,$(m))))

# The learner's build: exercises/NN_name.c.  Each step keeps what the
# compiler or linker said in a .log beside its output, for the runner to
# show (warnings too, which make's freshness would otherwise hide on the
# next run).
$(EX_LEARN)/%.o: $(EX_WORK)/%.c
	@mkdir -p $(@D)
	@$(CC) $(EX_FLAGS) -c -o $@ $< 2>$@.log; rc=$$?; cat $@.log >&2; exit $$rc
$(EX_LEARN)/test_%.o: exercises/tests/test_%.c
	@mkdir -p $(@D)
	@$(CC) $(EX_CFLAGS) -c -o $@ $< 2>$@.log; rc=$$?; cat $@.log >&2; exit $$rc
$(EX_LEARN)/test_%: $(EX_LEARN)/%.o $(EX_LEARN)/test_%.o $(LIBNNDL_A)
	@$(CC) $(LDFLAGS) -o $@ $(filter %.o,$^) $(EX_LINK) 2>$@.log; rc=$$?; cat $@.log >&2; exit $$rc

# The runner's and the tests' messages in Chinese (GNU gettext, domain
# nndl-ex): the runner's msg/T/die texts, the tests' _("...") texts, and
# each test's name as the words ex_print_name (ex_check.h) makes of it,
# taken from the START_TEST lines.
EX_LOCALE := $(EX_BUILD)/locale
EX_MO := $(EX_LOCALE)/zh_CN/LC_MESSAGES/nndl-ex.mo
EX_POT := $(EX_BUILD)/nndl-ex.pot
EX_TEST_SRCS := exercises/tests/ex_check.h $(EX_FILES:%=exercises/tests/test_%.c)
EX_TEST_NAMES := $(EX_BUILD)/test-names.c
$(EX_MO): exercises/po/zh_CN.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<
$(EX_TEST_NAMES): $(EX_TEST_SRCS)
	@mkdir -p $(@D)
	sed -n 's/^START_TEST(test_\([a-z0-9_]*\)).*/\1/p' $^ | sed -e 's/_/ /g' -e 's/.*/N_("&")/' > $@
$(EX_POT): exercises/ex $(EX_TEST_SRCS) $(EX_TEST_NAMES)
	@mkdir -p $(@D)
	xgettext -L Shell -k -kmsg:1 -kT:1 -kdie:1 --from-code=UTF-8 -o $@.tmp exercises/ex
	sed -i 's/charset=CHARSET/charset=UTF-8/' $@.tmp
	xgettext -j -L C -k_ -kN_ --from-code=UTF-8 -o $@.tmp $(EX_TEST_SRCS) $(EX_TEST_NAMES)
	mv $@.tmp $@

EX_SOL_BINS := $(EX_FILES:%=$(EX_BUILD)/sol/test_%)
EX_STUB_BINS := $(EX_FILES:%=$(EX_BUILD)/stub/test_%)
EX_MUT_BINS := $(EX_MUTANTS:%=$(EX_BUILD)/mut/test_%)

.PHONY: exercises-lint exercises-check exercises-files exercises-po-check \
	exercises-runner-check exercise progress next hint reset solution skip \
	unskip watch exercises-all
exercises-lint:
	@exercises/ex lint
exercises-check: exercises-lint exercises-po-check $(EX_SOL_BINS) $(EX_STUB_BINS) $(EX_MUT_BINS)
	@EX_LOCALE_DIR=$(abspath $(EX_LOCALE)) exercises/ex check-run $(EX_BUILD)
# Every message of the runner and the tests has a Chinese translation,
# none fuzzy.
exercises-po-check: $(EX_MO) $(EX_POT)
	@msgcmp --use-untranslated exercises/po/zh_CN.po $(EX_POT) || \
		{ echo "exercises/po/zh_CN.po: messages of exercises/ex or exercises/tests missing (see above)" >&2; exit 1; }
	@stats=$$(LC_ALL=C msgfmt --statistics -o /dev/null exercises/po/zh_CN.po 2>&1); \
	case $$stats in *untranslated*|*fuzzy*) \
		echo "exercises/po/zh_CN.po: $$stats (every message needs a translation)" >&2; exit 1;; esac; \
	echo "exercises: catalog of the runner and the tests: $$stats"
# The runner as a learner meets it (exit status, no false pass, injection).
exercises-runner-check: $(LIBNNDL_A) $(EX_MO)
	@exercises/runner-check.sh

# The learner's copies of the stubs (git-ignored), made once, never
# overwritten; and the runner's Chinese catalog.
exercises-files: $(EX_MO)
	@exercises/ex init

# The runner's targets.  Its exit status is make's: 0 a pass, 1 not yet,
# 2 a usage error.  GNU make turns any failed recipe into "Error 1" and its
# own status 2, so when every goal is one of these, make runs in question
# mode (-q): there a recipe's status 1 is make's status 1, and nothing is
# printed after the runner's report.  The `+` runs the recipe even so; the
# runner builds what it needs with a make of its own.
# N and CONFIRM reach the runner through the environment, unexpanded
# ($(value)), never through the shell's parser: they are data.
EX_RUNNER_GOALS := exercise progress next hint reset solution skip unskip watch exercises-all
ifneq ($(MAKECMDGOALS),)
ifeq ($(filter-out $(EX_RUNNER_GOALS),$(MAKECMDGOALS)),)
MAKEFLAGS += -q
endif
endif
# N and CONFIRM are not exported as themselves: exporting expands them.
unexport N CONFIRM
$(EX_RUNNER_GOALS): export EX_N := $(value N)
$(EX_RUNNER_GOALS): export EX_CONFIRM := $(value CONFIRM)
exercise hint reset solution skip unskip watch:
	+@exercises/ex $@ "$$EX_N"
progress next:
	+@exercises/ex $@
exercises-all:
	+@exercises/ex all

ALL_TARGETS += exercises-files
CHECK_TARGETS += exercises-check exercises-runner-check
HELP += "make exercise N=3 build and test exercise 3 (your file exercises/03_*.c); exit 0 pass, 1 not yet" \
	"make progress     every exercise with its state (passing, failing, skipped), and the next one" \
	"make next         check the current exercise; move on only if it passes" \
	"make watch        re-run the current exercise each time you save its file (Ctrl-C quits)" \
	"make hint N=3     the next rung of exercise 3's hint ladder (nudge, equation, key line)" \
	"make skip N=3     leave exercise 3 for later (make unskip N=3 takes it back)" \
	"make exercises-all  run every exercise of yours and show a table" \
	"make reset N=3    put back exercise 3's original stub (asks first)" \
	"make solution N=3 show the reference solution, once exercise 3 passes" \
	"make exercises-check  solutions pass, stubs fail, mutants fail, manifest lint, catalog"

-include $(EX_FILES:%=$(EX_BUILD)/sol/%.d) $(EX_FILES:%=$(EX_BUILD)/stub/%.d) \
	$(EX_FILES:%=$(EX_BUILD)/tests/test_%.d) $(wildcard $(EX_LEARN)/*.d)

# The objects are kept between runs: the top Makefile's .SECONDARY keeps
# every intermediate file (a .SECONDARY with a list here would undo that).