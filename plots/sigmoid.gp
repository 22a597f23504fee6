# Section 1.2: the sigmoid against the perceptron's step function.
load "plots/style.gnuplot"
f = results."/sigmoid.tsv"
set title "The sigmoid is a smoothed-out step"
set xlabel "weighted input z = w.x + b"
set ylabel "neuron output"
set yrange [-0.05:1.05]
set key left top
plot f using "z":"step" with lines lt 2 title "step(z): perceptron", \
     f using "z":"sigmoid" with lines lt 1 title "sigmoid(z) = 1/(1+exp(-z))", \
     f using "z":"sigmoid_prime" with lines lt 3 dt 2 title "slope sigmoid'(z)"
