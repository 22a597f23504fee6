# Section 1.6: why [784, 100, 10] at eta 3.0 gets stuck on seed 1, and how
# it gets out.  bin/1.6-mnist-sgd --diagnose wrote, after every epoch, each
# output neuron's mean sigma'(z) over the test images: BP1 multiplies the
# neuron's error by it, so it is how much the neuron can learn (at most
# sigma'(0) = 0.25).  A dead neuron (its mean sigma' below 1e-4 in some
# epoch, drawn in colour) is off on nearly every image, its digit is never
# predicted, and the accuracy stays low until it revives.
load "plots/style.gnuplot"
r = results
diag = r."/diagnose-784-100-10-seed1.tsv"
run = r."/sgd-784-100-10-eta3-seed1.tsv"
# Rows (after the header) are epoch-major, 10 per epoch: neuron j is every
# 10th row from row j; column 1 is the epoch, 6 the mean sigma'.
dead = ""
grey = -1
colour = ""
palette = "#D55E00 #0072B2 #009E73 #CC79A7 #E69F00 #56B4E9 #000000 #D55E00 #0072B2 #009E73"
do for [j=0:9] {
    stats diag skip 1 every 10::j using 6 nooutput
    if (STATS_min < 1e-4) {
        dead = dead." ".j
        colour = colour.word(palette, words(dead))." "
    } else {
        colour = colour."#c0c0c0 "
        if (grey < 0) { grey = j }
    }
}
isdead(j) = strstrt(dead." ", " ".j." ") > 0
set multiplot layout 2, 1 title tr("[784, 100, 10], eta 3.0, seed 1: a dead output neuron and its revival", \
                                   "[784, 100, 10]，eta 3.0，种子 1：一个死掉的输出神经元和它的复活")
set lmargin 12
set xrange [0:*]
set key right bottom
set ylabel tr("test accuracy (%)", "测试准确率（%）")
set format x ""
plot run using "epoch":(100 * column("accuracy")) with linespoints lt 7 title tr("test accuracy", "测试准确率")
set format x "%g"
set xlabel tr("epoch", "轮")
set ylabel tr("mean sigma'(z) of each output", "每个输出的 sigma'(z) 均值")
set logscale y
set yrange [1e-6:0.5]
set format y "10^{%T}"
set termoption enhanced
set key at graph 0.5, graph 0.52 right top opaque box
set arrow from graph 0, first 0.00665 to graph 1, first 0.00665 nohead dt 2 lc rgb "#888888"
set label tr("sigma'(5): |z| = 5", "sigma'(5)：|z| = 5") at graph 0.35, first 0.014 tc rgb "#666666" noenhanced
set arrow from graph 0, first 0.25 to graph 1, first 0.25 nohead dt 3 lc rgb "#888888"
set label tr("sigma'(0) = 0.25, the most", "sigma'(0) = 0.25，最大值") at graph 0.35, first 0.34 tc rgb "#666666" noenhanced
plot for [j=0:9] diag skip 1 every 10::j using 1:6 with lines \
       lw (isdead(j) ? 3 : 1.5) lc rgb word(colour, j + 1) \
       title (isdead(j) ? sprintf(tr("output %d (digit %d)", "输出 %d（数字 %d）"), j, j) : \
              j == grey ? tr("the other outputs", "其他输出") : "")
unset multiplot
