# Section 1.5: the ball rolling down the valley, in 3-D.
load "plots/style.gnuplot"
grid = results."/valley-long-grid.tsv"
path = results."/valley-long-eta0.15.tsv"
set title tr("Gradient descent: the ball rolls down C(v1, v2) = (v1^2 + 5 v2^2) / 2", "梯度下降：小球沿 C(v1, v2) = (v1^2 + 5 v2^2) / 2 滚下")
set xlabel "v1"
set ylabel "v2"
set zlabel tr("cost C", "代价 C") rotate by 90
set view 38, 25
set xyplane at 0
set pm3d at s
set palette defined (0 "#f7fbff", 1 "#c6dbef", 2 "#6baed6", 3 "#2171b5")
unset colorbox
set key at screen 0.95, screen 0.92
splot grid using "v1":"v2":"C" with pm3d notitle, \
      path using "v1":"v2":(column("C") + 0.05) with linespoints lt 2 lw 3 \
        title tr("path of the ball, eta = 0.15 (30 steps)", "小球的路径，eta = 0.15（30 步）"), \
      path every ::0::0 using "v1":"v2":(column("C") + 0.05) with points \
        lt 7 pt 7 ps 2 title tr("start (-2, 1.5)", "起点 (-2, 1.5)")
