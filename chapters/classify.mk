# bin/classify: PNG images of the learner's own digits through a network
# saved by bin/1.6-mnist-sgd (chapters/classify.c).  It is the one program
# that needs libpng (Debian libpng-dev; found with `pkg-config libpng`).
PNG_CFLAGS := $(shell pkg-config --cflags libpng 2>/dev/null)
PNG_LIBS := $(shell pkg-config --libs libpng 2>/dev/null)

$(BUILD)/chapters/classify.o: chapters/classify.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(PNG_CFLAGS) -Ichapters -c -o $@ $<

$(BIN)/classify: $(BUILD)/chapters/classify.o $(CLI_OBJ) $(LIBNNDL_SO) $(LIBNNDL_A)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $(filter %.o,$^) $(PROG_LDFLAGS) $(PNG_LIBS) $(PROG_LDLIBS)

programs: $(BIN)/classify
HELP += "make classify     bin/classify and the chapter's network it reads (results/network.nndl)"

-include $(BUILD)/chapters/classify.d
