/** The gate inspector with trained models: file validation, vocabulary, layers, unit subsets, the shared store. */
import { describe, expect, it } from 'vitest';
import { createLanguageModel, createRng, forward, namedParams, traceStep } from '../../src/engine';
import { Vocab } from '../../src/engine/text';
import { toModelFile } from '../../src/engine/train';
import {
  CORPUS_LINES,
  chooseUnits,
  createFreshModel,
  defaultLine,
  encode,
  type Inspection,
  inspect,
  subsetInspection,
  trainedInspectorModel,
  withForgetBias,
} from '../../src/widgets/gate-inspector/model';
import { createGateInspectorStore } from '../../src/widgets/gate-inspector/store';
import {
  firstLine,
  readModelFile,
  type TrainedModelData,
  weightsFromSnapshot,
} from '../../src/widgets/shared/trainedModelFile';
import { createTrainedModelsStore, MAX_TRAINED_MODELS } from '../../src/widgets/shared/trainedModels';

const TANG = ['<unk>', ...'床前明月光，疑是地上霜举头望低思故乡'];

function modelJson(cell: 'rnn' | 'gru' | 'lstm', hidden = 12, layers = 2, tokens = TANG, seed = 3) {
  const vocab = Vocab.fromTokens(tokens);
  const lm = createLanguageModel(
    {
      mode: cell === 'rnn' ? 'RNN_TANH' : cell === 'gru' ? 'GRU' : 'LSTM',
      vocabSize: vocab.size,
      hiddenSize: hidden,
      numLayers: layers,
      dtype: 'float32',
    },
    createRng(seed),
  );
  const file = toModelFile(lm, vocab, cell, {
    config: {} as never,
    step: 1200,
    epoch: 1,
    loss: Math.log(45),
    corpus: 'tang',
  });
  return { lm, vocab, file, json: JSON.stringify(file) };
}

function read(json: string): TrainedModelData {
  const r = readModelFile(json);
  if (!r.ok) throw new Error(`${r.problem}: ${r.message}`);
  return r.model;
}

describe('reading a saved model file', () => {
  it('reads a GRU file: architecture, vocabulary, recurrent weights only, step and perplexity', () => {
    const m = read(modelJson('gru').json);
    expect(m.cell).toBe('gru');
    expect(m.hidden).toBe(12);
    expect(m.layers).toBe(2);
    expect(m.vocab).toEqual(TANG);
    expect(Object.keys(m.weights)).toEqual([
      'weight_ih_l0',
      'weight_hh_l0',
      'bias_ih_l0',
      'bias_hh_l0',
      'weight_ih_l1',
      'weight_hh_l1',
      'bias_ih_l1',
      'bias_hh_l1',
    ]);
    expect(m.weights.weight_ih_l0.shape).toEqual([36, TANG.length]);
    expect(m.weights.weight_ih_l0.data).toBeInstanceOf(Float32Array);
    expect(m.corpus).toBe('tang');
    expect(m.step).toBe(1200);
    expect(m.perplexity).toBeCloseTo(45, 3);
  });

  it('says what is wrong with a bad file, and never throws', () => {
    const problem = (json: string) => {
      const r = readModelFile(json);
      return r.ok ? 'ok' : r.problem;
    };
    expect(problem('')).toBe('empty');
    expect(problem('   \n')).toBe('empty');
    expect(problem('{"format": "unrolled-char-lm",')).toBe('not-json');
    expect(problem('[1, 2, 3]')).toBe('not-model');
    expect(problem('{"format": "something-else"}')).toBe('not-model');
    expect(problem(modelJson('rnn').json)).toBe('rnn-cell');
    // a weight of the wrong shape: the engine's message names it
    const { file } = modelJson('lstm', 8, 1);
    const bad = structuredClone(file);
    bad.state_dict.weight_hh_l0.shape = [32, 7];
    const r = readModelFile(JSON.stringify(bad));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem).toBe('invalid');
      expect(r.message).toContain('weight_hh_l0');
    }
    const noVocab = { ...structuredClone(file), vocab: ['a', 'b'] };
    expect(problem(JSON.stringify(noVocab))).toBe('invalid');
    const nan = structuredClone(file);
    (nan.state_dict.bias_ih_l0.data as unknown[])[3] = 'NaN';
    expect(problem(JSON.stringify(nan))).toBe('invalid');
    const version = { ...structuredClone(file), version: 99 };
    expect(problem(JSON.stringify(version))).toBe('invalid');
  });

  it('keeps only the recurrent weights of a trainer snapshot', () => {
    const w = weightsFromSnapshot({
      names: ['weight_ih_l0', 'head.weight', 'head.bias'],
      shapes: [[3, 2], [2, 1], [2]],
      data: [new Float32Array(6), new Float32Array(2), new Float32Array(2)],
    });
    expect(Object.keys(w)).toEqual(['weight_ih_l0']);
  });
});

describe('a trained model in the inspector', () => {
  it('computes the same gates as the network it was saved from, layer by layer', () => {
    const { lm, json } = modelJson('gru', 10, 2);
    const model = trainedInspectorModel(read(json));
    expect(model.source).toBe('trained');
    const { ids, unknown } = encode('床前明月光', model.vocab);
    expect(unknown).toEqual([]);
    const trace = forward(lm.rnn, { shape: [ids.length, 1], tokens: ids }, null, null, { fresh: true });
    for (const layer of [0, 1]) {
      const ins = inspect(model.net, ids, 'gru', layer);
      for (let t = 0; t < ids.length; t++) {
        const rec = traceStep(trace, layer, 0, t);
        for (let u = 0; u < 10; u++) {
          expect(ins.strips.z?.[u * ids.length + t]).toBeCloseTo(rec.gates.z?.data[u] ?? Number.NaN, 5);
          expect(ins.strips.h?.[u * ids.length + t]).toBeCloseTo(rec.h.data[u], 5);
        }
      }
    }
    const l0 = inspect(model.net, ids, 'gru', 0).strips.r;
    const l1 = inspect(model.net, ids, 'gru', 1).strips.r;
    expect(Array.from(l0 ?? [])).not.toEqual(Array.from(l1 ?? []));
    // an out-of-range layer is clamped to the last one
    expect(Array.from(inspect(model.net, ids, 'gru', 7).strips.r ?? [])).toEqual(Array.from(l1 ?? []));
  });

  it('reads the sequence through the trained vocabulary: unknown characters become <unk> and are listed', () => {
    const model = trainedInspectorModel(read(modelJson('lstm', 6, 1).json));
    const e = encode('床前x明月a光x', model.vocab);
    expect(e.chars).toHaveLength(8);
    expect(e.unknown).toEqual(['x', 'a']);
    expect(e.ids[0]).toBe(TANG.indexOf('床'));
    expect(e.ids[2]).toBe(0);
    expect(e.ids[7]).toBe(0);
    // the fresh model's alphabet knows no Chinese
    expect(encode('床前', createFreshModel('lstm', 1).vocab).unknown).toEqual(['床', '前']);
  });

  it('adds the forget-gate bias to every layer of a trained LSTM and leaves the model alone', () => {
    const model = trainedInspectorModel(read(modelJson('lstm', 6, 2).json));
    const biased = withForgetBias(model.net, 2);
    const params = (n: typeof model.net) =>
      Object.fromEntries(namedParams(n.config, n.params).map(([k, t]) => [k, Array.from(t.data)]));
    const a = params(model.net);
    const b = params(biased);
    for (const l of [0, 1]) {
      const name = `bias_ih_l${l}`;
      for (let j = 0; j < 24; j++) expect(b[name][j] - a[name][j]).toBeCloseTo(j >= 6 && j < 12 ? 2 : 0, 5);
      expect(b[`weight_hh_l${l}`]).toEqual(a[`weight_hh_l${l}`]);
    }
    const ids = encode('床前明月光', model.vocab).ids;
    const f = (n: typeof model.net) => inspect(n, ids, 'lstm', 1).strips.f as Float64Array;
    const mean = (x: Float64Array) => x.reduce((s, v) => s + v, 0) / x.length;
    expect(mean(f(biased))).toBeGreaterThan(mean(f(model.net)) + 0.1);
  });

  it('refuses weights that do not fit the architecture with the engine message', () => {
    const data = read(modelJson('gru', 8, 1).json);
    expect(() => trainedInspectorModel({ ...data, hidden: 9 })).toThrow(/weight_ih_l0/);
  });
});

describe('which units to draw', () => {
  // 5 units × 2 steps: h rows are unit activity levels 0.1, 0.9, 0.3, 0.8, 0.2
  const levels = [0.1, 0.9, 0.3, 0.8, 0.2];
  const h = new Float64Array(levels.flatMap((v) => [v, -v]));
  const z = new Float64Array(levels.flatMap((_, u) => [u, u + 0.5]));
  const ins: Inspection = { T: 2, H: 5, strips: { h, z } };

  it('takes the first N, or the N most active in unit order, or all', () => {
    expect(chooseUnits(ins, 'first', 3)).toEqual([0, 1, 2]);
    expect(chooseUnits(ins, 'active', 3)).toEqual([1, 2, 3]);
    expect(chooseUnits(ins, 'active', 2)).toEqual([1, 3]);
    expect(chooseUnits(ins, 'active', 16)).toEqual([0, 1, 2, 3, 4]);
    expect(chooseUnits(ins, 'first', 0)).toEqual([0]);
  });

  it('cuts every strip to those rows', () => {
    const sub = subsetInspection(ins, [1, 3]);
    expect(sub.H).toBe(2);
    expect(sub.T).toBe(2);
    expect(Array.from(sub.strips.z ?? [])).toEqual([1, 1.5, 3, 3.5]);
    expect(Array.from(sub.strips.h ?? [])).toEqual([0.9, -0.9, 0.8, -0.8]);
    expect(subsetInspection(ins, [0, 1, 2, 3, 4])).toBe(ins);
  });

  it('works on a 256-unit model', () => {
    const data = read(modelJson('lstm', 256, 1, ['<unk>', ...'abc '], 1).json);
    const model = trainedInspectorModel(data);
    const full = inspect(model.net, encode('abc cab', model.vocab).ids, 'lstm');
    expect(full.H).toBe(256);
    const units = chooseUnits(full, 'active', 16);
    expect(units).toHaveLength(16);
    const sub = subsetInspection(full, units);
    expect(sub.strips.c?.length).toBe(16 * 7);
  });
});

describe('default text and the figure store', () => {
  it('gives a corpus line for the built-in corpora, the reader’s own first line, else nothing', () => {
    expect(defaultLine('tang')).toBe('床前明月光，疑是地上霜');
    expect(defaultLine('english')).toBe(CORPUS_LINES.english);
    expect(defaultLine('own', 'hello there')).toBe('hello there');
    expect(defaultLine('something')).toBeNull();
    expect(defaultLine(null)).toBeNull();
    expect(firstLine('\n\n  first line here  \nsecond')).toBe('first line here');
    expect(firstLine('word '.repeat(20))?.length).toBeLessThanOrEqual(40);
    expect(firstLine('  \n ')).toBeUndefined();
  });

  it('replaces the figure’s own sequence with the model’s line, keeps one the reader typed', () => {
    const s = createGateInspectorStore({ sequence: 'the cat', seed: 1, bias: 0 }, 'the cat');
    s.getState().setModel('k1', '床前明月光');
    expect(s.getState().sequence).toBe('床前明月光');
    expect(s.getState().modelKey).toBe('k1');
    s.getState().setModel(null);
    expect(s.getState().sequence).toBe('the cat');
    s.getState().setSequence('my own');
    s.getState().setModel('k1', '床前明月光');
    expect(s.getState().sequence).toBe('my own');
    // a link that carried another sequence counts as the reader's
    const fromLink = createGateInspectorStore({ sequence: 'shared text', seed: 1, bias: 0 }, 'the cat');
    fromLink.getState().setModel('k1', '床前');
    expect(fromLink.getState().sequence).toBe('shared text');
  });

  it('the shared store replaces a re-published model and keeps only the newest few', () => {
    const store = createTrainedModelsStore();
    const data = read(modelJson('gru', 4, 1).json);
    const a = store.getState().publish({ ...data, key: 'a', origin: 'trainer' });
    const a2 = store.getState().publish({ ...data, key: 'a', origin: 'trainer', step: 2000 });
    expect(store.getState().models).toHaveLength(1);
    expect(a2.version).toBeGreaterThan(a.version);
    for (let k = 0; k < MAX_TRAINED_MODELS + 2; k++)
      store.getState().publish({ ...data, key: `m${k}`, origin: 'file' });
    const keys = store.getState().models.map((m) => m.key);
    expect(keys).toHaveLength(MAX_TRAINED_MODELS);
    expect(keys[0]).toBe(`m${MAX_TRAINED_MODELS + 1}`);
    expect(keys).not.toContain('a');
  });
});

describe('a model trained with embedding input', () => {
  it('reads E[id] through the table: the same gates as the language model itself computes', () => {
    const vocab = Vocab.fromTokens(TANG);
    const lm = createLanguageModel(
      { mode: 'LSTM', vocabSize: vocab.size, hiddenSize: 6, numLayers: 1, dtype: 'float32', embedDim: 5 },
      createRng(9),
    );
    const file = toModelFile(lm, vocab, 'lstm');
    const m = read(JSON.stringify(file));
    expect(m.weights['embedding.weight'].shape).toEqual([TANG.length, 5]);
    expect(m.weights.weight_ih_l0.shape).toEqual([24, 5]);
    const model = trainedInspectorModel(m);
    expect(model.net.config.inputSize).toBe(5);
    const { ids } = encode('床前明月光', model.vocab);
    const result = inspect(model.net, ids, 'lstm', 0, model.embedding);
    // the reference: the language model's own recurrent stack on the same ids
    const E = lm.embedding!.weight;
    const x = new Float32Array(ids.length * 5);
    ids.forEach((id, t) => {
      x.set(E.data.subarray(id * 5, id * 5 + 5), t * 5);
    });
    const trace = forward(lm.rnn, { shape: [ids.length, 1, 5], data: x });
    for (let t = 0; t < ids.length; t++) {
      const f = traceStep(trace, 0, 0, t).gates.f!.data;
      for (let u = 0; u < 6; u++) expect(result.strips.f![u * ids.length + t]).toBeCloseTo(f[u], 5);
    }
    // without the table the ids would be read as one-hot rows of a 5-wide input: refused, not garbage
    expect(() => inspect(model.net, ids, 'lstm', 0)).toThrow();
  });
});
