/**
 * Our engine as the book uses it: one-hot token input (a gather, no one-hot product), float32
 * storage, the linear head and mean cross-entropy over all T·B positions, full BPTT, plain SGD.
 * `unrolled` runs its matrix products on the WebAssembly SIMD kernel, `unrolled-ts` on the pure
 * TypeScript backend. W1 and W2 use separate models so that neither reallocates its buffers.
 */
import type { Backend } from '../../src/engine/backend.ts';
import { tsBackend } from '../../src/engine/backend.ts';
import { createWasmBackend } from '../../src/engine/kernels/index.ts';
import { createLanguageModel, type LanguageModel, lmLoss, lmLossAndGrads } from '../../src/engine/lm.ts';
import { createSgd, type Optimizer } from '../../src/engine/optim.ts';
import { createRng } from '../../src/engine/random.ts';
import type { TokenInput } from '../../src/engine/tensor.ts';
import type { BenchImpl, Cell, ImplName } from './types.ts';
import { benchTokens } from './types.ts';

const MODE = { rnn: 'RNN_TANH', gru: 'GRU', lstm: 'LSTM' } as const;

export function createUnrolledImpl(kind: 'wasm' | 'ts'): BenchImpl {
  const name: ImplName = kind === 'wasm' ? 'unrolled' : 'unrolled-ts';
  let backend: (Backend & { reset?(): void }) | null = null;
  let m1: LanguageModel;
  let m2: LanguageModel;
  let opt: Optimizer;
  let in1: TokenInput;
  let in2: TokenInput;
  let y1: Int32Array;
  let y2: Int32Array;
  return {
    name,
    async setup(cell: Cell, cfg) {
      if (kind === 'wasm') {
        const be = createWasmBackend({ memoryBytes: 128 * 1024 * 1024 });
        if (!be) throw new Error('WebAssembly SIMD is not available');
        backend = be;
      } else {
        backend = tsBackend;
      }
      const rng = createRng(cfg.seed);
      const lm = {
        mode: MODE[cell],
        vocabSize: cfg.vocab,
        hiddenSize: cfg.hidden,
        dtype: 'float32',
      } as const;
      m1 = createLanguageModel(lm, rng, backend);
      m2 = createLanguageModel(lm, rng, backend);
      opt = createSgd({ lr: cfg.lr });
      const d1 = benchTokens(cfg, cfg.B);
      const d2 = benchTokens(cfg, 1);
      in1 = { shape: [cfg.T, cfg.B], tokens: d1.X };
      in2 = { shape: [cfg.T, 1], tokens: d2.X };
      y1 = d1.Y;
      y2 = d2.Y;
    },
    trainStep() {
      const r = lmLossAndGrads(m1, in1, y1);
      opt.step(r.params, r.grads);
    },
    forward() {
      lmLoss(m2, in2, y2);
    },
    dispose() {
      backend?.reset?.();
    },
  };
}
