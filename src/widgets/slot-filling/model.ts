/**
 * slot-filling's numbers: a word-level tagger (token ids → RNN, one or two directions → linear → softmax
 * per position) trained on generated flight requests with BIO tags. Words outside the vocabulary become the
 * "other" token <unk>; during training some city names are replaced by it, so it appears in realistic
 * contexts. Pure; deterministic from the seed.
 */
import {
  backward,
  clipGradNorm,
  createAdam,
  createHead,
  createNetwork,
  createRng,
  forward,
  headBackward,
  headForward,
  type Network,
  namedParams,
  type Optimizer,
  type Rng,
  softmaxCrossEntropy,
  type Tensor,
} from '../../engine';

export const TAGS = ['O', 'B-dest', 'I-dest', 'B-dep', 'I-dep', 'B-time', 'I-time'] as const;
export type Tag = (typeof TAGS)[number];
export const UNK = '<unk>';
export const HIDDEN = 16;
export const MAX_WORDS = 16;

const CITIES = [
  'taipei',
  'tokyo',
  'paris',
  'london',
  'new york',
  'milan',
  'zurich',
  'seoul',
  'boston',
  'sydney',
  'berlin',
  'los angeles',
];
const TIMES = [
  'november 2nd',
  'may 5th',
  'friday',
  'monday',
  'tomorrow morning',
  'tonight',
  'march 3rd',
  'sunday evening',
];

/** Templates: words, with {dest}/{dep}/{time} slots; `on`-less variants keep the time's cue varied. */
const TEMPLATES = [
  'arrive {dest} on {time}',
  'arrive in {dest} on {time}',
  'leave {dep} on {time}',
  'leave {dep} {time}',
  'fly from {dep} to {dest} on {time}',
  'fly to {dest} from {dep} {time}',
  'i want to arrive in {dest} {time}',
  'i want to leave {dep} on {time}',
  '{dest} is where i land on {time}',
  '{dep} is where i leave from on {time}',
  '{dest} is where i land {time}',
  '{dep} is where i leave {time}',
  '{dest} is my destination on {time}',
  '{dep} is my departure city {time}',
  'book a flight to {dest} on {time}',
  'depart from {dep} on {time}',
];

export interface Sentence {
  words: string[];
  tags: number[];
}

function fill(template: string, rng: Rng, unkRate: number): Sentence {
  const words: string[] = [];
  const tags: number[] = [];
  for (const part of template.split(' ')) {
    const m = /^\{(dest|dep|time)\}$/.exec(part);
    if (!m) {
      words.push(part);
      tags.push(0);
      continue;
    }
    const slot = m[1] as 'dest' | 'dep' | 'time';
    const value = slot === 'time' ? TIMES[rng.int(TIMES.length)] : CITIES[rng.int(CITIES.length)];
    const unk = slot !== 'time' && rng.next() < unkRate;
    value.split(' ').forEach((w, k) => {
      words.push(unk ? UNK : w);
      tags.push(TAGS.indexOf(`${k === 0 ? 'B' : 'I'}-${slot}` as Tag));
    });
  }
  return { words, tags };
}

export function makeDataset(seed: number, n = 320, unkRate = 0.15): Sentence[] {
  const rng = createRng(seed * 17 + 3);
  return Array.from({ length: n }, (_, k) => fill(TEMPLATES[k % TEMPLATES.length], rng, unkRate));
}

export interface Vocabulary {
  words: readonly string[];
  index: ReadonlyMap<string, number>;
}

export function buildVocab(data: readonly Sentence[]): Vocabulary {
  const set = new Set<string>();
  for (const s of data) for (const w of s.words) if (w !== UNK) set.add(w);
  const words = [UNK, ...[...set].sort()];
  return { words, index: new Map(words.map((w, i) => [w, i])) };
}

export interface Tokenized {
  words: string[];
  ids: number[];
  unknown: boolean[];
}

/** Splits a typed sentence into words (lower-cased for lookup, punctuation dropped); unknown → <unk>. */
export function tokenize(text: string, vocab: Vocabulary): Tokenized {
  const words = text
    .toLowerCase()
    .replace(/[.,!?;:"()]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, MAX_WORDS);
  const ids = words.map((w) => vocab.index.get(w) ?? 0);
  return { words, ids, unknown: ids.map((id, k) => id === 0 && words[k] !== UNK) };
}

export interface Tagger {
  bidirectional: boolean;
  net: Network;
  head: ReturnType<typeof createHead>;
  optimizer: Optimizer;
  params: Tensor[];
}

export function createTagger(vocabSize: number, bidirectional: boolean, seed: number, lr = 0.01): Tagger {
  const rng = createRng(seed + (bidirectional ? 1000 : 0));
  const net = createNetwork({ mode: 'GRU', inputSize: vocabSize, hiddenSize: HIDDEN, bidirectional }, rng);
  const head = createHead(HIDDEN * (bidirectional ? 2 : 1), TAGS.length, { rng });
  const params = [...namedParams(net.config, net.params).map(([, t]) => t), head.weight, head.bias];
  return { bidirectional, net, head, optimizer: createAdam({ lr }), params };
}

function run(m: Tagger, batch: readonly Sentence[], vocab: Vocabulary) {
  const T = batch[0].words.length;
  const B = batch.length;
  const tokens = new Int32Array(T * B);
  for (let t = 0; t < T; t++)
    for (let b = 0; b < B; b++) tokens[t * B + b] = vocab.index.get(batch[b].words[t]) ?? 0;
  const trace = forward(m.net, { shape: [T, B], tokens });
  const F = m.head.inFeatures;
  const logits = new Float64Array(T * B * TAGS.length);
  headForward(m.head, trace.output.data, T * B, logits);
  const targets = new Int32Array(T * B);
  for (let t = 0; t < T; t++) for (let b = 0; b < B; b++) targets[t * B + b] = batch[b].tags[t];
  return { trace, logits, targets, T, B, F };
}

/** One Adam step on a batch of same-length sentences (mean cross-entropy over every position). */
export function trainStep(m: Tagger, batch: readonly Sentence[], vocab: Vocabulary): number {
  const { trace, logits, targets, T, B, F } = run(m, batch, vocab);
  const N = T * B;
  const dLogits = new Float64Array(N * TAGS.length);
  const loss = softmaxCrossEntropy(logits, N, TAGS.length, targets, dLogits);
  const dOut: Tensor = { shape: [T, B, F], data: new Float64Array(N * F) };
  headBackward(m.head, trace.output.data, N, dLogits, dOut.data);
  const g = backward(m.net, trace, { gradOutput: dOut });
  const grads = [
    ...namedParams(m.net.config, g.params).map(([, t]) => t),
    m.head.gradWeight,
    m.head.gradBias,
  ];
  clipGradNorm(grads, 1);
  m.optimizer.step(m.params, grads);
  return loss;
}

/** Same-length batches (a batch is a (T, B) block), shuffled. */
export function makeBatches(data: readonly Sentence[], batch: number, rng: Rng): Sentence[][] {
  const byLen = new Map<number, Sentence[]>();
  for (const s of data) byLen.set(s.words.length, [...(byLen.get(s.words.length) ?? []), s]);
  const out: Sentence[][] = [];
  for (const group of byLen.values()) {
    const g = [...group];
    for (let k = g.length - 1; k > 0; k--) {
      const j = rng.int(k + 1);
      [g[k], g[j]] = [g[j], g[k]];
    }
    for (let s = 0; s < g.length; s += batch) out.push(g.slice(s, s + batch));
  }
  for (let k = out.length - 1; k > 0; k--) {
    const j = rng.int(k + 1);
    [out[k], out[j]] = [out[j], out[k]];
  }
  return out;
}

export interface Tagged {
  tags: number[];
  /** Probability of the chosen tag at each position. */
  confidence: number[];
}

/** Tags one sentence (ids) with the most probable tag per position. */
export function tag(m: Tagger, ids: readonly number[]): Tagged {
  const T = ids.length;
  if (!T) return { tags: [], confidence: [] };
  const trace = forward(m.net, { shape: [T, 1], tokens: ids }, null, null, { fresh: true });
  const C = TAGS.length;
  const logits = new Float64Array(T * C);
  headForward(m.head, trace.output.data, T, logits);
  const tags: number[] = [];
  const confidence: number[] = [];
  for (let t = 0; t < T; t++) {
    let best = 0;
    let mx = -Infinity;
    for (let c = 0; c < C; c++) if (logits[t * C + c] > mx) [mx, best] = [logits[t * C + c], c];
    let z = 0;
    for (let c = 0; c < C; c++) z += Math.exp(logits[t * C + c] - mx);
    tags.push(best);
    confidence.push(1 / z);
  }
  return { tags, confidence };
}

/** Word-level accuracy over a dataset (evaluated in same-length batches). */
export function accuracy(m: Tagger, data: readonly Sentence[], vocab: Vocabulary): number {
  const byLen = new Map<number, Sentence[]>();
  for (const s of data) byLen.set(s.words.length, [...(byLen.get(s.words.length) ?? []), s]);
  let right = 0;
  let n = 0;
  const C = TAGS.length;
  for (const group of byLen.values()) {
    const { logits, targets, T, B } = run(m, group, vocab);
    for (let k = 0; k < T * B; k++) {
      let best = 0;
      for (let c = 1; c < C; c++) if (logits[k * C + c] > logits[k * C + best]) best = c;
      if (best === targets[k]) right++;
      n++;
    }
  }
  return n ? right / n : 0;
}

export interface Slot {
  slot: string;
  value: string;
  /** Position of its B- word. */
  at: number;
}

/** Reads the slots off BIO tags by one left-to-right scan; also reports I- tags with nothing to continue. */
export function readSlots(
  words: readonly string[],
  tags: readonly number[],
): { slots: Slot[]; orphans: number[] } {
  const slots: Slot[] = [];
  const orphans: number[] = [];
  let open: Slot | null = null;
  tags.forEach((k, t) => {
    const name = TAGS[k];
    if (name.startsWith('B-')) {
      open = { slot: name.slice(2), value: words[t], at: t };
      slots.push(open);
    } else if (name.startsWith('I-')) {
      if (open && open.slot === name.slice(2)) open.value += ` ${words[t]}`;
      else {
        orphans.push(t);
        open = null;
      }
    } else open = null;
  });
  return { slots, orphans };
}

export interface SlotSession {
  vocab: Vocabulary;
  train: Sentence[];
  test: Sentence[];
  taggers: { uni: Tagger; bi: Tagger };
  rng: Rng;
  queue: Sentence[][];
  epoch: number;
  steps: number;
  losses: { uni: number[]; bi: number[] };
  history: { epoch: number; uni: number; bi: number }[];
}

export const BATCH = 16;

export function createSlotSession(seed: number): SlotSession {
  const train = makeDataset(seed);
  const test = makeDataset(seed + 99_991, 112, 0.15);
  const vocab = buildVocab(train);
  const taggers = {
    uni: createTagger(vocab.words.length, false, seed),
    bi: createTagger(vocab.words.length, true, seed),
  };
  const s: SlotSession = {
    vocab,
    train,
    test,
    taggers,
    rng: createRng(seed),
    queue: [],
    epoch: 0,
    steps: 0,
    losses: { uni: [], bi: [] },
    history: [],
  };
  s.history.push({
    epoch: 0,
    uni: accuracy(taggers.uni, test, vocab),
    bi: accuracy(taggers.bi, test, vocab),
  });
  return s;
}

/** One step: the same batch for both taggers, so they see exactly the same data. */
export function slotStep(s: SlotSession): void {
  if (!s.queue.length) s.queue = makeBatches(s.train, BATCH, s.rng);
  const batch = s.queue.shift() as Sentence[];
  s.losses.uni.push(trainStep(s.taggers.uni, batch, s.vocab));
  s.losses.bi.push(trainStep(s.taggers.bi, batch, s.vocab));
  s.steps++;
  if (!s.queue.length) {
    s.epoch++;
    s.history.push({
      epoch: s.epoch,
      uni: accuracy(s.taggers.uni, s.test, s.vocab),
      bi: accuracy(s.taggers.bi, s.test, s.vocab),
    });
  }
}
