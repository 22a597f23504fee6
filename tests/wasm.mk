# The WebAssembly build against the native one (issue 18): the same C,
# compiled twice, gives the same bits (tests/wasm/exact.js, node).
.PHONY: test-wasm
test-wasm: $(WASM_MODULE) $(WASM_REF) $(BIN)/1.6-mnist-sgd $(BIN)/1.5-gradient-descent | data/mnist/.verified
	@node tests/wasm/exact.js $(WASM_MODULE) $(WASM_REF) $(BIN) data/mnist $(BUILD)/wasm/test
CHECK_TARGETS += test-wasm
HELP += "make test-wasm    the wasm build of the library against the native one, bit for bit (node)"

# The widgets filter stops the book on an unknown or doubled live figure or
# a missing bundle (scratch documents, pandoc only).
.PHONY: test-widgets-filter
test-widgets-filter:
	@tests/wasm/filter.sh
CHECK_TARGETS += test-widgets-filter
