/**
 * TensorFlow.js 4.x, built as a user would: a tf.layers recurrent layer (returnSequences) and a
 * timeDistributed dense softmax, categorical cross-entropy, SGD, trainOnBatch. Initializers are
 * glorotUniform (the default orthogonal recurrent initializer takes ~20 s to build on cpu and
 * trains at the same speed).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { type BenchConfig, type BenchImpl, benchTokens, type Cell, type ImplName } from './types.ts';

let wasmReady: Promise<void> | null = null;

function initWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const dist = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
    setWasmPaths(`${join(dist, 'dist')}/`);
    await tf.ready();
  })();
  return wasmReady;
}

export function createTfjsImpl(backend: 'cpu' | 'wasm'): BenchImpl {
  const name: ImplName = backend === 'cpu' ? 'tfjs-cpu' : 'tfjs-wasm';
  let m1: tf.LayersModel | null = null;
  let m2: tf.LayersModel | null = null;
  let x1: tf.Tensor | null = null;
  let y1: tf.Tensor | null = null;
  let x2: tf.Tensor | null = null;

  const build = (cell: Cell, cfg: BenchConfig, B: number) => {
    const opts: Parameters<typeof tf.layers.lstm>[0] = {
      units: cfg.hidden,
      returnSequences: true,
      inputShape: [cfg.T, cfg.vocab],
      kernelInitializer: 'glorotUniform',
      recurrentInitializer: 'glorotUniform',
    };
    const rnn =
      cell === 'lstm'
        ? tf.layers.lstm(opts)
        : cell === 'gru'
          ? tf.layers.gru(opts)
          : tf.layers.simpleRNN(opts);
    const model = tf.sequential();
    model.add(rnn);
    model.add(
      tf.layers.timeDistributed({ layer: tf.layers.dense({ units: cfg.vocab, activation: 'softmax' }) }),
    );
    model.compile({ optimizer: tf.train.sgd(cfg.lr), loss: 'categoricalCrossentropy' });
    // batch-major one-hot data from the same token ids as ours
    const { X, Y } = benchTokens(cfg, B);
    const bm = (ids: Int32Array) => {
      const out = new Int32Array(ids.length);
      for (let t = 0; t < cfg.T; t++) for (let b = 0; b < B; b++) out[b * cfg.T + t] = ids[t * B + b];
      return tf.oneHot(tf.tensor2d(out, [B, cfg.T], 'int32'), cfg.vocab).toFloat();
    };
    return { model, x: bm(X), y: bm(Y) };
  };

  return {
    name,
    async setup(cell, cfg) {
      if (backend === 'wasm') await initWasm();
      await tf.setBackend(backend);
      await tf.ready();
      const w1 = build(cell, cfg, cfg.B);
      m1 = w1.model;
      x1 = w1.x;
      y1 = w1.y;
      const w2 = build(cell, cfg, 1);
      m2 = w2.model;
      x2 = w2.x;
      w2.y.dispose();
    },
    async activate() {
      if (tf.getBackend() !== backend) await tf.setBackend(backend);
    },
    async trainStep() {
      // trainOnBatch reads the loss back (await loss.data()), so the step is complete when it resolves
      await m1!.trainOnBatch(x1!, y1!);
    },
    forward() {
      const y = m2!.predict(x2!) as tf.Tensor;
      y.dataSync();
      y.dispose();
    },
    dispose() {
      m1?.dispose();
      m2?.dispose();
      for (const t of [x1, y1, x2]) t?.dispose();
      m1 = m2 = null;
    },
  };
}
