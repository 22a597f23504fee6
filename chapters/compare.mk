# make compare: the learner's own comparison of bin/1.6-mnist-sgd runs.
#
#   make -j2 compare ETA="0.5 2 8" SIZES=784,60,10 SEEDS="1 2 3" EPOCHS=10
#   make -j2 compare HIDDEN="10 30 100"          (sizes 784,H,10)
#   make -j2 compare BATCH="1 10 100"
#   make -j2 compare SIZES="784,30,10 784,30,30,10"
#
# One of ETA, HIDDEN, BATCH, SIZES takes two or more values; the others one
# (defaults: ETA=3 BATCH=10 SIZES=784,30,10 SEEDS="1 2 3" EPOCHS=10; TRAIN=N
# and TEST=N train and test on the first N images only).  Every (value,
# seed) is one run, its own target: `make -j` runs them side by side, each
# printing its epochs as they come, and a run whose log exists is never
# made again (the log's name holds every setting).  The result:
#   results/compare/sgd-<settings>-seed<s>.tsv   each run's log
#   results/compare/compare-<dim>-<values>.txt  the table the terminal shows
#   plots/out/compare-<dim>-<values>.svg, .png  accuracy per epoch (median
#       over the seeds, min-max band) and the final accuracy per value
# Bad values stop make with one line before any run starts.
# (COMPARE_DIR and COMPARE_PLOTS move the results, for tests.)
# The figures, the table and the lines make prints are in Chinese when the
# environment asks for it the way the programs understand (chapters/lang.h:
# LANGUAGE=zh_CN, LANG=zh_CN.UTF-8...), or with CMP_LANG=zh.

ETA ?= 3
BATCH ?= 10
SIZES ?= 784,30,10
HIDDEN ?=
SEEDS ?= 1 2 3
EPOCHS ?= 10
TRAIN ?=
TEST ?=
COMPARE_DIR ?= results/compare
COMPARE_PLOTS ?= plots/out
# As gettext decides: the first of LC_ALL, LC_MESSAGES, LANG names the
# locale; "C" or "POSIX" means English whatever LANGUAGE says, otherwise
# LANGUAGE's first language, else the locale's own.
cmp_locale := $(firstword $(LC_ALL) $(LC_MESSAGES) $(LANG))
# (Expanded once: the runs below see an English environment.)
ifndef CMP_LANG
CMP_LANG := $(if $(filter C POSIX,$(cmp_locale)),en,$(if $(filter zh%,$(firstword \
  $(subst :, ,$(or $(LANGUAGE),$(cmp_locale))))),zh,en))
endif
# $(call cmp_tr,English,中文): the text in CMP_LANG.
cmp_tr = $(if $(filter zh,$(CMP_LANG)),$(2),$(1))

ifneq ($(filter compare,$(MAKECMDGOALS)),)
cmp_comma := ,
cmp_space := $() $()
# Characters a value may hold; anything else stops make before the shell
# sees it (a quote would break the check's command line).
cmp_rm = $(if $(2),$(call cmp_rm,$(subst $(firstword $(2)),,$(1)),$(wordlist 2,99,$(2))),$(1))
CMP_CHARS := 0 1 2 3 4 5 6 7 8 9 . e E + - $(cmp_comma)
$(foreach v,ETA HIDDEN BATCH SIZES SEEDS EPOCHS TRAIN TEST,$(if $(strip $(call cmp_rm,$($(v)),$(CMP_CHARS))),\
  $(error make compare: $(v): '$($(v))' is not a list of numbers (expected numbers separated by spaces))))
CMP_ERR := $(shell chapters/compare.sh check '$(ETA)' '$(HIDDEN)' '$(BATCH)' '$(SIZES)' '$(SEEDS)' \
  '$(EPOCHS)' '$(TRAIN)' '$(TEST)' $(if $(filter command line environment,$(origin SIZES)),1,0))
$(if $(CMP_ERR),$(error $(CMP_ERR)))

# The varied dimension and its values; the sizes of each run.
CMP_DIM := $(if $(word 2,$(ETA)),eta,$(if $(word 2,$(HIDDEN)),hidden,$(if $(word 2,$(BATCH)),batch,sizes)))
CMP_VALUES := $(strip $(if $(filter eta,$(CMP_DIM)),$(ETA),$(if $(filter hidden,$(CMP_DIM)),$(HIDDEN),\
  $(if $(filter batch,$(CMP_DIM)),$(BATCH),$(SIZES)))))
CMP_NAME := compare-$(CMP_DIM)-$(subst $(cmp_comma),_,$(subst $(cmp_space),-,$(CMP_VALUES)))
CMP_DIM_zh := $(if $(filter hidden,$(CMP_DIM)),隐藏神经元,$(if $(filter batch,$(CMP_DIM)),小批量,$(CMP_DIM)))
CMP_SUBSET := $(if $(TRAIN),-train$(TRAIN))$(if $(TEST),-test$(TEST))
CMP_FLAGS_SUBSET := $(if $(TRAIN),--train $(TRAIN)) $(if $(TEST),--test $(TEST))
# $(call cmp_setting,value,what): the sizes, eta or batch of a run.
cmp_setting = $(if $(filter $(2),$(CMP_DIM)),$(1),$(if $(filter sizes,$(2)),$(SIZES),$(if $(filter eta,$(2)),$(ETA),$(BATCH))))
cmp_sizes = $(if $(filter hidden,$(CMP_DIM)),784$(cmp_comma)$(1)$(cmp_comma)10,$(if $(HIDDEN),784$(cmp_comma)$(HIDDEN)$(cmp_comma)10,$(call cmp_setting,$(1),sizes)))

# $(call cmp_run,value,seed): one run of bin/1.6-mnist-sgd.
define cmp_run
CMP_LOG := $(COMPARE_DIR)/sgd-$(subst $(cmp_comma),-,$(call cmp_sizes,$(1)))-eta$(call cmp_setting,$(1),eta)-batch$(call cmp_setting,$(1),batch)-epochs$(EPOCHS)$(CMP_SUBSET)-seed$(2).tsv
CMP_LOGS += $$(CMP_LOG)
CMP_PAIRS += $(1)=$$(CMP_LOG)
$$(CMP_LOG): CMP_LABEL := $(call cmp_tr,$(CMP_DIM),$(CMP_DIM_$(CMP_LANG))) $(1)$(call cmp_tr,$(cmp_comma) seed,，种子) $(2)
$$(CMP_LOG): CMP_CMD := $(BIN)/1.6-mnist-sgd --sizes $(call cmp_sizes,$(1)) --eta $(call cmp_setting,$(1),eta) \
  --batch $(call cmp_setting,$(1),batch) --epochs $(EPOCHS) --seed $(2) $(CMP_FLAGS_SUBSET)
endef
CMP_LOGS :=
CMP_PAIRS :=
$(foreach v,$(CMP_VALUES),$(foreach s,$(SEEDS),$(eval $(call cmp_run,$(v),$(s)))))

# Each run prints its epochs as they come, labelled (runs side by side
# interleave their lines); its log is renamed into place when it is done.
# The runs speak English (their lines are read); the label is in CMP_LANG.
$(CMP_LOGS): export LC_ALL := C.UTF-8
$(CMP_LOGS): export LANGUAGE :=
$(CMP_LOGS): $(BIN)/1.6-mnist-sgd | data/mnist/.verified
	@mkdir -p $(@D) && rm -f $@.tmp
	@echo "compare: [$(CMP_LABEL)] $(CMP_CMD)"
	@set -o pipefail; $(CMP_CMD) --log $@.tmp 2>$@.err | \
	  sed -un 's/^Epoch \([0-9]*\): \(.*\)/  [$(CMP_LABEL)] $(call cmp_tr,epoch \1: \2,第 \1 轮：\2)/p' || \
	  { echo "$(call cmp_tr,failed,失败): $(CMP_CMD): $$(head -1 $@.err)"; rm -f $@.tmp $@.err; exit 1; }
	@rm -f $@.err && mv $@.tmp $@

# The settings of the comparison, rewritten only when they change (so the
# summary and figures of one name always match their settings).
CMP_SETTINGS := $(CMP_DIM)=$(CMP_VALUES) sizes=$(SIZES) hidden=$(HIDDEN) eta=$(ETA) batch=$(BATCH) \
  seeds=$(SEEDS) epochs=$(EPOCHS) train=$(TRAIN) test=$(TEST) lang=$(CMP_LANG)
$(COMPARE_DIR)/.$(CMP_NAME).cmd: FORCE
	@mkdir -p $(@D)
	@echo '$(CMP_SETTINGS)' | cmp -s - $@ || echo '$(CMP_SETTINGS)' >$@

CMP_OUT := $(COMPARE_DIR)/$(CMP_NAME)
$(CMP_OUT).txt $(CMP_OUT)-epochs.tsv $(CMP_OUT)-final.tsv &: $(CMP_LOGS) $(COMPARE_DIR)/.$(CMP_NAME).cmd chapters/compare.sh
	@CMP_LANG=$(CMP_LANG) chapters/compare.sh summary $(CMP_DIM) $(CMP_OUT) $(CMP_PAIRS)

# The figure: what varies, what stays.
CMP_FIXED := $(subst $(cmp_space)$(cmp_comma),$(cmp_comma),$(strip $(if $(filter sizes hidden,$(CMP_DIM)),,[$(subst \
  $(cmp_comma),$(cmp_comma) ,$(call cmp_sizes,))]$(cmp_comma)) $(if $(filter eta,$(CMP_DIM)),,eta $(ETA)$(cmp_comma)) $(if \
  $(filter batch,$(CMP_DIM)),,$(call cmp_tr,mini-batch,小批量) $(BATCH)$(cmp_comma)) $(call cmp_tr,seeds,种子) $(SEEDS)$(if \
  $(TRAIN),$(cmp_comma) $(call cmp_tr,train on,训练图像) $(TRAIN))$(if $(TEST),$(cmp_comma) $(call cmp_tr,test on,测试图像) $(TEST))))
CMP_GNUPLOT = $(GNUPLOT) -e "epochs='$(CMP_OUT)-epochs.tsv'; final='$(CMP_OUT)-final.tsv'; dim='$(CMP_DIM)'; \
  lang='$(CMP_LANG)'; fixed='$(strip $(CMP_FIXED))'; values='$(CMP_VALUES)'; nvalues=$(words $(CMP_VALUES)); logx=$(if $(filter eta batch,$(CMP_DIM)),1,0); nepochs=$(EPOCHS)"
$(COMPARE_PLOTS)/$(CMP_NAME).svg: $(CMP_OUT)-epochs.tsv $(CMP_OUT)-final.tsv plots/compare.gnuplot plots/style.gnuplot
	@mkdir -p $(@D)
	@$(CMP_GNUPLOT) -e "set terminal svg size 1000,480 dynamic font '$(PLOT_FONT),13' background rgb 'white'; set output '$@.tmp'" plots/compare.gnuplot
	@mv $@.tmp $@
$(COMPARE_PLOTS)/$(CMP_NAME).png: $(CMP_OUT)-epochs.tsv $(CMP_OUT)-final.tsv plots/compare.gnuplot plots/style.gnuplot
	@mkdir -p $(@D)
	@$(CMP_GNUPLOT) -e "set terminal pngcairo size 1200,560 font '$(PLOT_FONT),12' background rgb 'white'; set output '$@.tmp'" plots/compare.gnuplot
	@mv $@.tmp $@
$(CMP_OUT).dumb: $(CMP_OUT)-epochs.tsv $(CMP_OUT)-final.tsv plots/compare.gnuplot
	@$(CMP_GNUPLOT) -e "set terminal dumb size 79,24; set output '$@.tmp'" plots/compare.gnuplot
	@mv $@.tmp $@

.PHONY: compare
compare: $(CMP_OUT).txt $(CMP_OUT).dumb $(COMPARE_PLOTS)/$(CMP_NAME).svg $(COMPARE_PLOTS)/$(CMP_NAME).png
	@echo
	@echo "$(call cmp_tr,Test accuracy over seeds $(SEEDS) after $(EPOCHS) epochs ($(strip $(CMP_FIXED))):,种子 $(SEEDS) 在 $(EPOCHS) 轮之后的测试准确率（$(strip $(CMP_FIXED))）：)"
	@cat $(CMP_OUT).txt
	@cat $(CMP_OUT).dumb
	@echo "$(call cmp_tr,figures: $(COMPARE_PLOTS)/$(CMP_NAME).svg and .png,图：$(COMPARE_PLOTS)/$(CMP_NAME).svg 和 .png)"
endif

HELP += "make compare ETA=\"0.5 2 8\" [SIZES=784,60,10 SEEDS=\"1 2 3\" EPOCHS=10]  your own comparison (or HIDDEN=, BATCH=, SIZES=)"
