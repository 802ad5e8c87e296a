import { describe, expect, it } from 'vitest';
import { backward, createNetwork, createRng, forward, traceStep } from '../../src/engine';
import { decodeState, encodeState } from '../../src/widgets/shared/urlState';
import {
  buildRun,
  cellStatus,
  clampIndex,
  effectiveConfig,
  HIDDEN,
  MAX_LENGTH,
  MAX_VOCAB,
  parseSequence,
  partValue,
  positionCount,
  positionOf,
  recomposePre,
  rowTimes,
  stepDetail,
} from '../../src/widgets/unrolled-stepper/model';
import { stepperSchema } from '../../src/widgets/unrolled-stepper/urlSchema';

const close = (a: ArrayLike<number>, b: ArrayLike<number>, tol = 1e-12) => {
  expect(a.length).toBe(b.length);
  for (let k = 0; k < a.length; k++) expect(Math.abs(a[k] - b[k])).toBeLessThanOrEqual(tol);
};

describe('parseSequence', () => {
  it('splits graphemes and builds the engine vocabulary', () => {
    const p = parseSequence('hello');
    expect(p.tokens).toEqual(['h', 'e', 'l', 'l', 'o']);
    expect(p.vocab).toEqual(['l', 'e', 'h', 'o']); // most frequent first, ties by code point
    expect(p.ids).toEqual([2, 1, 0, 0, 3]);
    expect(p.issues).toEqual([]);
    const zh = parseSequence('想要有直升机');
    expect(zh.tokens).toHaveLength(6);
    expect(parseSequence('👩‍👩‍👧é').tokens).toHaveLength(2);
  });

  it('reports an empty sequence, control characters and truncation', () => {
    expect(parseSequence('').issues).toEqual([{ kind: 'empty' }]);
    expect(parseSequence('\u0000\u0007').issues.map((i) => i.kind)).toEqual(['control', 'empty']);
    const long = parseSequence('abcdefghijabcdefghij');
    expect(long.tokens).toHaveLength(MAX_LENGTH);
    expect(long.issues).toContainEqual({ kind: 'truncated', length: 20, max: MAX_LENGTH });
  });

  it('maps characters outside the vocabulary to <unk> and says which', () => {
    const p = parseSequence('abcdefghijklmn'); // 14 distinct > MAX_VOCAB
    const unknown = p.issues.find((i) => i.kind === 'unknown');
    expect(unknown).toBeTruthy();
    expect(p.vocab[0]).toBe('<unk>');
    expect(p.vocab).toHaveLength(MAX_VOCAB + 1);
    if (unknown?.kind === 'unknown') {
      expect(unknown.chars).toEqual(['k', 'l', 'm', 'n']);
      for (const ch of unknown.chars) expect(p.ids[p.tokens.indexOf(ch)]).toBe(0);
    }
  });
});

describe('buildRun', () => {
  it('returns null for an empty sequence and never throws on junk', () => {
    expect(buildRun({ cell: 'rnn', layers: 1, bidirectional: false, sequence: '', seed: 1 })).toBeNull();
    const r = buildRun({
      cell: 'nope' as 'rnn',
      layers: 99,
      bidirectional: true,
      sequence: 'ab',
      seed: Number.NaN,
    });
    expect(r?.config).toMatchObject({ cell: 'rnn', layers: 3, seed: 1 });
  });

  it('clamps Jordan to one layer and one direction', () => {
    expect(
      effectiveConfig({ cell: 'jordan', layers: 3, bidirectional: true, sequence: 'ab', seed: 1 }),
    ).toMatchObject({ layers: 1, bidirectional: false });
  });

  for (const cell of ['rnn', 'gru', 'lstm', 'jordan'] as const) {
    it(`${cell}: the numbers shown for a step are the engine's`, () => {
      const config = { cell, layers: 2, bidirectional: true, sequence: 'hello', seed: 7 };
      const run = buildRun(config);
      if (!run) throw new Error('no run');
      // an independent engine run with the same seed gives the same records
      const mode = { rnn: 'RNN_TANH', gru: 'GRU', lstm: 'LSTM', jordan: 'JORDAN_TANH' } as const;
      const net = createNetwork(
        {
          mode: mode[cell],
          inputSize: run.parsed.vocab.length,
          hiddenSize: HIDDEN,
          numLayers: run.L,
          bidirectional: run.D === 2,
        },
        createRng(7),
      );
      const trace = forward(net, { shape: [run.T, 1], tokens: run.parsed.ids });
      for (let l = 0; l < run.L; l++)
        for (let d = 0; d < run.D; d++)
          for (let t = 0; t < run.T; t++) {
            const rec = traceStep(trace, l, d, t);
            const detail = stepDetail(run, l, d, t);
            close(detail.h, rec.h.data, 0);
            close(detail.pre, rec.pre.data, 0);
            close(detail.hPrev, rec.hPrev.data, 0);
            for (const [k, v] of Object.entries(rec.gates)) close(detail.gates[k], v.data, 0);
            if (rec.c) close(detail.c ?? [], rec.c.data, 0);
            // the displayed terms add up to the engine's pre-activation
            close(recomposePre(detail, HIDDEN), rec.pre.data, 1e-12);
            if (l === 0) {
              expect(detail.xRow).toBe(run.parsed.ids[t]);
              close(
                detail.xW,
                Array.from(
                  detail.Wx.data.subarray(detail.xRow! * detail.Wx.cols, (detail.xRow! + 1) * detail.Wx.cols),
                ),
              );
            }
          }
      // the gradients are the engine's for L = g · o_T
      const HD = HIDDEN * run.D;
      const gradOutput = { shape: [run.T, 1, HD], data: new Float64Array(run.T * HD) };
      gradOutput.data.set(run.g, (run.T - 1) * HD);
      const grads = backward(net, trace, { gradOutput });
      for (let l = 0; l < run.L; l++)
        for (let d = 0; d < run.D; d++)
          for (let t = 0; t < run.T; t++)
            close(run.dh[l][d][t], grads.dh[l][d].data.subarray(t * HIDDEN, (t + 1) * HIDDEN), 0);
      let loss = 0;
      for (let k = 0; k < HD; k++) loss += run.g[k] * trace.output.data[(run.T - 1) * HD + k];
      expect(run.loss).toBe(loss);
    });
  }

  it('LSTM pointwise parts are the products of the engine values', () => {
    const run = buildRun({
      cell: 'lstm',
      layers: 1,
      bidirectional: false,
      sequence: '想要有直升机',
      seed: 3,
    });
    if (!run) throw new Error('no run');
    const d = stepDetail(run, 0, 0, 3);
    const c = d.c ?? new Float64Array();
    const fc = partValue(d, 'op:f*c', HIDDEN);
    const ig = partValue(d, 'op:i*g', HIDDEN);
    if (fc?.kind !== 'vector' || ig?.kind !== 'vector') throw new Error('parts');
    close(
      c,
      fc.values.map((v, k) => v + ig.values[k]),
      1e-12,
    );
    close(
      d.h,
      d.gates.o.map((o, k) => o * Math.tanh(c[k])),
      1e-12,
    );
    const wxf = partValue(d, 'W_xf', HIDDEN);
    expect(
      wxf?.kind === 'matrix' && wxf.mat.rows === run.parsed.vocab.length && wxf.mat.cols === HIDDEN,
    ).toBe(true);
  });

  it('GRU blend is the engine h_t', () => {
    const run = buildRun({ cell: 'gru', layers: 1, bidirectional: false, sequence: 'hello', seed: 5 });
    if (!run) throw new Error('no run');
    const d = stepDetail(run, 0, 0, 2);
    close(
      d.h,
      d.gates.z.map((z, k) => z * d.hPrev[k] + (1 - z) * d.gates.n[k]),
      1e-12,
    );
  });

  it('is deterministic per seed', () => {
    const a = buildRun({ cell: 'rnn', layers: 1, bidirectional: false, sequence: 'abc', seed: 9 });
    const b = buildRun({ cell: 'rnn', layers: 1, bidirectional: false, sequence: 'abc', seed: 9 });
    const c = buildRun({ cell: 'rnn', layers: 1, bidirectional: false, sequence: 'abc', seed: 10 });
    expect(a?.loss).toBe(b?.loss);
    expect(a?.loss).not.toBe(c?.loss);
  });
});

describe('schedule', () => {
  const run = { T: 5, L: 2 };
  it('walks layers bottom-up forward and top-down backward', () => {
    expect(positionCount(run)).toBe(10);
    expect(positionOf(run, 0, 'forward')).toMatchObject({ layer: 0, t: 0, tRev: 4 });
    expect(positionOf(run, 6, 'forward')).toMatchObject({ layer: 1, t: 1, tRev: 3 });
    expect(positionOf(run, 0, 'backward')).toMatchObject({ layer: 1, t: 4, tRev: 0 });
    expect(positionOf(run, 9, 'backward')).toMatchObject({ layer: 0, t: 0, tRev: 4 });
  });
  it('clamps positions', () => {
    expect(clampIndex(run, -3)).toBe(0);
    expect(clampIndex(run, 42)).toBe(9);
    expect(clampIndex(run, Number.NaN)).toBe(0);
  });
  it('classifies cells as done, current or future', () => {
    const p = positionOf(run, 2, 'forward');
    expect(cellStatus(run, p, 'forward', 0, 0, 1)).toBe('done');
    expect(cellStatus(run, p, 'forward', 0, 0, 2)).toBe('current');
    expect(cellStatus(run, p, 'forward', 0, 1, 2)).toBe('current');
    expect(cellStatus(run, p, 'forward', 0, 1, 4)).toBe('done');
    expect(cellStatus(run, p, 'forward', 1, 0, 0)).toBe('future');
    const q = positionOf(run, 1, 'backward');
    expect(cellStatus(run, q, 'backward', 1, 0, 4)).toBe('done');
    expect(cellStatus(run, q, 'backward', 1, 0, 3)).toBe('current');
    expect(cellStatus(run, q, 'backward', 0, 0, 4)).toBe('future');
  });
});

describe('rowTimes', () => {
  it('multiplies a row by a matrix', () => {
    const m = { rows: 2, cols: 3, data: Float64Array.from([1, 2, 3, 4, 5, 6]) };
    expect(Array.from(rowTimes([1, -1], m))).toEqual([-3, -3, -3]);
  });
});

describe('URL state', () => {
  it('round-trips and clamps', () => {
    const state = {
      cell: 'lstm',
      layers: 3,
      bidirectional: true,
      sequence: '想要',
      t: 4,
      phase: 2,
      dir: 1,
      mode: 'backward',
      seed: 12,
    } as const;
    expect(decodeState(stepperSchema, encodeState(stepperSchema, state)).state).toEqual(state);
    const bad = decodeState(
      stepperSchema,
      encodeState(stepperSchema, { ...state, layers: 9, cell: 'xyz' as 'lstm' }),
    );
    expect(bad.notice).toBe('adjusted');
    expect(bad.state.layers).toBe(3);
    expect(bad.state.cell).toBe('rnn');
  });
});
