import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/index.ts';
import { createTsBackend, createWasmBackend } from '../../src/engine/kernels/index.ts';
import { splitGraphemes, validateCorpus } from '../../src/engine/text/index.ts';
import {
  CorpusError,
  DivergenceError,
  parseModelFile,
  perplexity,
  pickToken,
  prepareCorpus,
  resolveTrainConfig,
  splitGraphemesChunked,
  TrainError,
  Trainer,
} from '../../src/engine/train/index.ts';

const tiny = 'the cat sat on the mat. the dog sat on the log. '.repeat(40);
const small = { hidden: 16, seqLen: 8, batch: 4, lr: 0.02, seed: 7 } as const;

function losses(trainer: Trainer, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(trainer.step().loss);
  return out;
}

describe('corpus preparation', () => {
  it('splits like splitGraphemes, in pieces', () => {
    const hard = 'e\u0301 👩‍👩‍👧 🇨🇳🇺🇸 𠀀 한국어 नमस्ते\n';
    const texts = [
      `${'床前明月光，疑是地上霜。举头望明月，低头思故乡。\n'.repeat(50)}${hard.repeat(30)}`,
      `${'abc '.repeat(300)}👍🏽${'x'.repeat(600)}e\u0301`,
      hard.repeat(100),
    ];
    for (const t of texts) expect(splitGraphemesChunked(t, 64)).toEqual(splitGraphemes(t));
  });

  it('agrees with validateCorpus on codes and messages', () => {
    const cases = [
      '',
      '   \n\t ',
      'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      'ab',
      'a\u0000b'.repeat(20),
      tiny,
    ];
    for (const raw of cases) {
      const v = validateCorpus(raw, { numSteps: 8, batchSize: 4 });
      let got: CorpusError | null = null;
      try {
        const p = prepareCorpus(raw, { numSteps: 8, batchSize: 4 });
        if (v.ok) expect(p.tokens).toEqual(v.tokens);
      } catch (e) {
        got = e as CorpusError;
      }
      if (v.ok) expect(got).toBeNull();
      else {
        expect(got).toBeInstanceOf(CorpusError);
        expect(got?.code).toBe(v.code);
        expect(got?.message).toBe(v.message);
      }
    }
  });

  it('rejects bad corpora with clear messages', () => {
    const reject = (raw: string, code: string, pattern: RegExp, opts = {}) => {
      try {
        new Trainer(raw, small, opts);
      } catch (e) {
        expect(e).toBeInstanceOf(CorpusError);
        expect((e as CorpusError).code).toBe(code);
        expect((e as Error).message).toMatch(pattern);
        return;
      }
      throw new Error(`accepted ${code}`);
    };
    reject('', 'empty', /empty/);
    reject('  \n\n \t', 'whitespace-only', /only whitespace/);
    reject('x'.repeat(500), 'single-character', /single distinct character/);
    reject('ab', 'too-short', /too short/);
    // huge: over the 5 MB limit
    const huge = 'abcdefghij'.repeat(510_000);
    let err: unknown;
    try {
      prepareCorpus(huge);
    } catch (e) {
      err = e;
    }
    expect((err as CorpusError).code).toBe('too-large');
    expect((err as Error).message).toMatch(/too large: 5,100,000 bytes.*limit is 5,000,000/);
  });
});

describe('config', () => {
  it('fills defaults and names bad fields', () => {
    expect(resolveTrainConfig({}).cell).toBe('lstm');
    expect(() => resolveTrainConfig({ hidden: 0 })).toThrow(/hidden must be a number in \[1, 2048\]/);
    expect(() => resolveTrainConfig({ cell: 'tcn' as never })).toThrow(/cell must be one of rnn, gru, lstm/);
    expect(() => resolveTrainConfig({ input: 'bag-of-words' as never })).toThrow(
      /input must be one of one-hot, embedding/,
    );
    expect(() => resolveTrainConfig({ input: 'embedding', embedDim: 0 })).toThrow(
      /embedDim must be a number in \[1, 1024\]/,
    );
    expect(resolveTrainConfig({ input: 'embedding', embedDim: 32 })).toMatchObject({
      input: 'embedding',
      embedDim: 32,
    });
    expect(() => resolveTrainConfig({ batch: 2.5 })).toThrow(/batch must be a whole number/);
    expect(() => resolveTrainConfig({ lr: Number.NaN })).toThrow(TrainError);
  });
});

describe('Trainer', () => {
  for (const cell of ['rnn', 'gru', 'lstm'] as const) {
    it(`${cell}: a seeded run lowers the loss, deterministically`, () => {
      const a = losses(new Trainer(tiny, { ...small, cell }), 60);
      const b = losses(new Trainer(tiny, { ...small, cell }), 60);
      expect(a).toEqual(b);
      const head = a.slice(0, 5).reduce((s, x) => s + x) / 5;
      const tail = a.slice(-5).reduce((s, x) => s + x) / 5;
      expect(tail).toBeLessThan(head - 0.5);
      const c = losses(new Trainer(tiny, { ...small, cell, seed: 8 }), 5);
      expect(c).not.toEqual(a.slice(0, 5));
    });
  }

  it('embedding input: a seeded run lowers the loss, deterministically, on both backends', () => {
    const cfg = { ...small, input: 'embedding', embedDim: 8 } as const;
    const a = losses(new Trainer(tiny, cfg), 60);
    expect(a).toEqual(losses(new Trainer(tiny, cfg), 60));
    const head = a.slice(0, 5).reduce((s, x) => s + x) / 5;
    const tail = a.slice(-5).reduce((s, x) => s + x) / 5;
    expect(tail).toBeLessThan(head - 0.5);
    const wasm = createWasmBackend({ memoryBytes: 16 * 1024 * 1024 });
    const w = losses(new Trainer(tiny, cfg, { backend: wasm ?? undefined }), 20);
    for (let i = 0; i < 20; i++) expect(w[i]).toBeCloseTo(a[i], 3);
    // one-hot and embedding are different models on the same seed
    expect(losses(new Trainer(tiny, small), 5)).not.toEqual(a.slice(0, 5));
  });

  it('is deterministic on the wasm backend too, and close to the TS backend', () => {
    const wasm = createWasmBackend({ memoryBytes: 16 * 1024 * 1024 });
    if (!wasm) return;
    const mark = wasm.mark();
    const t1 = new Trainer(tiny, { ...small, optimizer: 'sgd', lr: 0.5 }, { backend: wasm });
    const a = losses(t1, 20);
    t1.dispose();
    expect(wasm.mark()).toBe(mark);
    const t2 = new Trainer(tiny, { ...small, optimizer: 'sgd', lr: 0.5 }, { backend: wasm });
    expect(losses(t2, 20)).toEqual(a);
    t2.dispose();
    const ts = losses(
      new Trainer(tiny, { ...small, optimizer: 'sgd', lr: 0.5 }, { backend: createTsBackend() }),
      20,
    );
    for (let i = 0; i < 20; i++) expect(Math.abs(ts[i] - a[i])).toBeLessThan(1e-3);
  });

  it('sequential partition carries the state (differs from resetting it), random does not', () => {
    const seq = losses(new Trainer(tiny, { ...small, partition: 'sequential' }), 10);
    const rnd = losses(new Trainer(tiny, { ...small, partition: 'random' }), 10);
    expect(seq).not.toEqual(rnd);
    for (const l of [...seq, ...rnd]) expect(Number.isFinite(l)).toBe(true);
  });

  it('reports progress: perplexity = exp(mean loss), tokens/s, clipping', () => {
    let t = 0;
    const tr = new Trainer(tiny, { ...small, clip: 0.01 }, { now: () => (t += 1) });
    const ls = losses(tr, 4);
    const p = tr.progress();
    expect(p.step).toBe(4);
    expect(p.windowSteps).toBe(4);
    expect(p.loss).toBeCloseTo(ls.reduce((s, x) => s + x) / 4, 10);
    expect(p.perplexity).toBeCloseTo(Math.exp(p.loss), 10);
    expect(p.tokensPerSecond).toBeGreaterThan(0);
    expect(p.clipped).toBe(true);
    expect(p.clippedSteps).toBe(4);
    expect(p.gradNormBeforeClip).toBeGreaterThan(0.01);
    expect(tr.progress().windowSteps).toBe(0);
    expect(perplexity(Math.log(5))).toBeCloseTo(5);
  });

  it('turns NaN/Inf into a DivergenceError, never a silent stop', () => {
    const tr = new Trainer(tiny, { ...small, optimizer: 'sgd', lr: 90, clip: 0 });
    let err: unknown;
    try {
      for (let i = 0; i < 400; i++) tr.step();
    } catch (e) {
      err = e;
    }
    if (!err) {
      // force it: poison a weight
      const t2 = new Trainer(tiny, small);
      t2.model.head.weight.data[0] = Number.NaN;
      try {
        t2.step();
      } catch (e) {
        err = e;
      }
    }
    expect(err).toBeInstanceOf(DivergenceError);
    expect((err as DivergenceError).code).toBe('diverged');
    expect((err as Error).message).toMatch(/diverged at step \d+/);
  });

  it('a poisoned weight stops the next step with DivergenceError and keeps failing', () => {
    const tr = new Trainer(tiny, small);
    tr.step();
    tr.model.head.weight.data[3] = Number.POSITIVE_INFINITY;
    expect(() => tr.step()).toThrow(DivergenceError);
    expect(() => tr.step()).toThrow(/diverged/);
    expect(tr.error?.code).toBe('diverged');
  });
});

describe('sampling', () => {
  it('greedy, top-k and temperature pick sensibly; <unk> is never generated', () => {
    const rng = createRng(1);
    const logits = [9, 1, 5, 3, 2];
    expect(pickToken(logits, { greedy: true }, rng)).toBe(2);
    expect(pickToken(logits, { temperature: 0 }, rng)).toBe(2);
    for (let i = 0; i < 50; i++) expect([2, 3]).toContain(pickToken(logits, { topK: 2 }, rng));
    const counts = [0, 0, 0, 0, 0];
    for (let i = 0; i < 2000; i++) counts[pickToken(logits, { temperature: 1 }, rng)]++;
    expect(counts[0]).toBe(0);
    expect(counts[2]).toBeGreaterThan(counts[3]);
    expect(counts[1]).toBeGreaterThan(0);
  });

  it('samples from a prefix deterministically per seed', () => {
    const tr = new Trainer(tiny, small);
    losses(tr, 30);
    const a = tr.sample({ prefix: 'the ', length: 40, temperature: 0.8, seed: 3 });
    const b = tr.sample({ prefix: 'the ', length: 40, temperature: 0.8, seed: 3 });
    expect(a).toEqual(b);
    expect(a.text.startsWith('the ')).toBe(true);
    expect([...a.generated].length).toBe(40);
    expect(a.unknown).toEqual([]);
    const g = tr.sample({ prefix: '', length: 10, greedy: true });
    expect([...g.generated].length).toBe(10);
  });

  it('prefix 想要有直升机 on a Chinese vocabulary works; unknown characters are reported', () => {
    const poems = '床前明月光，疑是地上霜。举头望明月，低头思故乡。\n想要有直升机，飞上天空去。\n'.repeat(30);
    const tr = new Trainer(poems, small);
    losses(tr, 20);
    const s = tr.sample({ prefix: '想要有直升机', length: 12, temperature: 1, seed: 1 });
    expect(s.unknown).toEqual([]);
    expect(s.text.startsWith('想要有直升机')).toBe(true);
    expect([...s.generated].length).toBe(12);
    const tr2 = new Trainer('床前明月光，疑是地上霜。举头望明月，低头思故乡。\n'.repeat(30), small);
    const u = tr2.sample({ prefix: '想要有直升机', length: 5, seed: 1 });
    expect(u.unknown).toEqual(['想', '要', '有', '直', '升', '机']);
    expect([...u.generated].length).toBe(5);
  });
});

describe('model files', () => {
  it('save/load round-trip gives identical samples and PyTorch names', () => {
    for (const cell of ['rnn', 'gru', 'lstm'] as const) {
      const tr = new Trainer(tiny, { ...small, cell, layers: 2 });
      losses(tr, 10);
      const json = JSON.stringify(tr.toModelFile());
      const loaded = parseModelFile(json);
      expect(loaded.architecture).toMatchObject({ cell, hidden: 16, layers: 2 });
      const file = JSON.parse(json);
      expect(Object.keys(file.state_dict)).toContain('weight_hh_l1');
      expect(Object.keys(file.state_dict)).toContain('head.weight');
      expect(file.vocab[0]).toBe('<unk>');
      const resumed = new Trainer(tiny, { ...small }, { init: loaded });
      const opts = { prefix: 'the ', length: 60, temperature: 0.7, seed: 11 };
      expect(resumed.sample(opts)).toEqual(tr.sample(opts));
      expect(resumed.config.cell).toBe(cell);
      // and it can keep training
      expect(Number.isFinite(resumed.step().loss)).toBe(true);
    }
  });

  it('an embedding model saves embedding.weight, reloads and samples the same', () => {
    const tr = new Trainer(tiny, { ...small, cell: 'gru', input: 'embedding', embedDim: 6 });
    losses(tr, 10);
    const file = tr.toModelFile();
    expect(file.architecture).toMatchObject({ input: 'embedding', embedDim: 6 });
    expect(Object.keys(file.state_dict)[0]).toBe('embedding.weight');
    expect(file.state_dict['embedding.weight'].shape).toEqual([tr.vocab.size, 6]);
    expect(file.state_dict.weight_ih_l0.shape).toEqual([3 * 16, 6]);
    const loaded = parseModelFile(JSON.stringify(file));
    const resumed = new Trainer(tiny, { ...small }, { init: loaded });
    expect(resumed.config).toMatchObject({ cell: 'gru', input: 'embedding', embedDim: 6 });
    const opts = { prefix: 'the ', length: 40, temperature: 0.7, seed: 3 };
    expect(resumed.sample(opts)).toEqual(tr.sample(opts));
    const noDim = JSON.parse(JSON.stringify(file));
    delete noDim.architecture.embedDim;
    expect(() => parseModelFile(noDim)).toThrow(/architecture.embedDim must be a whole number/);
    const asOneHot = JSON.parse(JSON.stringify(file));
    asOneHot.architecture.input = 'one-hot';
    delete asOneHot.architecture.embedDim;
    expect(() => parseModelFile(asOneHot)).toThrow(/do not match the architecture/);
  });

  it('rejects bad files with clear messages', () => {
    const tr = new Trainer(tiny, small);
    const good = tr.toModelFile();
    const bad = (mutate: ((f: Record<string, unknown>) => unknown) | string, pattern: RegExp) => {
      const f = JSON.parse(JSON.stringify(good));
      if (typeof mutate !== 'string') mutate(f);
      const src = typeof mutate === 'string' ? mutate : JSON.stringify(f);
      expect(() => parseModelFile(src)).toThrow(pattern);
      try {
        parseModelFile(src);
      } catch (e) {
        expect((e as TrainError).code).toBe('bad-model-file');
      }
    };
    bad('', /empty/);
    bad('{"format":', /not valid JSON/);
    bad((f) => (f.format = 'x'), /not an Unrolled character-model file/);
    bad((f) => (f.version = 9), /version 9/);
    bad((f) => ((f.architecture as Record<string, unknown>).cell = 'tcn'), /architecture.cell/);
    bad((f) => ((f.architecture as Record<string, unknown>).hidden = -1), /architecture.hidden/);
    bad((f) => (f.vocab as string[]).pop(), /"vocab" has \d+ entries/);
    bad((f) => ((f.vocab as string[])[0] = 'q'), /vocabulary is invalid/);
    bad((f) => delete (f.state_dict as Record<string, unknown>).weight_hh_l0, /weight_hh_l0/);
    bad(
      (f) =>
        (((f.state_dict as Record<string, { data: unknown[] }>)['head.bias'].data[2] as unknown) = 'NaN'),
      /head.bias has a value that is not a finite number at index 2/,
    );
    bad((f) => ((f.architecture as Record<string, unknown>).hidden = 17), /do not match the architecture/);
  });
});

describe('incremental pieces', () => {
  it('serializeModelFile writes the same file as JSON.stringify(toModelFile())', async () => {
    const { serializeModelFile, toModelFile } = await import('../../src/engine/train/index.ts');
    const tr = new Trainer(tiny, small);
    tr.step();
    const exact = JSON.stringify(tr.toModelFile());
    const it = serializeModelFile(
      toModelFile(tr.model, tr.vocab, 'lstm', tr.toModelFile().training, false),
      50,
    );
    let r = it.next();
    let yields = 0;
    while (!r.done) {
      yields++;
      r = it.next();
    }
    expect(yields).toBeGreaterThan(3);
    expect(JSON.parse(r.value as string)).toEqual(JSON.parse(exact));
  });
});
