# Figures: plots/NAME.gp draws plots/out/NAME.svg and plots/out/NAME.png
# (English) and plots/out/zh/NAME.svg and .png (简体中文) from data files in
# results/ only, so restyling a figure never retrains.
# Each script is run once per terminal and language; it reads the folder
# of the data from the gnuplot variable `results`, the language from `lang`
# ("en" or "zh"), and never sets the terminal itself.  Every text is
# written once in each language as tr("English", "中文") (plots/style.gnuplot).

PLOT_OUT := plots/out
PLOT_LANGS := en zh
PLOT_DIR_en := $(PLOT_OUT)
PLOT_DIR_zh := $(PLOT_OUT)/zh
PLOT_NAMES := $(sort $(basename $(notdir $(wildcard plots/*.gp))))
PLOT_FILES := $(foreach l,$(PLOT_LANGS),$(foreach n,$(PLOT_NAMES),\
  $(PLOT_DIR_$(l))/$(n).svg $(PLOT_DIR_$(l))/$(n).png))
GNUPLOT ?= gnuplot
# The PNG is drawn by cairo, which falls back through fontconfig to a CJK
# font (fonts-droid-fallback) for Chinese.  The SVG names font families
# for the reader's browser: DejaVu Sans for Latin, then CJK fonts found on
# Linux, macOS and Windows, then the generic sans-serif.
PLOT_FONT := Sans
PLOT_FONT_SVG := DejaVu Sans,Noto Sans CJK SC,Droid Sans Fallback,PingFang SC,Microsoft YaHei,sans-serif

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

# $(call plot_rule,name,lang): both pictures of one figure in one language.
define plot_rule
$(PLOT_DIR_$(2))/$(1).svg: plots/$(1).gp plots/style.gnuplot $(PLOT_DATA_$(1))
	@mkdir -p $$(@D)
	$(GNUPLOT) -e "results='$(RESULTS)'; lang='$(2)'; set terminal svg size 800,520 dynamic font '$(PLOT_FONT_SVG),13' background rgb 'white'; set output '$$@.tmp'" plots/$(1).gp
	@mv $$@.tmp $$@
$(PLOT_DIR_$(2))/$(1).png: plots/$(1).gp plots/style.gnuplot $(PLOT_DATA_$(1))
	@mkdir -p $$(@D)
	$(GNUPLOT) -e "results='$(RESULTS)'; lang='$(2)'; set terminal pngcairo size 1000,650 font '$(PLOT_FONT),12' background rgb 'white'; set output '$$@.tmp'" plots/$(1).gp
	@mv $$@.tmp $$@
endef
$(foreach l,$(PLOT_LANGS),$(foreach n,$(PLOT_NAMES),$(eval $(call plot_rule,$(n),$(l)))))

.PHONY: plots
plots: $(PLOT_FILES)
ALL_TARGETS += plots
HELP += "make plots        draw the figures into plots/out/ (SVG and PNG; Chinese ones in plots/out/zh/) from results/"

# plots/out/ is a build output (git-ignored): `make clean` removes it too.
.PHONY: clean-plots
clean-plots:
	rm -rf $(PLOT_OUT)
clean: clean-plots
