# Section 1.5: gradient descent paths for several learning rates eta, on a
# round and on a long valley, seen from above (contour lines of C).
load "plots/style.gnuplot"

# Contour lines of each valley, computed once into data blocks.
set contour base
set cntrparam levels discrete 0.1, 0.5, 1, 2, 4, 8, 16
unset surface
set table $round
splot results."/valley-round-grid.tsv" using 1:2:3 with lines
set table $long
splot results."/valley-long-grid.tsv" using 1:2:3 with lines
unset table
unset contour

set multiplot layout 1, 2 title tr("Gradient descent from (-2, 1.5) for several learning rates eta", "从 (-2, 1.5) 出发、不同学习率 eta 下的梯度下降") font ",15"
set size ratio -1
set xrange [-2.5:2.5]
set yrange [-2.5:2.5]
set xlabel "v1"
set ylabel "v2"
set key below box
set datafile separator whitespace
contours = "with lines lc rgb '#bbbbbb' lw 1 notitle"

set title tr("round valley: C = (v1^2 + v2^2) / 2", "圆形山谷：C = (v1^2 + v2^2) / 2") font ",13"
plot $round @contours, \
     results."/valley-round-eta0.02.tsv" using 2:3 with linespoints lt 3 lw 2 title tr("eta 0.02: too small", "eta 0.02：太小"), \
     results."/valley-round-eta0.3.tsv" using 2:3 with linespoints lt 1 lw 2 title tr("eta 0.3: good", "eta 0.3：合适"), \
     results."/valley-round-eta2.1.tsv" using 2:3 with linespoints lt 2 lw 2 title tr("eta 2.1: too large", "eta 2.1：太大")

set title tr("long valley: C = (v1^2 + 5 v2^2) / 2", "狭长山谷：C = (v1^2 + 5 v2^2) / 2") font ",13"
plot $long @contours, \
     results."/valley-long-eta0.02.tsv" using 2:3 with linespoints lt 3 lw 2 title tr("eta 0.02: too small", "eta 0.02：太小"), \
     results."/valley-long-eta0.15.tsv" using 2:3 with linespoints lt 1 lw 2 title tr("eta 0.15: good", "eta 0.15：合适"), \
     results."/valley-long-eta0.35.tsv" using 2:3 with linespoints lt 4 lw 2 title tr("eta 0.35: zigzags", "eta 0.35：来回振荡"), \
     results."/valley-long-eta0.42.tsv" using 2:3 with linespoints lt 2 lw 2 title tr("eta 0.42: too large", "eta 0.42：太大")
unset multiplot
