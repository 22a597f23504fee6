# Section 1.6: final and best test accuracy of [784, 30, 10] against the
# learning rate eta (30 epochs each, seed 1).
load "plots/style.gnuplot"
f = results."/sweep.tsv"
set title "Learning-rate sweep: [784, 30, 10], 30 epochs, seed 1"
set xlabel "learning rate eta (log scale)"
set ylabel "test accuracy (%)"
set logscale x
set yrange [0:100]
set key left center
plot f using "eta":(100 * column("best")) with linespoints lt 1 title "best epoch", \
     f using "eta":(100 * column("final")) with linespoints lt 2 dt 2 title "after the last epoch"
