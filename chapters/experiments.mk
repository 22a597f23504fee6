# The chapter's experiments, with fixed seeds, as per-epoch logs in results/.
#
# Every run is its own target, so `make -j` runs them side by side, and a
# run is redone only when its program or its command line changes: the
# command is kept in results/.cmd/<run> and that file is rewritten only when
# the command differs.  Outputs are written under a temporary name and
# renamed into place, so an interrupted run leaves no file that looks done.
#
#   results/sgd-<sizes>-eta<eta>-seed<seed>.tsv   bin/1.6-mnist-sgd --log
#   results/sgd-<...>.out                         its stdout
#   results/network.nndl                          the headline run's network
#                                                 (--save), for bin/classify
#   results/diagnose-784-100-10-seed1.tsv         that run's --diagnose
#   results/deep-<sizes>.tsv, baselines.tsv       bin/1.7-deep
#   results/sweep.tsv, seeds.tsv                  summaries of the logs
#   results/sigmoid.tsv, valley-*.tsv, sgd-vs-gd.tsv, digits-*.tsv
#                                                 data of sections 1.2-1.5
#   results/1.N-<name>.out                        what sections 1.1-1.5 print
#   results/speed.tsv, speed.out                  bench/bench (see below)

RESULTS := results
EXP_EPOCHS := 30
EXP_BATCH := 10
comma := ,

# The learning-rate sweep on [784, 30, 10]; it includes the chapter's eta
# 3.0 (the headline run) and 100.0.
EXP_SWEEP_ETAS := 0.01 0.1 0.5 1 3 10 30 100
# Seeds for the spread of [784, 100, 10] (and, for contrast, [784, 30, 10]).
EXP_SEEDS := 1 2 3 4 5
# Deeper networks of section 1.7 (the shallow one is the headline run).
EXP_DEEP := 784-30-30-10 784-30-30-30-10

# $(call exp_sgd,sizes-with-dashes,eta,seed): one run of bin/1.6-mnist-sgd.
define exp_sgd
EXP_SGD_LOGS += $(RESULTS)/sgd-$(1)-eta$(2)-seed$(3).tsv
$(RESULTS)/sgd-$(1)-eta$(2)-seed$(3).tsv $(RESULTS)/.cmd/sgd-$(1)-eta$(2)-seed$(3): \
  EXP_CMD := $(BIN)/1.6-mnist-sgd --sizes $(subst -,$(comma),$(1)) --eta $(2) --seed $(3) --epochs $(EXP_EPOCHS) --batch $(EXP_BATCH)
endef

$(foreach eta,$(EXP_SWEEP_ETAS),$(eval $(call exp_sgd,784-30-10,$(eta),1)))
$(foreach s,$(filter-out 1,$(EXP_SEEDS)),$(eval $(call exp_sgd,784-30-10,3,$(s))))
$(foreach s,$(EXP_SEEDS),$(eval $(call exp_sgd,784-100-10,3,$(s))))
$(eval $(call exp_sgd,784-100-10,0.001,1))
$(eval $(call exp_sgd,784-10,3,1))

# $(call exp_extra,run,flag,file): the run also writes file (given with
# flag, which writes it whole or not at all).  The file is touched so that
# it is newer than the run's log; if it alone was removed, the run is made
# again.
define exp_extra
$(RESULTS)/$(1).tsv $(RESULTS)/.cmd/$(1): EXP_CMD += $(2) $(3)
EXP_EXTRA += $(3)
$(3): $(RESULTS)/$(1).tsv
	@test -f $$@ || { rm -f $$<; $$(MAKE) --no-print-directory $$<; }
	@test -f $$@ && touch $$@ || { echo "failed: $(1) wrote no $$@"; exit 1; }
endef

# The headline run saves its network, for bin/classify and the book's
# draw-a-digit figure; seed 1 of [784, 100, 10], stuck at first, is
# diagnosed (--diagnose) for the figure of its dead output neuron.
EXP_HEADLINE := sgd-784-30-10-eta3-seed1
EXP_NETWORK := $(RESULTS)/network.nndl
EXP_STUCK := sgd-784-100-10-eta3-seed1
EXP_DIAGNOSIS := $(RESULTS)/diagnose-784-100-10-seed1.tsv
$(eval $(call exp_extra,$(EXP_HEADLINE),--save,$(EXP_NETWORK)))
$(eval $(call exp_extra,$(EXP_STUCK),--diagnose,$(EXP_DIAGNOSIS)))
PLOT_DATA_diagnosis := $(EXP_DIAGNOSIS) $(RESULTS)/$(EXP_STUCK).tsv

# The command a run was made with; rewritten only when it changes.
$(RESULTS)/.cmd/%: FORCE
	@mkdir -p $(@D)
	@echo '$(EXP_CMD)' | cmp -s - $@ || echo '$(EXP_CMD)' >$@

.PHONY: FORCE
FORCE:

$(RESULTS)/sgd-%.tsv: $(RESULTS)/.cmd/sgd-% $(BIN)/1.6-mnist-sgd | data/mnist/.verified
	@echo "experiment: $(EXP_CMD)"
	@rm -f $@.tmp $(@:.tsv=.out).tmp
	@$(EXP_CMD) --log $@.tmp >$(@:.tsv=.out).tmp 2>/dev/null || \
	  { rm -f $@.tmp $(@:.tsv=.out).tmp; echo "failed: $(EXP_CMD)"; exit 1; }
	@mv $(@:.tsv=.out).tmp $(@:.tsv=.out) && mv $@.tmp $@
	@echo "  $(@F): $$(grep "^Best:" $(@:.tsv=.out))"

# Section 1.7: the deeper networks and the baselines.  bin/1.7-deep writes
# into a private folder, from which the one wanted file is moved.
EXP_DEEP_LOGS := $(EXP_DEEP:%=$(RESULTS)/deep-%.tsv)
$(foreach d,$(EXP_DEEP),$(eval $(RESULTS)/deep-$(d).tsv $(RESULTS)/.cmd/deep-$(d): \
  EXP_CMD := $(BIN)/1.7-deep --sizes $(subst -,$(comma),$(d)) --seed 1 --epochs $(EXP_EPOCHS) --batch $(EXP_BATCH) --eta 3))
$(RESULTS)/baselines.tsv $(RESULTS)/.cmd/baselines: EXP_CMD := $(BIN)/1.7-deep --baselines-only --seed 1

$(RESULTS)/deep-%.tsv: $(RESULTS)/.cmd/deep-% $(BIN)/1.7-deep | data/mnist/.verified
	@echo "experiment: $(EXP_CMD)"
	@rm -rf $@.dir && mkdir -p $@.dir
	@$(EXP_CMD) --out-dir $@.dir >$@.dir/stdout 2>/dev/null || \
	  { rm -rf $@.dir; echo "failed: $(EXP_CMD)"; exit 1; }
	@mv $@.dir/stdout $(@:.tsv=.out) && mv $@.dir/$(@F) $@ && rm -rf $@.dir
	@echo "  $(@F): $$(grep -F '[$(subst -,$(comma),$*)]' $(@:.tsv=.out) | tail -1)"

$(RESULTS)/baselines.tsv: $(RESULTS)/.cmd/baselines $(BIN)/1.7-deep | data/mnist/.verified
	@rm -rf $@.dir && mkdir -p $@.dir
	$(EXP_CMD) --out-dir $@.dir >$@.dir/stdout
	@mv $@.dir/stdout $(RESULTS)/baselines.out && mv $@.dir/baselines.tsv $@ && rm -rf $@.dir

# Summaries drawn as figures: final and best accuracy per eta, per seed.
# awk reads one log: the last line is the final epoch; best is the max.
EXP_SUMMARY := awk -F'\t' 'NR > 1 { last = $$4; if ($$4 > best) best = $$4 } \
  END { print label "\t" last "\t" best }'

$(RESULTS)/sweep.tsv: $(EXP_SWEEP_ETAS:%=$(RESULTS)/sgd-784-30-10-eta%-seed1.tsv)
	@{ printf 'eta\tfinal\tbest\n'; \
	  for eta in $(EXP_SWEEP_ETAS); do \
	    $(EXP_SUMMARY) label="$$eta" $(RESULTS)/sgd-784-30-10-eta$$eta-seed1.tsv; \
	  done; } >$@.tmp && mv $@.tmp $@

$(RESULTS)/seeds.tsv: $(foreach h,30 100,$(EXP_SEEDS:%=$(RESULTS)/sgd-784-$(h)-10-eta3-seed%.tsv))
	@{ printf 'hidden\tseed\tfinal\tbest\n'; \
	  for h in 30 100; do for s in $(EXP_SEEDS); do \
	    $(EXP_SUMMARY) label="$$h\t$$s" $(RESULTS)/sgd-784-$$h-10-eta3-seed$$s.tsv; \
	  done; done; } >$@.tmp && mv $@.tmp $@

# Data the section programs write for the figures.  Each program writes
# into a private folder whose files are then moved into results/.
# $(call exp_section,program,files): a grouped rule for all its files.
# The program's stdout is kept as results/<program>.out for the book.
define exp_section
EXP_SECTION_DATA += $(2:%=$(RESULTS)/%) $(RESULTS)/$(1).out
$(2:%=$(RESULTS)/%) $(RESULTS)/$(1).out &: $(BIN)/$(1) | $(if $(filter 1.4%,$(1)),data/mnist/.verified)
	@rm -rf $(RESULTS)/.tmp-$(1) && mkdir -p $(RESULTS)/.tmp-$(1)
	$(BIN)/$(1) --out-dir $(RESULTS)/.tmp-$(1) >$(RESULTS)/.tmp-$(1)/$(1).out
	@cd $(RESULTS)/.tmp-$(1) && mv $(2) $(1).out ..
	@rm -rf $(RESULTS)/.tmp-$(1)
endef

EXP_VALLEY := $(foreach e,0.02 0.3 2.1,valley-round-eta$(e).tsv) \
  $(foreach e,0.02 0.15 0.35 0.42,valley-long-eta$(e).tsv) \
  valley-round-grid.tsv valley-long-grid.tsv sgd-vs-gd.tsv
$(eval $(call exp_section,1.2-sigmoid-neurons,sigmoid.tsv))
$(eval $(call exp_section,1.4-digit-network,digits-grid.tsv digits-labels.tsv))
$(eval $(call exp_section,1.5-gradient-descent,$(EXP_VALLEY)))

# Sections 1.1 and 1.3 write no data, only their narration.
EXP_SECTION_DATA += $(RESULTS)/1.1-perceptrons.out $(RESULTS)/1.3-architecture.out
$(RESULTS)/1.1-perceptrons.out $(RESULTS)/1.3-architecture.out: $(RESULTS)/%.out: $(BIN)/%
	@mkdir -p $(@D)
	$< >$@.tmp && mv $@.tmp $@

EXP_RUNS := $(EXP_SGD_LOGS) $(EXP_EXTRA) $(EXP_DEEP_LOGS) $(RESULTS)/baselines.tsv \
  $(RESULTS)/sweep.tsv $(RESULTS)/seeds.tsv $(EXP_SECTION_DATA)

# How fast the textbook and the fast path train on the machine that builds
# the book (its appendix): `make bench`'s program, 3 runs, as
#   results/speed.tsv   network path s_epoch vs_textbook vs_fast1 eval_s
#                       gflops_dense gflops_real sgemm_peak dense_of_peak
#                       real_of_peak (the last three n/a without OpenBLAS)
#   results/speed.out   the table it prints
# It waits for every other run and figure, so that nothing else make starts
# shares the CPU with it, and is redone when the library or bench changes.
EXP_SPEED := $(RESULTS)/speed.tsv
$(EXP_SPEED): $(BUILD)/bench/bench | data/mnist/.verified experiment-runs plots
	@echo "speed: $(BUILD)/bench/bench --runs 3 (about 15 s, alone)"
	@rm -f $@.tmp $(@:.tsv=.out).tmp
	@$(BUILD)/bench/bench --runs 3 --tsv $@.tmp >$(@:.tsv=.out).tmp || \
	  { rm -f $@.tmp $(@:.tsv=.out).tmp; echo "failed: bench"; exit 1; }
	@mv $(@:.tsv=.out).tmp $(@:.tsv=.out) && mv $@.tmp $@

EXP_ALL := $(EXP_RUNS) $(EXP_SPEED)

.PHONY: experiments experiment-runs section-data
experiment-runs: $(EXP_RUNS)
experiments: $(EXP_ALL)
section-data: $(EXP_SECTION_DATA)
ALL_TARGETS += experiments
HELP += "make experiments  run the chapter's experiments into results/ (fixed seeds; make -j runs them in parallel)"
HELP += "make section-data only the data files of the section programs (fast)"

.PHONY: classify
classify: $(BIN)/classify $(EXP_NETWORK)
