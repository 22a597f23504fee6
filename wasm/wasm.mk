# The teaching library compiled to WebAssembly for the book's live figures.
#
#   build/wasm/nndl.wasm     lib/rng.c perceptron.c sigmoid.c
#                            gradient_descent.c network.c nndl_error.c dataset.c mnist.c
#                            (its zlib readers are dropped by wasm-ld: nothing
#                            reaches them) and wasm/*.c, one wasm32-wasi
#                            reactor module that imports nndl.epoch_done and
#                            the fd_close/fd_seek/fd_write that vsnprintf
#                            links in (never called: wasm/glue.js throws)
#   build/wasm/ref           wasm/ref.c + wasm/probe.c built natively: the
#                            numbers the module must reproduce (make check)
#   build/wasm/mnist-subset.gz  the first WASM_TRAIN training and WASM_TEST
#                            test images and labels, gzip, for the page
#   build/wasm/digit-net.nndl  the chapter's network ([784, 30, 10], eta 3,
#                            30 epochs, seed 1) saved by bin/1.6-mnist-sgd
#                            --save, for the draw-a-digit figure
#   build/wasm/bundle.html   one <script> with the module, the data, the
#                            network of draw-a-digit and the JS glue; the
#                            widgets filter (book/filters/widgets.lua) puts
#                            it into each edition's HTML file
#
# The fast path (lib/network_fast*, its threads) stays native: wasi-libc has
# no pthreads, and the page runs the code the book quotes.

WASM_CC ?= clang-14
WASM_OUT := $(BUILD)/wasm
WASM_MODULE := $(WASM_OUT)/nndl.wasm
WASM_REF := $(WASM_OUT)/ref
WASM_BUNDLE := $(WASM_OUT)/bundle.html
WASM_SUBSET := $(WASM_OUT)/mnist-subset.gz
WASM_TRAIN ?= 10000
WASM_TEST ?= 1000
# -DNDEBUG: assert() would pull in stdio and the WASI calls it writes with;
# the glue checks what it passes instead, so the module imports nothing else.
WASM_CFLAGS := --target=wasm32-wasi --sysroot=/usr -O3 -msimd128 -DNDEBUG -std=c11 \
  -Wall -Wextra $(WERROR) -MMD -MP -Ilib -Iwasm -ffunction-sections -fdata-sections
WASM_LIB := rng perceptron sigmoid gradient_descent network nndl_error dataset mnist digit
WASM_SRCS := $(WASM_LIB:%=lib/%.c) wasm/valley.c wasm/trainer.c wasm/probe.c
WASM_OBJS := $(patsubst %.c,$(WASM_OUT)/obj/%.o,$(WASM_SRCS))
# Library functions the page calls as they are (no wrapper needed).
WASM_LIB_EXPORTS := malloc free perceptron perceptron_nand perceptron_adder \
  step sigmoid sigmoid_prime sigmoidf neuron_z sigmoid_neuron \
  network_create network_free network_feedforward network_predict digit_to_mnist
WASM_LDFLAGS := -mexec-model=reactor -Wl,--gc-sections -Wl,--strip-all \
  $(WASM_LIB_EXPORTS:%=-Wl,--export=%)
WASM_NET ?= $(WASM_OUT)/digit-net.nndl
WASM_JS := wasm/glue.js wasm/widgets.js wasm/worker.js wasm/widgets.css

$(WASM_OUT)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(WASM_CC) $(WASM_CFLAGS) -c -o $@ $<

$(WASM_MODULE): $(WASM_OBJS)
	$(WASM_CC) $(WASM_CFLAGS) $(WASM_LDFLAGS) -o $@.tmp $^ && mv $@.tmp $@

$(WASM_REF): wasm/ref.c wasm/probe.c $(LIBNNDL_A)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Iwasm -o $@ wasm/ref.c wasm/probe.c $(LIBNNDL_A) $(LIB_LDLIBS) $(LDLIBS)

$(WASM_SUBSET): wasm/subset.sh | data/mnist/.verified
	@mkdir -p $(@D)
	wasm/subset.sh data/mnist $(WASM_TRAIN) $(WASM_TEST) $@

# The headline run of section 1.6 on the fast path (the same network as the
# textbook code would give, a few seconds), saved.
$(WASM_OUT)/digit-net.nndl: $(BIN)/1.6-mnist-sgd | data/mnist/.verified
	@mkdir -p $(@D)
	$(BIN)/1.6-mnist-sgd --sizes 784,30,10 --epochs 30 --batch 10 --eta 3 --seed 1 --save $@ >$@.out

$(WASM_BUNDLE): wasm/bundle.sh $(WASM_MODULE) $(WASM_SUBSET) $(WASM_NET) $(WASM_JS)
	wasm/bundle.sh $@ $(WASM_MODULE) $(WASM_SUBSET) $(WASM_NET) $(WASM_TRAIN) $(WASM_TEST) $(WASM_JS)

.PHONY: wasm
wasm: $(WASM_MODULE) $(WASM_BUNDLE)
HELP += "make wasm         the teaching library as WebAssembly, for the book's live figures (build/wasm/)"

-include $(WASM_OBJS:.o=.d)
