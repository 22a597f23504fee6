# make compare on a tiny comparison (tests/compare.sh, a few seconds).
.PHONY: test-compare
test-compare: $(BIN)/1.6-mnist-sgd | data
	tests/compare.sh "$(MAKE)"
CHECK_TARGETS += test-compare
HELP += "make test-compare check make compare on a tiny comparison (part of make check)"
