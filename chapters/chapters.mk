# One program per section: chapters/1.N-name.c -> bin/1.N-name.
# chapters/cli.c holds what every program shares (flags, messages, files),
# chapters/epochs.c what the training programs do after each epoch.
CHAPTER_SRCS := $(sort $(wildcard chapters/1.*.c))
CHAPTER_BINS := $(CHAPTER_SRCS:chapters/%.c=$(BIN)/%)
CLI_OBJ := $(BUILD)/chapters/cli.o $(BUILD)/chapters/epochs.o $(BUILD)/chapters/lang.o

$(BUILD)/chapters/%.o: chapters/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Ichapters -c -o $@ $<

$(BIN)/%: $(BUILD)/chapters/%.o $(CLI_OBJ) $(LIBNNDL_SO) $(LIBNNDL_A)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $(filter %.o,$^) $(PROG_LDFLAGS) $(PROG_LDLIBS)

.PHONY: programs
programs: $(CHAPTER_BINS)
ALL_TARGETS += programs data
HELP += "make programs     build the section programs into bin/"

-include $(CHAPTER_SRCS:chapters/%.c=$(BUILD)/chapters/%.d) $(CLI_OBJ:.o=.d)
