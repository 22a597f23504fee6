# Section 1.5: stochastic against full gradient descent on a small
# least-squares problem, for the same number of examples looked at.
load "plots/style.gnuplot"
f = results."/sgd-vs-gd.tsv"
set title "SGD (mini-batches of 10) against full gradient descent, eta 0.5"
set xlabel "epochs (passes over the 1000 training examples)"
set ylabel "cost C over all examples"
set logscale y
set xrange [0:*]
set key right top
plot f using "epoch":"gd_cost" with linespoints lt 2 title "full gradient descent: 1 step per epoch", \
     f using "epoch":"sgd_cost" with linespoints lt 1 title "SGD: 100 steps per epoch"
