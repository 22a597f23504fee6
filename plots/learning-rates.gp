# Section 1.6: test accuracy per epoch for the chapter's learning rates.
load "plots/style.gnuplot"
r = results
set title "Test accuracy per epoch for the chapter's learning rates (seed 1)"
set xlabel "epoch"
set ylabel "test accuracy (%)"
set yrange [0:100]
set xrange [0:*]
set key right center
acc = "(100 * column('accuracy'))"
plot r."/sgd-784-30-10-eta3-seed1.tsv" using "epoch":@acc with linespoints lt 1 title "[784, 30, 10], eta = 3.0", \
     r."/sgd-784-100-10-eta0.001-seed1.tsv" using "epoch":@acc with linespoints lt 3 title "[784, 100, 10], eta = 0.001: too small, learns slowly", \
     r."/sgd-784-30-10-eta100-seed1.tsv" using "epoch":@acc with linespoints lt 2 title "[784, 30, 10], eta = 100: too large"
