# The section programs as a learner runs them, and the figures.
# tests/programs/check-programs.sh compares deterministic output with the
# reviewed files in tests/programs/ and checks training programs against
# ranges on small subsets (a few seconds); check-figures.sh checks that
# every plots/*.gp produced a non-empty SVG and PNG.

.PHONY: test-section-programs test-figures bless-section-programs
test-section-programs: $(CHAPTER_BINS) | data
	tests/programs/check-programs.sh $(BIN)

# After changing a program's text on purpose: rewrite the expected files,
# then review `git diff tests/programs`.
bless-section-programs: $(CHAPTER_BINS) | data
	BLESS=1 tests/programs/check-programs.sh $(BIN)

test-figures: plots
	tests/programs/check-figures.sh $(PLOT_OUT)

CHECK_TARGETS += test-section-programs test-figures
HELP += "make test-section-programs  check bin/1.1 ... bin/1.7 (part of make check)"
HELP += "make test-figures check that every figure in plots/out/ was drawn (part of make check)"
HELP += "make bless-section-programs  rewrite tests/programs/ expected output (then review the diff)"
