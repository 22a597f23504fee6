# Section 1.6: the same runs with five seeds.  [784, 100, 10] at eta 3.0
# often gets stuck when saturated output neurons stop learning.
load "plots/style.gnuplot"
r = results
set title tr("Five seeds each: 30 against 100 hidden neurons (eta 3.0)", "各取五个种子：30 个与 100 个隐藏神经元对比（eta 3.0）")
set xlabel tr("epoch", "轮")
set ylabel tr("test accuracy (%)", "测试准确率（%）")
set xrange [0:*]
set key right bottom
acc = "(100 * column('accuracy'))"
seeds = "1 2 3 4 5"
plot for [i=1:words(seeds)] r."/sgd-784-30-10-eta3-seed".word(seeds, i).".tsv" \
       using "epoch":@acc with lines lt 1 lw 1.5 title (i == 1 ? tr("[784, 30, 10], seeds 1-5", "[784, 30, 10]，种子 1-5") : ""), \
     for [i=1:words(seeds)] r."/sgd-784-100-10-eta3-seed".word(seeds, i).".tsv" \
       using "epoch":@acc with lines lt 2 lw 1.5 title (i == 1 ? tr("[784, 100, 10], seeds 1-5", "[784, 100, 10]，种子 1-5") : ""), \
     r."/seeds.tsv" using ($1 == 100 ? 29.6 : NaN):(100 * column("final")) with points lt 2 pt 7 ps 1.2 \
       title tr("[784, 100, 10]: final accuracy of each seed", "[784, 100, 10]：每个种子的最终准确率")
