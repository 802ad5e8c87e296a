import { describe, expect, it } from 'vitest';
import { type Backend, gemmF64, gemmTs32, tsBackend } from '../../src/engine/backend.ts';
import { backward } from '../../src/engine/bptt.ts';
import { gradCheck } from '../../src/engine/gradcheck.ts';
import { createLanguageModel, lmFromStateDict, lmLossAndGrads, lmToStateDict } from '../../src/engine/lm.ts';
import { createNetwork, forward, fromStateDict, toStateDict } from '../../src/engine/network.ts';
import { clipGradNorm, createAdam, createSgd, globalNorm } from '../../src/engine/optim.ts';
import { createRng } from '../../src/engine/random.ts';
import { tensor } from '../../src/engine/tensor.ts';
import { traceStep } from '../../src/engine/trace.ts';
import { makeNet, randTensor } from './helpers.ts';

describe('random', () => {
  it('is deterministic per seed and in range', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b.next()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(createRng(43).next()).not.toBe(xs[0]);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.05);
    const r = createRng(1);
    const ns = Array.from({ length: 4000 }, () => r.normal());
    const m = ns.reduce((s, x) => s + x, 0) / ns.length;
    const v = ns.reduce((s, x) => s + (x - m) ** 2, 0) / ns.length;
    expect(Math.abs(m)).toBeLessThan(0.06);
    expect(Math.abs(v - 1)).toBeLessThan(0.08);
    expect(
      Array.from({ length: 200 }, () => r.int(7)).every((k) => Number.isInteger(k) && k >= 0 && k < 7),
    ).toBe(true);
  });
});

describe('gemm', () => {
  const naive = (
    tA: boolean,
    tB: boolean,
    M: number,
    N: number,
    K: number,
    al: number,
    A: ArrayLike<number>,
    lda: number,
    B: ArrayLike<number>,
    ldb: number,
    be: number,
    C: number[],
    ldc: number,
  ) => {
    for (let i = 0; i < M; i++)
      for (let j = 0; j < N; j++) {
        let s = 0;
        for (let p = 0; p < K; p++)
          s += (tA ? A[p * lda + i] : A[i * lda + p]) * (tB ? B[j * ldb + p] : B[p * ldb + j]);
        C[i * ldc + j] = al * s + (be === 0 ? 0 : be * C[i * ldc + j]);
      }
  };
  for (const tA of [false, true]) {
    for (const tB of [false, true]) {
      it(`transA=${tA} transB=${tB}, strided views, alpha/beta`, () => {
        const rng = createRng(5);
        const [M, N, K] = [5, 7, 6];
        const lda = (tA ? M : K) + 2;
        const ldb = (tB ? K : N) + 1;
        const ldc = N + 3;
        const A = Float64Array.from({ length: 3 + (tA ? K : M) * lda }, () => rng.uniform(-1, 1));
        const B = Float64Array.from({ length: 2 + (tB ? N : K) * ldb }, () => rng.uniform(-1, 1));
        const C0 = Array.from({ length: 1 + M * ldc }, () => rng.uniform(-1, 1));
        for (const [al, be] of [
          [1, 0],
          [0.5, 1],
          [2, -0.5],
        ]) {
          const want = C0.slice(1);
          naive(tA, tB, M, N, K, al, A.subarray(3), lda, B.subarray(2), ldb, be, want, ldc);
          const C = Float64Array.from(C0);
          gemmF64(tA, tB, M, N, K, al, A.subarray(3), lda, B.subarray(2), ldb, be, C.subarray(1), ldc);
          for (let i = 0; i < M; i++)
            for (let j = 0; j < N; j++) expect(C[1 + i * ldc + j]).toBeCloseTo(want[i * ldc + j], 12);
          const C32 = Float32Array.from(C0);
          gemmTs32(
            tA,
            tB,
            M,
            N,
            K,
            al,
            Float32Array.from(A).subarray(3),
            lda,
            Float32Array.from(B).subarray(2),
            ldb,
            be,
            C32.subarray(1),
            ldc,
          );
          for (let i = 0; i < M; i++)
            for (let j = 0; j < N; j++) expect(C32[1 + i * ldc + j]).toBeCloseTo(want[i * ldc + j], 4);
        }
      });
    }
  }
});

describe('float32 networks and backends', () => {
  it('route matrix products through backend.gemmF32 and storage through allocF32', () => {
    let gemms = 0;
    let allocs = 0;
    const spy: Backend = {
      name: 'spy',
      allocF32: (n) => {
        allocs++;
        return new Float32Array(n);
      },
      gemmF32: (...args) => {
        gemms++;
        tsBackend.gemmF32(...args);
      },
    };
    const rng = createRng(2);
    const net = createNetwork({ mode: 'LSTM', inputSize: 3, hiddenSize: 4, dtype: 'float32' }, rng, spy);
    const tr = forward(net, randTensor(rng, [4, 2, 3]));
    expect(tr.output.data).toBeInstanceOf(Float32Array);
    backward(net, tr, { gradOutput: randTensor(rng, [4, 2, 4]) });
    expect(allocs).toBeGreaterThan(10);
    expect(gemms).toBe(1 + 4 + 4 + 3);
    // a second run of the same shape allocates nothing
    const before = allocs;
    backward(net, forward(net, randTensor(rng, [4, 2, 3])), { gradOutput: randTensor(rng, [4, 2, 4]) });
    expect(allocs).toBe(before);
  });

  it('float32 agrees with float64 on the same weights', () => {
    const rng = createRng(9);
    const n64 = createNetwork(
      { mode: 'GRU', inputSize: 3, hiddenSize: 5, numLayers: 2, bidirectional: true },
      rng,
    );
    const n32 = createNetwork({
      mode: 'GRU',
      inputSize: 3,
      hiddenSize: 5,
      numLayers: 2,
      bidirectional: true,
      dtype: 'float32',
    });
    fromStateDict(n32, toStateDict(n64));
    const x = randTensor(rng, [6, 2, 3]);
    const a = forward(n64, x).output.data;
    const b = forward(n32, x).output.data;
    for (let i = 0; i < a.length; i++) expect(b[i]).toBeCloseTo(a[i], 5);
  });
});

describe('token input', () => {
  it('equals a one-hot dense input, forward and backward', () => {
    const { net, rng } = makeNet({ mode: 'LSTM', inputSize: 5, hiddenSize: 3, bidirectional: true });
    const ids = [0, 4, 2, 2, 1, 3];
    const oneHot = tensor(
      [3, 2, 5],
      ids.flatMap((t) => [0, 1, 2, 3, 4].map((v) => (v === t ? 1 : 0))),
    );
    const gradOutput = randTensor(rng, [3, 2, 6]);
    const dense = forward(net, oneHot, null, null, { fresh: true });
    const gd = Float64Array.from(backward(net, dense, { gradOutput }).params[0][1].wIh.data);
    const tok = forward(net, { shape: [3, 2], tokens: ids });
    expect(Array.from(tok.output.data)).toEqual(Array.from(dense.output.data));
    const gt = backward(net, tok, { gradOutput });
    expect(gt.input).toBeNull();
    const w = gt.params[0][1].wIh.data;
    for (let i = 0; i < w.length; i++) expect(w[i]).toBeCloseTo(gd[i], 14);
  });
});

describe('traceStep', () => {
  it('names gates and matches the equations', () => {
    const { net, rng } = makeNet({ mode: 'LSTM', inputSize: 2, hiddenSize: 3 });
    const tr = forward(net, randTensor(rng, [4, 2, 2]));
    const s = traceStep(tr, 0, 0, 2);
    expect(Object.keys(s.gates)).toEqual(['i', 'f', 'g', 'o']);
    const prev = traceStep(tr, 0, 0, 1);
    expect(Array.from(s.hPrev.data)).toEqual(Array.from(prev.h.data));
    for (let i = 0; i < 6; i++) {
      const c = s.gates.f.data[i] * s.cPrev!.data[i] + s.gates.i.data[i] * s.gates.g.data[i];
      expect(s.c!.data[i]).toBeCloseTo(c, 14);
      expect(s.h.data[i]).toBeCloseTo(s.gates.o.data[i] * Math.tanh(c), 14);
    }
    expect(
      Object.keys(
        traceStep(
          forward(makeNet({ mode: 'GRU', inputSize: 1, hiddenSize: 2 }).net, randTensor(rng, [2, 1, 1])),
          0,
          0,
          0,
        ).gates,
      ),
    ).toEqual(['r', 'z', 'n']);
    expect(() => traceStep(tr, 0, 1, 0)).toThrow(/no step/);
  });
});

describe('state_dict', () => {
  it('round-trips, names extras, and rejects bad names and shapes clearly', () => {
    const { net } = makeNet({
      mode: 'LSTM',
      inputSize: 2,
      hiddenSize: 3,
      numLayers: 2,
      bidirectional: true,
      peephole: true,
    });
    const sd = toStateDict(net);
    expect(Object.keys(sd).slice(0, 8)).toEqual([
      'weight_ih_l0',
      'weight_hh_l0',
      'bias_ih_l0',
      'bias_hh_l0',
      'weight_peephole_i_l0',
      'weight_peephole_f_l0',
      'weight_peephole_o_l0',
      'weight_ih_l0_reverse',
    ]);
    expect(sd.weight_ih_l1_reverse.shape).toEqual([12, 6]);
    const other = createNetwork({
      mode: 'LSTM',
      inputSize: 2,
      hiddenSize: 3,
      numLayers: 2,
      bidirectional: true,
      peephole: true,
    });
    fromStateDict(other, JSON.parse(JSON.stringify(sd)));
    expect(toStateDict(other)).toEqual(sd);
    const { weight_hh_l1: _, ...missing } = sd;
    expect(() => fromStateDict(other, missing)).toThrow(
      /missing parameter weight_hh_l1 \(expected shape \[12, 3\]\)/,
    );
    expect(() => fromStateDict(other, { ...sd, bogus: sd.bias_ih_l0 })).toThrow(
      /unexpected parameter\(s\) bogus/,
    );
    expect(() =>
      fromStateDict(other, { ...sd, bias_ih_l0: { shape: [11], data: new Array(11).fill(0) } }),
    ).toThrow(/bias_ih_l0 has shape \[11\], expected \[12\]/);
    const jordan = makeNet({ mode: 'JORDAN_TANH', inputSize: 2, hiddenSize: 3, outputSize: 4 }).net;
    expect(Object.keys(toStateDict(jordan))).toEqual([
      'weight_ih_l0',
      'weight_hh_l0',
      'bias_ih_l0',
      'bias_hh_l0',
      'weight_hy_l0',
      'bias_y_l0',
    ]);
    expect(toStateDict(jordan).weight_hh_l0.shape).toEqual([3, 4]);
  });

  it('language model export/import includes the head', () => {
    const m = createLanguageModel({ mode: 'GRU', vocabSize: 4, hiddenSize: 3 }, createRng(1));
    const sd = lmToStateDict(m);
    expect(Object.keys(sd).slice(-2)).toEqual(['head.weight', 'head.bias']);
    const m2 = createLanguageModel({ mode: 'GRU', vocabSize: 4, hiddenSize: 3 });
    lmFromStateDict(m2, sd);
    expect(lmToStateDict(m2)).toEqual(sd);
    expect(() => lmFromStateDict(m2, { ...sd, 'head.bias': undefined })).toThrow(/head.bias/);
  });
});

describe('errors on bad shapes and options', () => {
  const { net } = makeNet({ mode: 'LSTM', inputSize: 2, hiddenSize: 3 });
  it('input, states, upstream, config', () => {
    expect(() => forward(net, tensor([2, 1, 3], new Array(6).fill(0)))).toThrow(/expected \[T, B, 2\]/);
    expect(() =>
      forward(net, tensor([2, 1, 2], [0, 0, 0, 0]), tensor([1, 2, 3], new Array(6).fill(0))),
    ).toThrow(/h0 has shape \[1, 2, 3\], expected \[1, 1, 3\]/);
    expect(() => forward(net, { shape: [1, 1], tokens: [5] })).toThrow(/outside \[0, 2\)/);
    const tr = forward(net, tensor([2, 1, 2], [0, 0, 0, 0]));
    expect(() => backward(net, tr, { gradOutput: tensor([2, 1, 4], new Array(8).fill(0)) })).toThrow(
      /gradOutput has shape/,
    );
    expect(() => backward(net, tr, {}, { truncate: 0 })).toThrow(/truncate/);
    expect(() => createNetwork({ mode: 'GRU', inputSize: 1, hiddenSize: 1, peephole: true })).toThrow(
      /peephole needs mode LSTM/,
    );
    expect(() => createNetwork({ mode: 'RNN_TANH', inputSize: 0, hiddenSize: 1 })).toThrow(/inputSize/);
  });
});

describe('optimizers and clipping', () => {
  const p = () => tensor([3], [1, -2, 0.5]);
  const g = tensor([3], [0.3, -0.4, 1.2]);
  it('SGD with and without momentum', () => {
    const a = p();
    createSgd({ lr: 0.1 }).step([a], [g]);
    expect(Array.from(a.data)).toEqual([1 - 0.03, -2 + 0.04, 0.5 - 0.12]);
    const b = p();
    const opt = createSgd({ lr: 0.1, momentum: 0.9 });
    opt.step([b], [g]);
    opt.step([b], [g]);
    // buf1 = g, buf2 = 0.9 g + g = 1.9 g; total step 0.1 · 2.9 g
    [1, -2, 0.5].forEach((x, i) => {
      expect(b.data[i]).toBeCloseTo(x - 0.29 * g.data[i], 14);
    });
  });
  it('Adam matches the textbook form', () => {
    const a = p();
    const opt = createAdam({ lr: 0.01, betas: [0.8, 0.95], eps: 1e-6 });
    const ref = [1, -2, 0.5];
    const m = [0, 0, 0];
    const v = [0, 0, 0];
    for (let s = 1; s <= 3; s++) {
      opt.step([a], [g]);
      for (let i = 0; i < 3; i++) {
        m[i] = 0.8 * m[i] + 0.2 * g.data[i];
        v[i] = 0.95 * v[i] + 0.05 * g.data[i] ** 2;
        ref[i] -= (0.01 * (m[i] / (1 - 0.8 ** s))) / (Math.sqrt(v[i] / (1 - 0.95 ** s)) + 1e-6);
      }
    }
    ref.forEach((x, i) => {
      expect(a.data[i]).toBeCloseTo(x, 12);
    });
  });
  it('clipGradNorm returns the pre-clip norm and scales by θ/(N+1e-6)', () => {
    const a = tensor([2], [3, 0]);
    const b = tensor([1], [4]);
    expect(clipGradNorm([a, b], 1)).toBe(5);
    expect(a.data[0]).toBeCloseTo((3 * 1) / (5 + 1e-6), 15);
    expect(globalNorm([a, b])).toBeCloseTo(5 / (5 + 1e-6), 15);
    const c = tensor([1], [0.5]);
    expect(clipGradNorm([c], 1)).toBe(0.5);
    expect(c.data[0]).toBe(0.5);
  });
});

describe('gradCheck itself', () => {
  it('fails on a wrong gradient', () => {
    const x = Float64Array.from([0.3, -0.7]);
    const loss = () => x[0] ** 2 + Math.sin(x[1]);
    expect(gradCheck(loss, [{ name: 'x', value: x, grad: [0.6, Math.cos(-0.7)] }]).ok).toBe(true);
    const bad = gradCheck(loss, [{ name: 'x', value: x, grad: [0.6, 1] }]);
    expect(bad.ok).toBe(false);
    expect(bad.worst?.index).toBe(1);
  });
});

describe('language model training', () => {
  it('loss falls with Adam on a repeating sequence', () => {
    const m = createLanguageModel(
      { mode: 'LSTM', vocabSize: 4, hiddenSize: 8, dtype: 'float32' },
      createRng(0),
    );
    const seq = [0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3, 0];
    const tokens = { shape: [12, 1] as [number, number], tokens: seq.slice(0, 12) };
    const targets = seq.slice(1);
    const opt = createAdam({ lr: 0.05 });
    const first = lmLossAndGrads(m, tokens, targets).loss;
    let last = first;
    for (let i = 0; i < 60; i++) {
      const r = lmLossAndGrads(m, tokens, targets);
      clipGradNorm(r.grads, 5);
      opt.step(r.params, r.grads);
      last = r.loss;
    }
    expect(last).toBeLessThan(first * 0.3);
  });
});
