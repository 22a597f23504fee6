# Section 1.6: no hidden layer, 30 and 100 hidden neurons at eta 3.0.
load "plots/style.gnuplot"
r = results
set title "Test accuracy per epoch: how many hidden neurons? (eta 3.0, seed 1)"
set xlabel "epoch"
set ylabel "test accuracy (%)"
set xrange [0:*]
set key right bottom
acc = "(100 * column('accuracy'))"
plot r."/sgd-784-30-10-eta3-seed1.tsv" using "epoch":@acc with linespoints lt 1 title "[784, 30, 10]: 30 hidden neurons", \
     r."/sgd-784-100-10-eta3-seed1.tsv" using "epoch":@acc with linespoints lt 2 title "[784, 100, 10]: 100 hidden neurons", \
     r."/sgd-784-10-eta3-seed1.tsv" using "epoch":@acc with linespoints lt 3 title "[784, 10]: no hidden layer"
