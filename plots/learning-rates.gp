# Section 1.6: test accuracy per epoch for the chapter's learning rates.
load "plots/style.gnuplot"
r = results
set title tr("Test accuracy per epoch for the chapter's learning rates (seed 1)", "本章各学习率下每轮的测试准确率（种子 1）")
set xlabel tr("epoch", "轮")
set ylabel tr("test accuracy (%)", "测试准确率（%）")
set yrange [0:100]
set xrange [0:*]
set key right center
acc = "(100 * column('accuracy'))"
plot r."/sgd-784-30-10-eta3-seed1.tsv" using "epoch":@acc with linespoints lt 1 title tr("[784, 30, 10], eta = 3.0", "[784, 30, 10]，eta = 3.0"), \
     r."/sgd-784-100-10-eta0.001-seed1.tsv" using "epoch":@acc with linespoints lt 3 title tr("[784, 100, 10], eta = 0.001: too small, learns slowly", "[784, 100, 10]，eta = 0.001：太小，学得慢"), \
     r."/sgd-784-30-10-eta100-seed1.tsv" using "epoch":@acc with linespoints lt 2 title tr("[784, 30, 10], eta = 100: too large", "[784, 30, 10]，eta = 100：太大")
