// worker.js - trains the network of section 1.6 in the page, off the main
// thread (appended to glue.js by wasm/bundle.sh and started from a Blob).
// One message starts one run: the compiled module, the MNIST subset and
// the settings.  It posts {type: 'epoch', epoch, correct, total} after each
// epoch (network_sgd's callback, as bin/1.6-mnist-sgd --textbook prints
// them), then {type: 'done'}; stopping is the page terminating the worker.
self.onmessage = function (e) {
  var m = e.data;
  NndlWasm.load(m.module, function (epoch, correct, total) {
    self.postMessage({ type: 'epoch', epoch: epoch, correct: correct, total: total });
    return false;
  }).then(function (api) {
    var data = NndlWasm.splitSubset(m.subset, m.nTrain, m.nTest);
    var net = api.trainer(m.sizes, m.seed);
    net.setData(0, data.train.pixels, data.train.labels.subarray(0, m.use));
    net.setData(1, data.test.pixels, data.test.labels);
    net.sgd(m.epochs, m.batch, m.eta);
    net.free();
    self.postMessage({ type: 'done' });
  }).catch(function (err) {
    self.postMessage({ type: 'error', message: String(err && err.message || err) });
  });
};
