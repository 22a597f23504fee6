# bin/1.6-mnist-sgd's --load and --diagnose on small subsets
# (tests/load_diagnose.sh, a few seconds).
.PHONY: test-load-diagnose
test-load-diagnose: $(BIN)/1.6-mnist-sgd | data
	tests/load_diagnose.sh $(BIN)/1.6-mnist-sgd
CHECK_TARGETS += test-load-diagnose
HELP += "make test-load-diagnose  check 1.6's --load and --diagnose (part of make check)"
