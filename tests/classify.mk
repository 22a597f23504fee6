# bin/classify on PNG images of MNIST digits written by tests/png_fixture.c
# (tests/classify.sh).  Needs libpng (pkg-config libpng), as bin/classify.
$(BUILD)/tests/png_fixture: tests/png_fixture.c $(LIBNNDL_A)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(PNG_CFLAGS) -o $@ $< $(LIBNNDL_A) $(PNG_LIBS) $(LIB_LDLIBS) $(LDLIBS)

.PHONY: test-classify
test-classify: $(BIN)/classify $(BIN)/1.6-mnist-sgd $(BUILD)/tests/png_fixture | data
	tests/classify.sh $(BIN)/classify $(BIN)/1.6-mnist-sgd $(BUILD)/tests/png_fixture
CHECK_TARGETS += test-classify
HELP += "make test-classify  check bin/classify on PNGs of MNIST digits (part of make check)"
