# Section 1.7: deeper networks against [784, 30, 10] and the baselines.
load "plots/style.gnuplot"
r = results
set title tr("Deeper networks against the shallow one (eta 3.0, seed 1)", "更深的网络与浅层网络对比（eta 3.0，种子 1）")
set xlabel tr("epoch", "轮")
set ylabel tr("test accuracy (%)", "测试准确率（%）")
set yrange [0:100]
set xrange [0:*]
set key right center
acc = "(100 * column('accuracy'))"
# The two baselines as horizontal lines, read from baselines.tsv.
stats r."/baselines.tsv" using (100 * column("accuracy")) nooutput
random = STATS_min
darkness = STATS_max
plot r."/sgd-784-30-10-eta3-seed1.tsv" using "epoch":@acc with linespoints lt 1 title "[784, 30, 10]", \
     r."/deep-784-30-30-10.tsv" using "epoch":@acc with linespoints lt 2 title "[784, 30, 30, 10]", \
     r."/deep-784-30-30-30-10.tsv" using "epoch":@acc with linespoints lt 3 title "[784, 30, 30, 30, 10]", \
     darkness with lines lt 4 dt 2 title sprintf(tr("average darkness baseline (%.2f%%)", "平均灰度基准（%.2f%%）"), darkness), \
     random with lines lt 7 dt 3 title sprintf(tr("random guessing (%.2f%%)", "随机猜测（%.2f%%）"), random)
