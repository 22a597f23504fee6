// glue.js - the JavaScript side of the WebAssembly build of the teaching
// library (wasm/wasm.mk): loads the module and wraps the calls the live
// figures make, copying arrays in and out of the module's memory.  The
// same file runs in the page, in the training worker and in node (the
// exactness test, tests/wasm/exact.js).
'use strict';
var NndlWasm = (function () {
  // base64 text -> bytes (atob exists in pages, workers and node 16+).
  function fromBase64(text) {
    var s = atob(text.trim()), bytes = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
    return bytes;
  }

  // Wraps an instance: every helper reads memory.buffer afresh, since the
  // module's memory may grow (and old views then go stale) on any call.
  function wrap(instance, hooks) {
    var x = instance.exports;
    if (x._initialize) x._initialize();
    function heap(Type, ptr, n) { return new Type(x.memory.buffer, ptr, n); }
    function put(Type, values) {            // a malloc'ed copy of values
      var p = x.malloc(Math.max(1, values.length) * Type.BYTES_PER_ELEMENT);
      if (!p) throw new Error('nndl: out of memory in the wasm module');
      heap(Type, p, values.length).set(values);
      return p;
    }
    var api;
    api = {
      exports: x,
      heap: heap,
      put: put,
      step: function (z) { return x.step(z); },
      sigmoid: function (z) { return x.sigmoid(z); },
      sigmoidf: function (z) { return x.sigmoidf(z); },
      // A perceptron (eq. 1.2) or sigmoid neuron (eq. 1.4) on arrays w, x.
      neuron: function (kind, w, xs, b) {
        var pw = put(Float64Array, w), px = put(Float64Array, xs);
        var out = kind === 'perceptron' ? x.perceptron(pw, px, b, w.length)
          : x.sigmoid_neuron(pw, px, b, w.length);
        x.free(pw); x.free(px);
        return out;
      },
      nand: function (a, b) { return x.perceptron_nand(a, b); },
      adder: function (a, b) {
        var p = x.malloc(8);
        x.perceptron_adder(a, b, p, p + 4);
        var r = heap(Int32Array, p, 2), out = { sum: r[0], carry: r[1] };
        x.free(p);
        return out;
      },
      // Gradient descent (or SGD with batch m) on the valley of 1.5: rows
      // [v1, v2, C] from the start, steps + 1 at most.
      valley: function (o) {
        var p = x.malloc(24 * (o.steps + 1)), k;
        if (o.batch)
          k = x.valley_sgd(p, o.a, o.b, o.v1, o.v2, o.eta, o.steps, o.batch,
            o.spread, o.seed >>> 0);
        else
          k = x.valley_descent(p, o.a, o.b, o.v1, o.v2, o.eta, o.steps);
        var flat = heap(Float64Array, p, 3 * (k + 1)), rows = [];
        for (var i = 0; i <= k; i++) rows.push([flat[3 * i], flat[3 * i + 1], flat[3 * i + 2]]);
        x.free(p);
        return rows;
      },
      // digit_to_mnist: a w x h ink image (0 background .. 1 ink) as MNIST's
      // 784 pixels, or null for a blank image.
      digit: function (ink, w, h) {
        var pin = put(Float32Array, ink), pout = x.malloc(784 * 4), err = x.malloc(512);
        var status = x.digit_to_mnist(pout, pin, w, h, err);
        var out = status === 0 ? heap(Float32Array, pout, 784).slice() : null;
        x.free(pin); x.free(pout); x.free(err);
        return out;
      },
      // A network saved by network_save (lib/network_io.c's format: "NNDL",
      // version 1, L, sizes, parameters, CRC-32), read into the module.
      loadNetwork: function (bytes) {
        var v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        var magic = String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]);
        var L = v.getUint32(8, true), sizes = [], n = 0;
        for (var l = 0; l < L; l++) sizes.push(v.getUint32(12 + 4 * l, true));
        for (l = 0; l + 1 < L; l++) n += sizes[l + 1] * (sizes[l] + 1);
        if (magic !== 'NNDL' || v.getUint32(4, true) !== 1 || bytes.length !== 12 + 4 * L + 4 * n + 4)
          throw new Error('nndl: the embedded network is not a version-1 NNDL file');
        var t = api.trainer(sizes, 0);
        var params = new Float32Array(n);
        for (var i = 0; i < n; i++) params[i] = v.getFloat32(12 + 4 * L + 4 * i, true);
        t.setParams(params);
        return t;
      },
      // A network of the given sizes from a seed (network_create).
      trainer: function (sizes, seed) {
        var ps = put(Int32Array, sizes);
        var t = x.trainer_create(ps, sizes.length, seed >>> 0);
        x.free(ps);
        if (!t) throw new Error('nndl: bad sizes ' + sizes);
        var net = x.trainer_network(t);
        return {
          sizes: sizes.slice(),
          // Pixels (n x 784 bytes) and labels (n bytes) of set 0 (training)
          // or 1 (test), copied into the module.
          setData: function (which, pixels, labels) {
            var n = labels.length, p = x.trainer_data(t, which, n);
            if (!p) throw new Error('nndl: out of memory for the data');
            heap(Uint8Array, p, n * 784).set(pixels.subarray(0, n * 784));
            heap(Uint8Array, p + n * 784, n).set(labels);
          },
          sgd: function (epochs, batch, eta) { return x.trainer_sgd(t, epochs, batch, eta); },
          evaluate: function () { return x.trainer_evaluate(t); },
          // Forward pass: every layer's z and a (copies), from the input xs.
          feedforward: function (xs) {
            var px = put(Float32Array, xs), layers = [];
            x.network_feedforward(net, px);
            x.free(px);
            for (var l = 1; l < sizes.length; l++)
              layers.push({
                z: Array.from(heap(Float32Array, x.network_layer_z(net, l - 1), sizes[l])),
                a: Array.from(heap(Float32Array, x.network_layer_a(net, l), sizes[l]))
              });
            return layers;
          },
          weights: function (l) {
            return Array.from(heap(Float32Array, x.network_layer_w(net, l), sizes[l + 1] * sizes[l]));
          },
          biases: function (l) {
            return Array.from(heap(Float32Array, x.network_layer_b(net, l), sizes[l + 1]));
          },
          params: function () {
            var n = 0;
            for (var l = 0; l + 1 < sizes.length; l++) n += sizes[l + 1] * (sizes[l] + 1);
            return heap(Float32Array, x.network_params(net), n).slice();
          },
          setParams: function (p) { heap(Float32Array, x.network_params(net), p.length).set(p); },
          free: function () { x.trainer_free(t); }
        };
      }
    };
    if (hooks) hooks.api = api;
    return api;
  }

  // load(bytes or WebAssembly.Module, onEpoch) -> Promise of the api.
  // onEpoch(epoch, correct, total) is called by trainer_sgd after each
  // epoch; a true return stops training.
  function load(source, onEpoch) {
    // vsnprintf (the library's error messages, nndl_fail) links wasi-libc's
    // stdio, which names three file calls; nothing in the module writes to a
    // file, so they are never called, and would throw if they were.
    function noFiles(name) { return function () { throw new Error('nndl: the wasm module called ' + name); }; }
    var imports = {
      nndl: { epoch_done: function (e, c, n) { return onEpoch && onEpoch(e, c, n) ? 1 : 0; } },
      wasi_snapshot_preview1: { fd_write: noFiles('fd_write'), fd_seek: noFiles('fd_seek'), fd_close: noFiles('fd_close') }
    };
    var p = source instanceof WebAssembly.Module
      ? WebAssembly.instantiate(source, imports)
      : WebAssembly.instantiate(source, imports).then(function (r) { return r.instance; });
    return p.then(function (instance) { return wrap(instance); });
  }

  // gzip bytes -> bytes, with the platform's DecompressionStream.
  function gunzip(bytes) {
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Response(stream).arrayBuffer().then(function (b) { return new Uint8Array(b); });
  }

  // The subset of bundle.sh: {train: {pixels, labels}, test: {...}}.
  function splitSubset(bytes, nTrain, nTest) {
    var o = 0;
    function take(n) { var s = bytes.subarray(o, o + n); o += n; return s; }
    var train = { pixels: take(nTrain * 784), labels: take(nTrain) };
    var test = { pixels: take(nTest * 784), labels: take(nTest) };
    if (o !== bytes.length) throw new Error('nndl: the MNIST subset has the wrong length');
    return { train: train, test: test };
  }

  return { load: load, fromBase64: fromBase64, gunzip: gunzip, splitSubset: splitSubset };
})();
if (typeof module !== 'undefined') module.exports = NndlWasm;
