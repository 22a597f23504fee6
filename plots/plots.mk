# Figures: plots/NAME.gp draws plots/out/NAME.svg and plots/out/NAME.png
# from data files in results/ only, so restyling a figure never retrains.
# Each script is run once per terminal; it reads the folder of the data
# from the gnuplot variable `results` and never sets the terminal itself.

PLOT_OUT := plots/out
PLOT_NAMES := $(sort $(basename $(notdir $(wildcard plots/*.gp))))
PLOT_FILES := $(foreach n,$(PLOT_NAMES),$(PLOT_OUT)/$(n).svg $(PLOT_OUT)/$(n).png)
GNUPLOT ?= gnuplot
PLOT_FONT := Sans

# The data each figure is drawn from.
PLOT_DATA_sigmoid := $(RESULTS)/sigmoid.tsv
PLOT_DATA_valley-3d := $(RESULTS)/valley-long-grid.tsv $(RESULTS)/valley-long-eta0.15.tsv
PLOT_DATA_valley-contours := $(filter $(RESULTS)/valley-%,$(EXP_SECTION_DATA))
PLOT_DATA_sgd-vs-gd := $(RESULTS)/sgd-vs-gd.tsv
PLOT_DATA_learning-rates := $(RESULTS)/sgd-784-30-10-eta3-seed1.tsv \
  $(RESULTS)/sgd-784-100-10-eta0.001-seed1.tsv $(RESULTS)/sgd-784-30-10-eta100-seed1.tsv
PLOT_DATA_hidden-neurons := $(RESULTS)/sgd-784-10-eta3-seed1.tsv \
  $(RESULTS)/sgd-784-30-10-eta3-seed1.tsv $(RESULTS)/sgd-784-100-10-eta3-seed1.tsv
PLOT_DATA_eta-sweep := $(RESULTS)/sweep.tsv
PLOT_DATA_seeds := $(RESULTS)/seeds.tsv \
  $(foreach h,30 100,$(EXP_SEEDS:%=$(RESULTS)/sgd-784-$(h)-10-eta3-seed%.tsv))
PLOT_DATA_deep := $(RESULTS)/sgd-784-30-10-eta3-seed1.tsv $(EXP_DEEP_LOGS) \
  $(RESULTS)/baselines.tsv
PLOT_DATA_digits := $(RESULTS)/digits-grid.tsv $(RESULTS)/digits-labels.tsv

# $(call plot_rule,name): both pictures of one figure.
define plot_rule
$(PLOT_OUT)/$(1).svg: plots/$(1).gp plots/style.gnuplot $(PLOT_DATA_$(1))
	@mkdir -p $$(@D)
	$(GNUPLOT) -e "results='$(RESULTS)'; set terminal svg size 800,520 dynamic font '$(PLOT_FONT),13' background rgb 'white'; set output '$$@.tmp'" plots/$(1).gp
	@mv $$@.tmp $$@
$(PLOT_OUT)/$(1).png: plots/$(1).gp plots/style.gnuplot $(PLOT_DATA_$(1))
	@mkdir -p $$(@D)
	$(GNUPLOT) -e "results='$(RESULTS)'; set terminal pngcairo size 1000,650 font '$(PLOT_FONT),12' background rgb 'white'; set output '$$@.tmp'" plots/$(1).gp
	@mv $$@.tmp $$@
endef
$(foreach n,$(PLOT_NAMES),$(eval $(call plot_rule,$(n))))

.PHONY: plots
plots: $(PLOT_FILES)
ALL_TARGETS += plots
HELP += "make plots        draw the figures into plots/out/ (SVG and PNG) from results/"

# plots/out/ is a build output (git-ignored): `make clean` removes it too.
.PHONY: clean-plots
clean-plots:
	rm -rf $(PLOT_OUT)
clean: clean-plots
