# Section 1.6: no hidden layer, 30 and 100 hidden neurons at eta 3.0.
load "plots/style.gnuplot"
r = results
set title tr("Test accuracy per epoch: how many hidden neurons? (eta 3.0, seed 1)", "每轮的测试准确率：隐藏神经元要多少个？（eta 3.0，种子 1）")
set xlabel tr("epoch", "轮")
set ylabel tr("test accuracy (%)", "测试准确率（%）")
set xrange [0:*]
set key right bottom
acc = "(100 * column('accuracy'))"
plot r."/sgd-784-30-10-eta3-seed1.tsv" using "epoch":@acc with linespoints lt 1 title tr("[784, 30, 10]: 30 hidden neurons", "[784, 30, 10]：30 个隐藏神经元"), \
     r."/sgd-784-100-10-eta3-seed1.tsv" using "epoch":@acc with linespoints lt 2 title tr("[784, 100, 10]: 100 hidden neurons", "[784, 100, 10]：100 个隐藏神经元"), \
     r."/sgd-784-10-eta3-seed1.tsv" using "epoch":@acc with linespoints lt 3 title tr("[784, 10]: no hidden layer", "[784, 10]：没有隐藏层")
