# Section 1.6: final and best test accuracy of [784, 30, 10] against the
# learning rate eta (30 epochs each, seed 1).
load "plots/style.gnuplot"
f = results."/sweep.tsv"
set title tr("Learning-rate sweep: [784, 30, 10], 30 epochs, seed 1", "学习率扫描：[784, 30, 10]，30 轮，种子 1")
set xlabel tr("learning rate eta (log scale)", "学习率 eta（对数坐标）")
set ylabel tr("test accuracy (%)", "测试准确率（%）")
set logscale x
set yrange [0:100]
set key left center
plot f using "eta":(100 * column("best")) with linespoints lt 1 title tr("best epoch", "最佳一轮"), \
     f using "eta":(100 * column("final")) with linespoints lt 2 dt 2 title tr("after the last epoch", "最后一轮之后")
