# The languages of the section programs: GNU gettext, text domain `nndl`.
#
#   po/nndl.pot        every marked message of chapters/*.c (xgettext;
#                      `make pot` refreshes it and merges it into the .po)
#   po/zh_CN.po        the Simplified Chinese catalog (edited by hand)
#   share/locale/zh_CN/LC_MESSAGES/nndl.mo
#                      the compiled catalog, found by chapters/lang.c at
#                      bin/../share/locale, so from any working directory
#
# Messages are marked _("...") (N_("...") in static tables); see lang.h.
XGETTEXT ?= xgettext
MSGFMT ?= msgfmt
MSGMERGE ?= msgmerge
PO_LANGS := zh_CN
# share/locale beside the programs' folder, where chapters/lang.c looks
# (build/asan/share/locale for `make sanitize`'s build/asan/bin).
LOCALE_DIR := $(patsubst ./%,%,$(dir $(BIN))share/locale)
PO_SRCS = $(sort $(wildcard chapters/*.c chapters/*.h))
# How messages are marked (lang.h); tests/lang/check-po.sh uses the same.
XGETTEXT_FLAGS := --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ \
  --keyword=ngettext:1,2 --add-comments=TRANSLATORS: --force-po
LOCALE_MOS := $(PO_LANGS:%=$(LOCALE_DIR)/%/LC_MESSAGES/nndl.mo)

$(LOCALE_DIR)/%/LC_MESSAGES/nndl.mo: po/%.po
	@mkdir -p $(@D)
	$(MSGFMT) --check --output-file=$@.tmp $< && mv $@.tmp $@

# The environment that makes a program speak English or Chinese whatever
# the builder's own LANG is (for captured output and tests).
LANG_ENV_en := LC_ALL=C LANGUAGE=
LANG_ENV_zh := LC_ALL=C.UTF-8 LANGUAGE=zh_CN
# The book's Chinese captures (book/book.mk) are redone when a catalog changes.
$(BOOK_CAPTURED_zh): $(LOCALE_MOS)

.PHONY: locales pot clean-locales
locales: $(LOCALE_MOS)
programs: locales
HELP += "make pot          refresh po/nndl.pot from the marked messages and merge it into po/*.po"

pot:
	$(XGETTEXT) $(XGETTEXT_FLAGS) --sort-by-file --package-name=nndl-c \
	  --msgid-bugs-address=nndl-c --output=po/nndl.pot $(PO_SRCS)
	@for l in $(PO_LANGS); do $(MSGMERGE) --quiet --update --backup=none po/$$l.po po/nndl.pot; done

clean-locales:
	rm -rf $(dir $(LOCALE_DIR))
clean: clean-locales
