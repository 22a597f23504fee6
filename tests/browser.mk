# The book's live figures in Debian's Chromium (issue 18), driven by
# puppeteer-core, pinned in tests/browser/package-lock.json and installed
# there from the npm registry when missing (no browser download: it uses
# /usr/bin/chromium).
#   make test-widgets  real clicks, key presses and slider drags on every live
#                      figure of both editions, numbers against bin/1.1..1.6
#   make bench-book    one in-page training epoch against native, and the
#                      size of each edition's HTML
BROWSER_DIR := tests/browser
PUPPETEER := $(BROWSER_DIR)/node_modules/puppeteer-core/package.json
BOOK_MAX_BYTES := 8000000

$(PUPPETEER): $(BROWSER_DIR)/package.json $(BROWSER_DIR)/package-lock.json
	cd $(BROWSER_DIR) && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
	@touch $@

.PHONY: test-widgets bench-book
test-widgets: book $(PUPPETEER) programs $(WASM_REF) | data/mnist/.verified
	@for f in $(BOOK_HTML_EN) $(BOOK_HTML_ZH); do s=$$(wc -c <$$f); \
	  if [ $$s -ge $(BOOK_MAX_BYTES) ]; then echo "FAIL $$f is $$s bytes, over $(BOOK_MAX_BYTES)"; exit 1; fi; \
	  echo "ok   $$f: $$s bytes (under $(BOOK_MAX_BYTES))"; done
	@node $(BROWSER_DIR)/widgets.js $(BIN) data/mnist $(BUILD)/widgets-test $(WASM_REF) $(WASM_NET)
CHECK_TARGETS += test-widgets
HELP += "make test-widgets the book's live figures in Chromium: clicks, keys, drags; numbers against the programs"

# Three rounds, page and native alternating; the page's epoch runs the
# textbook code compiled to wasm, on one thread (a Web Worker).
BENCH_BOOK_ROUNDS ?= 3
bench-book: book $(PUPPETEER) programs $(WASM_REF) | data/mnist/.verified
	@tests/browser/bench-book.sh $(BIN) $(BUILD)/widgets-bench $(BENCH_BOOK_ROUNDS) $(WASM_TRAIN) $(WASM_TEST) $(WASM_REF) $(WASM_NET) \
	  $(BOOK_HTML_EN) $(BOOK_HTML_ZH)
HELP += "make bench-book   one training epoch in the page (wasm) against native, and each edition's size"
