# The HTML book: book/en/*.md and book/zh/*.md through pandoc and the Lua
# filter book/filters/book.lua into book/html/ (English) and book/html/zh/
# (简体中文), each one self-contained page readable offline.
#
# The filter pulls in everything the build made: tagged code regions of lib/
# and chapters/, the output of bin/1.1 .. bin/1.5 captured here (default
# seeds), the logs of `make experiments` in results/, the figures of
# `make plots`, the exercise manifest.  A missing input stops the build.
# It also writes build/book/<lang>.d: every file it read, so the book is
# rebuilt exactly when one of them changes.

# The live figures: the library as WebAssembly (wasm/wasm.mk), put into
# each edition by a second filter, book/filters/widgets.lua.
include wasm/wasm.mk
BOOK_WIDGETS := book/filters/widgets.lua $(WASM_BUNDLE)

BOOK_HTML_EN := book/html/index.html
BOOK_HTML_ZH := book/html/zh/index.html
BOOK_OUT := $(BUILD)/book/out
BOOK_RUN := $(BUILD)/book/run
BOOK_SOURCES = $(sort $(wildcard lib/*.c lib/*.h lib/fast/*.c lib/fast/*.h chapters/*.c chapters/*.h))
BOOK_MD_en := $(sort $(wildcard book/en/*.md))
BOOK_MD_zh := $(sort $(wildcard book/zh/*.md))
BOOK_COMMON = book/filters/book.lua book/style.css book/book.mk $(BOOK_SOURCES) $(BOOK_WIDGETS) \
  $(wildcard exercises/manifest.tsv)

# Section programs whose output the book shows, run with their defaults.
# Those that write data files write them into a scratch folder, never into
# results/ (which belongs to `make experiments`).
# Each edition shows the output in its own language: build/book/out/ (en),
# build/book/out/zh/ (zh, through the catalogs of `make locales`).  The
# language is set explicitly, so the builder's own LANG does not leak in.
BOOK_PROGRAMS := 1.1-perceptrons 1.2-sigmoid-neurons 1.3-architecture \
  1.4-digit-network 1.5-gradient-descent
BOOK_OUT_en := $(BOOK_OUT)
BOOK_OUT_zh := $(BOOK_OUT)/zh
BOOK_CAPTURED_en := $(BOOK_PROGRAMS:%=$(BOOK_OUT_en)/%.txt)
BOOK_CAPTURED_zh := $(BOOK_PROGRAMS:%=$(BOOK_OUT_zh)/%.txt)
BOOK_OUTDIR_FLAG = $(if $(filter 1.2% 1.4% 1.5%,$*),--out-dir $(BOOK_RUN)/$(BOOK_LANG)/$*)

# What must be finished before the book is built (order only: the real
# inputs are in build/book/<lang>.d).  `make book BOOK_AFTER=` builds from
# whatever results/ and plots/out/ hold now.
BOOK_AFTER ?= experiments plots
BOOK_RESULTS ?= results
BOOK_PLOTS ?= plots/out
BOOK_PLOTS_en = $(BOOK_PLOTS)
BOOK_PLOTS_zh = $(BOOK_PLOTS)/zh

# $(call book_capture,lang): bin/P's output in one language (LANG_ENV_en
# and LANG_ENV_zh: chapters/lang.mk, which also makes the zh captures
# depend on the catalogs).
define book_capture
$(BOOK_OUT_$(1))/%.txt: BOOK_LANG := $(1)
$(BOOK_OUT_$(1))/%.txt: $(BIN)/%
	@mkdir -p $$(@D) $(BOOK_RUN)/$(1)/$$*
	@$$(LANG_ENV_$(1)) $(BIN)/$$* $$(BOOK_OUTDIR_FLAG) >$$@.tmp 2>$(BOOK_RUN)/$(1)/$$*.stderr || \
	  { rm -f $$@.tmp; echo "book: $(BIN)/$$* failed:"; cat $(BOOK_RUN)/$(1)/$$*.stderr; exit 1; }
	@mv $$@.tmp $$@

$(BOOK_OUT_$(1))/1.4-digit-network.txt: | data/mnist/.verified
endef
$(eval $(call book_capture,en))
$(eval $(call book_capture,zh))

# The runs of `make experiments` that the zh book shows (```{.output
# result=RUN.out}```) are run again in Chinese, with the command kept in
# results/.cmd/RUN (same seed, same numbers), into build/book/out/zh/results/.
BOOK_RESULT_OUTS_zh := $(sort $(patsubst result="%",%,$(shell grep -oh 'result="[^"]*\.out"' $(BOOK_MD_zh))))
BOOK_CAPTURED_zh += $(BOOK_RESULT_OUTS_zh:%=$(BOOK_OUT_zh)/results/%)
# (Each RUN.out is written beside RUN.tsv by the rule that makes RUN.tsv.)
$(BOOK_OUT_zh)/results/%.out: $(BOOK_RESULTS)/%.tsv
	@mkdir -p $(@D) $(BOOK_RUN)/zh/results/$*
	@cmd="$$(cat $(BOOK_RESULTS)/.cmd/$*)" && case $$cmd in *1.7-deep*) \
	  cmd="$$cmd --out-dir $(BOOK_RUN)/zh/results/$*";; esac && \
	  echo "book: $$cmd (in Chinese)" && \
	  $(LANG_ENV_zh) $$cmd >$@.tmp 2>$(BOOK_RUN)/zh/results/$*.stderr || \
	  { rm -f $@.tmp; echo "book: $$cmd failed:"; cat $(BOOK_RUN)/zh/results/$*.stderr; exit 1; }
	@mv $@.tmp $@

# $(call book_pandoc,lang,pandoc-lang,output,md-files)
define book_pandoc
	@mkdir -p $(dir $(3)) $(BUILD)/book
	@echo "pandoc: book/$(1)/*.md -> $(3)"
	@pandoc --from markdown --to html5 --standalone --self-contained --mathml \
	  --toc --toc-depth=2 --wrap=none --highlight-style=tango \
	  --css book/style.css --include-before-body book/$(1)/nav.html \
	  --metadata-file book/$(1)/meta.yaml --metadata lang=$(2) \
	  --metadata book-sources="$(BOOK_SOURCES)" --metadata book-outdir=$(BOOK_OUT_$(1)) --metadata book-results=$(BOOK_RESULTS) \
	  --metadata book-plots=$(BOOK_PLOTS_$(1)) \
	  --metadata book-deps=$(BUILD)/book/$(1).d --metadata book-target=$(3) \
	  --lua-filter book/filters/book.lua \
	  --metadata widgets-bundle=$(WASM_BUNDLE) --lua-filter book/filters/widgets.lua \
	  -o $(3).tmp $(4) || { rm -f $(3).tmp; exit 1; }
	@mv $(3).tmp $(3)
endef

$(BOOK_HTML_EN): $(BOOK_MD_en) book/en/nav.html book/en/meta.yaml $(BOOK_COMMON) \
  $(BOOK_CAPTURED_en) | $(BOOK_AFTER)
	$(call book_pandoc,en,en,$@,$(BOOK_MD_en))

$(BOOK_HTML_ZH): $(BOOK_MD_zh) book/zh/nav.html book/zh/meta.yaml book/zh/exercises.tsv \
  $(BOOK_COMMON) $(BOOK_CAPTURED_zh) | $(BOOK_AFTER)
	$(call book_pandoc,zh,zh-Hans,$@,$(BOOK_MD_zh))

-include $(BUILD)/book/en.d $(BUILD)/book/zh.d

.PHONY: book
# `make book` ends with where the book is; plain `make` says it once, at
# the very end (tests/book.mk adds `book-path` after every other target).
BOOK_SAY = echo "The book: $(abspath $(BOOK_HTML_EN))  (简体中文: $(abspath $(BOOK_HTML_ZH)))"
book: $(BOOK_HTML_EN) $(BOOK_HTML_ZH)
	@$(if $(filter book,$(MAKECMDGOALS)),$(BOOK_SAY),:)
ALL_TARGETS += book
HELP += "make book         build the HTML book (English and 简体中文) into book/html/"
