# libnndl: one module per concept, static and shared.
LIB_MODULES := nndl_error rng perceptron sigmoid sigmoid_simd gradient_descent dataset mnist network atomic_file
LIB_SRCS := $(wildcard $(LIB_MODULES:%=lib/%.c) lib/network_*.c)
LIB_OBJS := $(LIB_SRCS:lib/%.c=$(BUILD)/lib/%.o)
LIBNNDL_A := lib/libnndl.a
LIBNNDL_SO := lib/libnndl.so
# The fast path (lib/network_fast.c) runs its own threads.
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
