# Section 1.4: the first 100 MNIST training images with their labels.
load "plots/style.gnuplot"
set title tr("The first 100 MNIST training images and their labels", "MNIST 训练集的前 100 张图像及其标签")
unset key
unset grid
unset border
unset tics
unset colorbox
set size ratio -1
set palette gray negative
set cbrange [0:255]
set xrange [-0.5:279.5]
set yrange [279.5:-0.5]
set datafile separator "\t"
plot results."/digits-grid.tsv" matrix with image, \
     results."/digits-labels.tsv" using (28 * column("col") + 2):(28 * column("row") + 4):(sprintf("%d", column("label"))) \
       with labels left tc rgb "#D55E00" font ",10"
