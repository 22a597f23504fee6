# make compare's figure (chapters/compare.mk): test accuracy per epoch for
# each value of the varied setting (the median over the seeds, with the
# min-max band), and the final accuracy against the value.  Not a plots/*.gp
# figure: make compare runs it with
#   epochs  TSV of value epoch median min max, one block per value
#   final   TSV of value final_median final_min final_max best_median seeds
#   dim     eta, hidden, batch or sizes; values: its values; nvalues
#   fixed   the settings that stay; logx: 1 for a log-scale value axis;
#   nepochs the number of epochs
# On the dumb terminal it draws the median lines only, for a text screen.
load "plots/style.gnuplot"
dumb = (GPVAL_TERM eq "dumb")
label(i) = (dim eq "sizes") ? "[".word(values, i)."]" : dim." ".word(values, i)
what = (dim eq "eta") ? "learning rate eta" : (dim eq "hidden") ? "hidden neurons" : \
       (dim eq "batch") ? "mini-batch size" : "layer sizes"
set xlabel "epoch"
if (nepochs <= 12) { set xtics 1 }
set ylabel "test accuracy (%)"
set key right bottom
if (dumb) {
    set title "median test accuracy over the seeds, by ".what
    set key left top noopaque nobox
    plot for [i=1:nvalues] epochs index (i - 1) using 2:3 with lines title label(i)
    exit
}
set multiplot layout 1, 2 title "Test accuracy with ".what." varied (".fixed.")"
set title "per epoch: median over seeds, band from min to max"
plot for [i=1:nvalues] epochs index (i - 1) using 2:4:5 with filledcurves \
       fs transparent solid 0.18 noborder lt i notitle, \
     for [i=1:nvalues] epochs index (i - 1) using 2:3 with linespoints lt i title label(i)
set title "after the last epoch"
set xlabel what
set ylabel "final test accuracy (%)"
set key right bottom
if (dim eq "sizes") {
    set xrange [-0.5:nvalues - 0.5]
    set offsets 0, 0, 1, 1
    plot final skip 1 using 0:2:3:4:xticlabels("[".strcol(1)."]") with yerrorlines lt 1 \
         title "median, min-max over seeds"
} else {
    if (logx) { set logscale x }
    set offsets graph 0.05, graph 0.05, 1, 1
    plot final skip 1 using 1:2:3:4 with yerrorlines lt 1 title "median, min-max over seeds"
}
unset multiplot
