# Section 1.5: the ball rolling down the valley, in 3-D.
# Seen along the valley (from the side of negative v1, where the ball
# starts), so that no wall hides the path: gnuplot draws lines over the
# surface whatever their depth, and seen from the side the path seemed to
# run along the near wall.  The surface is cut at C = 10 to keep the walls
# low; the key sits apart from the title.
load "plots/style.gnuplot"
grid = results."/valley-long-grid.tsv"
path = results."/valley-long-eta0.15.tsv"
set title tr("Gradient descent: the ball rolls down C(v1, v2) = (v1^2 + 5 v2^2) / 2", "梯度下降：小球沿 C(v1, v2) = (v1^2 + 5 v2^2) / 2 滚下")
set xlabel "v1"
set ylabel "v2"
set zlabel tr("cost C", "代价 C") rotate by 90
set view 55, 290
set xrange [-2.5:2.5]
set yrange [-2.5:2.5]
set zrange [0:10]
set xyplane at 0
set pm3d at s clip z
set palette defined (0 "#f7fbff", 1 "#c6dbef", 2 "#6baed6", 3 "#2171b5")
unset colorbox
set key at screen 0.03, screen 0.90 left top vertical Left reverse
splot grid using "v1":"v2":"C" with pm3d notitle, \
      path using "v1":"v2":(column("C") + 0.05) with linespoints lt 2 lw 3 \
        title tr("path of the ball, eta = 0.15 (30 steps)", "小球的路径，eta = 0.15（30 步）"), \
      path every ::0::0 using "v1":"v2":(column("C") + 0.05) with points \
        lt 7 pt 7 ps 2 title tr("start (-2, 1.5), end near the bottom (0, 0)", "起点 (-2, 1.5)，终点在谷底 (0, 0) 附近")
