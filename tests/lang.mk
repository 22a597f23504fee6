# The Chinese path (chapters/lang.c, po/zh_CN.po, plots in zh, the zh book):
#   test-po          every marked message has a translation (0 untranslated, 0 fuzzy)
#   test-lang        each program (and bin/classify, 1.6 --load/--diagnose)
#                    in Chinese: same numbers, same order as in
#                    English; every way of asking for Chinese works
#   test-zh-figures  the zh book embeds the Chinese figures, with Chinese text
.PHONY: test-po test-lang test-zh-figures
test-po:
	XGETTEXT_FLAGS='$(XGETTEXT_FLAGS)' tests/lang/check-po.sh po/zh_CN.po $(PO_SRCS)

test-lang: $(CHAPTER_BINS) $(BIN)/classify $(BUILD)/tests/png_fixture $(LOCALE_MOS) | data
	tests/lang/check-lang.sh $(BIN) $(BUILD)/tests/png_fixture

test-zh-figures: $(BOOK_HTML_ZH) $(BOOK_HTML_EN)
	tests/lang/check-zh-figures.sh $(BOOK_HTML_ZH) $(BOOK_PLOTS_zh) $(BOOK_PLOTS_en)

CHECK_TARGETS += test-po test-lang test-zh-figures
HELP += "make test-lang    check the programs in Chinese against English (part of make check)"

# What is compared with English text, or shown in the English book, runs in
# English whatever the builder's own LANG or LANGUAGE says (the Chinese
# output is checked above and captured by book/book.mk).
LANG_ENGLISH_TARGETS := test-section-programs test-bad-inputs test-fuzz-corpus \
  test-sgd-program test-classify test-load-diagnose test-compare $(EXP_RUNS)
$(LANG_ENGLISH_TARGETS): export LC_ALL := C.UTF-8
$(LANG_ENGLISH_TARGETS): export LANGUAGE :=
