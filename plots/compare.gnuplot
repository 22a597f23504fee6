# make compare's figure (chapters/compare.mk): test accuracy per epoch for
# each value of the varied setting (the median over the seeds, with the
# min-max band), and the final accuracy against the value.  Not a plots/*.gp
# figure: make compare runs it with
#   epochs  TSV of value epoch median min max, one block per value
#   final   TSV of value final_median final_min final_max best_median seeds
#   dim     eta, hidden, batch or sizes; values: its values; nvalues
#   fixed   the settings that stay; logx: 1 for a log-scale value axis;
#   nepochs the number of epochs; lang: en or zh (CMP_LANG)
# On the dumb terminal it draws the median lines only, for a text screen.
load "plots/style.gnuplot"
dumb = (GPVAL_TERM eq "dumb")
dimname = (lang eq "zh" && dim eq "hidden") ? "隐藏神经元" : (lang eq "zh" && dim eq "batch") ? "小批量" : dim
label(i) = (dim eq "sizes") ? "[".word(values, i)."]" : dimname." ".word(values, i)
what = (dim eq "eta") ? tr("learning rate eta", "学习率 eta") : \
       (dim eq "hidden") ? tr("hidden neurons", "隐藏神经元数") : \
       (dim eq "batch") ? tr("mini-batch size", "小批量大小") : tr("layer sizes", "各层大小")
set xlabel tr("epoch", "轮")
if (nepochs <= 12) { set xtics 1 }
set ylabel tr("test accuracy (%)", "测试准确率（%）")
set key right bottom
if (dumb) {
    set title tr("median test accuracy over the seeds, by ".what, "各种子测试准确率的中位数，按".what)
    set key left top noopaque nobox
    plot for [i=1:nvalues] epochs index (i - 1) using 2:3 with lines title label(i)
    exit
}
set multiplot layout 1, 2 title tr("Test accuracy with ".what." varied (".fixed.")", \
                                   "改变 ".what." 时的测试准确率（".fixed."）")
set title tr("per epoch: median over seeds, band from min to max", "每轮：各种子的中位数，色带从最小到最大")
plot for [i=1:nvalues] epochs index (i - 1) using 2:4:5 with filledcurves \
       fs transparent solid 0.18 noborder lt i notitle, \
     for [i=1:nvalues] epochs index (i - 1) using 2:3 with linespoints lt i title label(i)
set title tr("after the last epoch", "最后一轮之后")
set xlabel what
set ylabel tr("final test accuracy (%)", "最终测试准确率（%）")
set key right bottom
if (dim eq "sizes") {
    set xrange [-0.5:nvalues - 0.5]
    set offsets 0, 0, 1, 1
    plot final skip 1 using 0:2:3:4:xticlabels("[".strcol(1)."]") with yerrorlines lt 1 \
         title tr("median, min-max over seeds", "各种子的中位数与最小-最大值")
} else {
    if (logx) { set logscale x }
    set offsets graph 0.05, graph 0.05, 1, 1
    plot final skip 1 using 1:2:3:4 with yerrorlines lt 1 title tr("median, min-max over seeds", "各种子的中位数与最小-最大值")
}
unset multiplot
