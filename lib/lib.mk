# libnndl: one module per concept, static and shared.
LIB_MODULES := nndl_error rng perceptron sigmoid gradient_descent dataset mnist network atomic_file digit
# The engine room, lib/fast/: network_fast.c once, kernels.c once per
# instruction set (x86-64: AVX2+FMA, and the baseline).  LIB_SRCS
# compiled in one command (tests, fuzzers) gets the baseline kernels only.
LIB_SRCS := $(wildcard $(LIB_MODULES:%=lib/%.c) lib/network_*.c) \
            lib/fast/network_fast.c lib/fast/kernels.c
FAST_ISAS := $(if $(filter x86_64%,$(shell $(CC) -dumpmachine)),avx2) generic
LIB_OBJS := $(patsubst lib/%.c,$(BUILD)/lib/%.o,$(filter-out %/kernels.c,$(LIB_SRCS))) \
            $(FAST_ISAS:%=$(BUILD)/lib/fast/kernels_%.o)
KERNEL_FLAGS_avx2 := -mavx2 -mfma
# Tells network_fast.c (and test_fast.c) that the AVX2 table exists.
FAST_CPPFLAGS := $(if $(filter avx2,$(FAST_ISAS)),-DNNDL_FAST_X86)
$(BUILD)/lib/fast/network_fast.o: CPPFLAGS += $(FAST_CPPFLAGS)
LIBNNDL_A := lib/libnndl.a
LIBNNDL_SO := lib/libnndl.so
$(FAST_ISAS:%=$(BUILD)/lib/fast/kernels_%.o): $(BUILD)/lib/fast/kernels_%.o: lib/fast/kernels.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LIB_CFLAGS) $(KERNEL_FLAGS_$*) -c -o $@ $<

# The fast path runs its own threads.
LIB_LDLIBS += -pthread

$(BUILD)/lib/%.o: lib/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LIB_CFLAGS) -c -o $@ $<

$(LIBNNDL_A): $(LIB_OBJS)
	rm -f $@ && ar rcs $@ $^

$(LIBNNDL_SO): $(LIB_OBJS)
	$(CC) -shared -o $@ $^ $(LIB_LDLIBS) $(LDLIBS)

.PHONY: libnndl
libnndl: $(LIBNNDL_A) $(LIBNNDL_SO)
ALL_TARGETS += libnndl

# Programs link against the shared library, found next to bin/ at run time.
PROG_LDFLAGS := -Llib -Wl,-rpath,'$$ORIGIN/../lib'
PROG_LDLIBS := -lnndl $(LIB_LDLIBS) $(LDLIBS)

-include $(LIB_OBJS:.o=.d)
