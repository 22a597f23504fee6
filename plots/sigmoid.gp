# Section 1.2: the sigmoid against the perceptron's step function.
load "plots/style.gnuplot"
f = results."/sigmoid.tsv"
set title tr("The sigmoid is a smoothed-out step", "S 型函数是平滑了的阶跃函数")
set xlabel tr("weighted input z = w.x + b", "带权输入 z = w.x + b")
set ylabel tr("neuron output", "神经元的输出")
set yrange [-0.05:1.05]
set key left top
plot f using "z":"step" with lines lt 2 title tr("step(z): perceptron", "step(z)：感知器"), \
     f using "z":"sigmoid" with lines lt 1 title tr("sigmoid(z) = 1/(1+exp(-z))", "sigmoid(z) = 1/(1+exp(-z))"), \
     f using "z":"sigmoid_prime" with lines lt 3 dt 2 title tr("slope sigmoid'(z)", "斜率 sigmoid'(z)")
