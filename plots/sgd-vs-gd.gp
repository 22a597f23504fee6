# Section 1.5: stochastic against full gradient descent on a small
# least-squares problem, for the same number of examples looked at.
load "plots/style.gnuplot"
f = results."/sgd-vs-gd.tsv"
set title tr("SGD (mini-batches of 10) against full gradient descent, eta 0.5", "随机梯度下降（小批量大小 10）与完整梯度下降对比，eta 0.5")
set xlabel tr("epochs (passes over the 1000 training examples)", "轮（遍历 1000 个训练样本的次数）")
set ylabel tr("cost C over all examples", "全部样本上的代价 C")
set logscale y
set xrange [0:*]
set key right top
plot f using "epoch":"gd_cost" with linespoints lt 2 title tr("full gradient descent: 1 step per epoch", "完整梯度下降：每轮 1 步"), \
     f using "epoch":"sgd_cost" with linespoints lt 1 title tr("SGD: 100 steps per epoch", "随机梯度下降：每轮 100 步")
