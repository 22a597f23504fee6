// exact.js - the WebAssembly build of the teaching library against the
// native one (make test-wasm): the same C, compiled twice, must give the
// same bits.
//   node tests/wasm/exact.js MODULE REF BIN_DIR MNIST_DIR SCRATCH_DIR
// 1. the C library's expf/exp (and sigmoidf/sigmoid on them): wasi-libc's
//    against glibc's over a spread of inputs, and at the two floats where
//    glibc's FMA build of expf is 1 ulp off;
// 2. feedforward of a seeded [784, 30, 10] on test images: every
//    activation, bit for bit, against build/wasm/ref;
// 3. network_sgd (the textbook path) for a few epochs on a subset against
//    bin/1.6-mnist-sgd --textbook with the same seed: every epoch's test
//    score and, after the last, every weight and bias of the saved network;
// 4. the valley's gradient descent against bin/1.5-gradient-descent's
//    paths (printed there with 6 decimals).
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { execFileSync } = require('child_process');
const NndlWasm = require('../../wasm/glue.js');

const [moduleFile, ref, bin, mnistDir, scratch] = process.argv.slice(2);
if (!scratch) {
  console.error('usage: node exact.js MODULE REF BIN_DIR MNIST_DIR SCRATCH_DIR');
  process.exit(2);
}
fs.mkdirSync(scratch, { recursive: true });
let failures = 0;
function check(ok, what) {
  console.log((ok ? 'ok   ' : 'FAIL ') + what);
  if (!ok) failures++;
}
function run(cmd, args, env) {
  return execFileSync(cmd, args, { maxBuffer: 1 << 28, env: Object.assign({}, process.env, env || {}) });
}
function idx(name, header) {
  let f = path.join(mnistDir, name);
  let bytes = fs.existsSync(f) ? fs.readFileSync(f) : zlib.gunzipSync(fs.readFileSync(f + '.gz'));
  return new Uint8Array(bytes.buffer, bytes.byteOffset + header, bytes.length - header);
}
function sameBits(a, b) {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength)
    .equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

async function main() {
  let epochs = [];
  const api = await NndlWasm.load(fs.readFileSync(moduleFile),
    (e, c, n) => { epochs.push(`Epoch ${e}: ${c} / ${n}`); return false; });
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(fs.readFileSync(moduleFile)));
  // nndl.epoch_done, and the three file calls of wasi-libc's stdio that
  // vsnprintf links (the glue throws if one is ever called); no zlib.
  const allowed = ['nndl.epoch_done', 'wasi_snapshot_preview1.fd_close', 'wasi_snapshot_preview1.fd_seek',
    'wasi_snapshot_preview1.fd_write'];
  const names = imports.map(i => i.module + '.' + i.name);
  check(names.includes('nndl.epoch_done') && names.every(n => allowed.includes(n)),
    'the module imports only nndl.epoch_done and stdio\'s fd_close/fd_seek/fd_write (no zlib, no other WASI): ' + names.join(' '));

  // 1. The C libraries' exponentials.  expf (float, what the network
  // uses) must agree bit for bit.  exp (double, the sigmoid of the 1.2
  // figures) may differ by 1 ulp: on a CPU with FMA glibc picks a build of
  // the same algorithm that fuses multiply-adds, which wasm cannot; with
  // that build switched off (GLIBC_TUNABLES) every bit must agree.
  const stride = 4099, count = api.exports.probe_count(stride);
  const plain = { GLIBC_TUNABLES: 'glibc.cpu.hwcaps=-FMA,-AVX2' };
  function wasmProbe(f, Type) {
    const e = api.exports.malloc(count * Type.BYTES_PER_ELEMENT), s = api.exports.malloc(count * Type.BYTES_PER_ELEMENT);
    api.exports['probe_' + f](e, s, stride);
    const out = new Type(2 * count);
    out.set(api.heap(Type, e, count)); out.set(api.heap(Type, s, count), count);
    api.exports.free(e); api.exports.free(s);
    return out;
  }
  function nativeProbe(f, Type, env) {
    const b = run(ref, [f, String(stride)], env);
    return new Type(b.buffer.slice(b.byteOffset, b.byteOffset + b.length));
  }
  // Most ulps apart, and how many differ (same-sign finite values).
  function ulps(a, b) {
    const ia = new BigInt64Array(a.buffer), ib = new BigInt64Array(b.buffer);
    let most = 0n, differ = 0;
    for (let i = 0; i < ia.length; i++) {
      if (ia[i] === ib[i]) continue;
      differ++;
      const d = ia[i] > ib[i] ? ia[i] - ib[i] : ib[i] - ia[i];
      if (d > most) most = d;
    }
    return { most: Number(most), differ };
  }
  const wf = wasmProbe('expf', Float32Array);
  check(sameBits(wf, nativeProbe('expf', Float32Array)),
    `expf and sigmoidf on ${count} floats (every ${stride}th bit pattern): wasi-libc gives glibc's bits`);
  // Over all 2^32 floats (measured once, 5 minutes: too long for make
  // check) expf differs in exactly two, by 1 ulp, again glibc's FMA build
  // (equal with it off); sigmoidf differs in none.  The two, checked here:
  for (const xb of ['4202422f', 'c27c65d9']) {
    const w = (api.exports.probe_expf_of(parseInt(xb, 16)) >>> 0).toString(16).padStart(8, '0');
    const fma = run(ref, ['expf-of', xb]).toString().trim(), off = run(ref, ['expf-of', xb], plain).toString().trim();
    const ulp = Math.abs(parseInt(w, 16) - parseInt(fma, 16));
    check(w === off && ulp <= 1, `expf at the float with bits ${xb}: wasi-libc ${w}, glibc ${fma} (${ulp} ulp), glibc without FMA ${off}`);
  }
  const wd = wasmProbe('exp', Float64Array);
  const d = ulps(wd, nativeProbe('exp', Float64Array));
  check(d.most <= 1, `exp and sigmoid on ${count} doubles: at most 1 ulp from glibc ` +
    `(${d.differ} of ${2 * count} values differ, by ${d.most} ulp at most)`);
  check(sameBits(wd, nativeProbe('exp', Float64Array, plain)),
    `exp and sigmoid with glibc's FMA build switched off (${plain.GLIBC_TUNABLES}): every bit the same`);

  // 2. Feedforward on test images.
  const testX = idx('t10k-images-idx3-ubyte', 16), testY = idx('t10k-labels-idx1-ubyte', 8);
  const n = 200, sizes = [784, 30, 10], seed = 7;
  const native = new Float32Array(new Uint8Array(run(ref, ['feedforward', sizes.join(','), String(seed), String(n), mnistDir])).buffer);
  const t = api.trainer(sizes, seed), wasm = new Float32Array(n * 40);
  for (let i = 0; i < n; i++) {
    // mnist_x: p * (1.0f / 255.0f) in float arithmetic.
    const x = Float32Array.from(testX.subarray(i * 784, (i + 1) * 784), p => Math.fround(p * Math.fround(1 / 255)));
    const layers = t.feedforward(x);
    wasm.set(layers[0].a, i * 40);
    wasm.set(layers[1].a, i * 40 + 30);
  }
  t.free();
  check(native.length === wasm.length && sameBits(native, wasm),
    `feedforward of [784, 30, 10] (seed ${seed}) on ${n} test images: every activation the same bits`);

  // 3. A few epochs of network_sgd.
  const trainX = idx('train-images-idx3-ubyte', 16), trainY = idx('train-labels-idx1-ubyte', 8);
  const o = { sizes: [784, 20, 10], train: 1000, test: 300, epochs: 3, batch: 10, eta: 3, seed: 5 };
  const saved = path.join(scratch, 'sgd.nndl');
  const out = run(path.join(bin, '1.6-mnist-sgd'), ['--textbook', '--sizes', o.sizes.join(','),
    '--train', String(o.train), '--test', String(o.test), '--epochs', String(o.epochs),
    '--batch', String(o.batch), '--eta', String(o.eta), '--seed', String(o.seed),
    '--data', mnistDir, '--save', saved]).toString();
  const nativeEpochs = out.split('\n').filter(l => /^Epoch \d+:/.test(l));
  const tr = api.trainer(o.sizes, o.seed);
  tr.setData(0, trainX, trainY.subarray(0, o.train));
  tr.setData(1, testX, testY.subarray(0, o.test));
  epochs = [];
  tr.sgd(o.epochs, o.batch, o.eta);
  check(nativeEpochs.length === o.epochs && epochs.join('|') === nativeEpochs.join('|'),
    `network_sgd ${JSON.stringify(o)}: wasm [${epochs.join(', ')}], native [${nativeEpochs.join(', ')}]`);
  const file = fs.readFileSync(saved), L = file.readUInt32LE(8);
  const params = new Float32Array(file.buffer.slice(file.byteOffset + 12 + 4 * L, file.byteOffset + file.length - 4));
  check(sameBits(params, tr.params()), `after ${o.epochs} epochs every one of the ${params.length} weights and biases is the same bits as the native --save`);
  tr.free();

  // 4. The valley.
  const dir = path.join(scratch, '1.5');
  run(path.join(bin, '1.5-gradient-descent'), ['--out-dir', dir]);
  const valleys = { round: [1, 1], long: [1, 5] };
  let paths = 0, same = 0;
  for (const f of fs.readdirSync(dir)) {
    const m = /^valley-(round|long)-eta([0-9.]+)\.tsv$/.exec(f);
    if (!m) continue;
    const rows = fs.readFileSync(path.join(dir, f), 'utf8').trim().split('\n').slice(1).map(l => l.split('\t'));
    const [a, b] = valleys[m[1]];
    const mine = api.valley({ a, b, v1: -2, v2: 1.5, eta: Number(m[2]), steps: 30 });
    paths++;
    same += mine.length === rows.length && mine.every((r, i) =>
      r.every((v, j) => v.toFixed(6) === rows[i][j + 1]));
  }
  check(paths >= 6 && same === paths, `valley paths: ${same} of ${paths} of bin/1.5's paths (6 decimals) reproduced`);

  if (failures) { console.error(`exact.js: ${failures} check(s) failed`); process.exit(1); }
  console.log('exact.js: the wasm build gives the native numbers');
}
main().catch(e => { console.error(e); process.exit(1); });
