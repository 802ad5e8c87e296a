/**
 * hidden-state-heatmap, the numbers: a typed text read as graphemes through a fixed character vocabulary,
 * then through an RNN, a GRU and an LSTM built from the same seed; the hidden states (and the LSTM's cell
 * states) as units × steps matrices. The vocabulary is fixed so that the same character always meets the
 * same weights, whatever else is typed.
 */
import { createNetwork, createRng, forward, type Mode, traceStep } from '../../engine';
import { splitGraphemes, UNK, Vocab } from '../../engine/text';

export const HIDDEN = 12;
export const MAX_LENGTH = 24;
export const CELLS = ['rnn', 'gru', 'lstm'] as const;
export type CellName = (typeof CELLS)[number];
export const MODE: Record<CellName, Mode> = { rnn: 'RNN_TANH', gru: 'GRU', lstm: 'LSTM' };

const ASCII = Array.from({ length: 0x7f - 0x20 }, (_, k) => String.fromCharCode(0x20 + k)).join('');
const CJK_PUNCT = '，。！？、；：“”‘’（）《》…—';
// Common Chinese characters (and the book's examples); duplicates are dropped below.
const CJK =
  '想要有直升机的一是不了人我在他这中大来上个国到说们为子和你地出道也时年得就那下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力给等几很业最间新什打便位因重被走电四第门相次东海口使教西再平真听世气信北少关并内加化由却代产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望服林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校志飞观争究包组造落视济喜离虽坐集编宝谈府拉黑且随格尽剑讲布杀微怕母调局根曾准团段终乐切级克精哪官示冷域脑春秋夏冬雨雪云月星河湖鸟鱼猫狗书诗';

/** The model's vocabulary: `<unk>`, printable ASCII, Chinese punctuation and common Chinese characters. */
export const VOCAB = Vocab.fromTokens([UNK, ...new Set([...ASCII, ...CJK_PUNCT, ...CJK])]);

export interface ParsedText {
  /** The graphemes read (at most MAX_LENGTH). */
  chars: string[];
  ids: Int32Array;
  /** Distinct characters not in the vocabulary (read as `<unk>`). */
  unknown: string[];
  /** True when the text was longer than MAX_LENGTH and was cut. */
  truncated: boolean;
}

/** Splits typed text into graphemes; line breaks and tabs become spaces; unknown characters map to `<unk>`. */
export function parseText(text: string): ParsedText {
  const all = splitGraphemes(text.replace(/[\r\n\t]+/g, ' '));
  const chars = all.slice(0, MAX_LENGTH);
  const ids = VOCAB.encode(chars);
  const unknown = [...new Set(chars.filter((_, k) => ids[k] === VOCAB.unkId))];
  return { chars, ids, unknown, truncated: all.length > MAX_LENGTH };
}

/** A units × steps matrix, row-major: values[u · T + t] is unit u after step t. */
export interface StateMatrix {
  units: number;
  steps: number;
  values: Float64Array;
}

export interface CellStates {
  h: StateMatrix;
  /** LSTM only: the cell state c_t. */
  c: StateMatrix | null;
}

/** The network of one cell type for a seed (the same seed for every cell type). */
export function buildNetwork(cell: CellName, seed: number) {
  return createNetwork({ mode: MODE[cell], inputSize: VOCAB.size, hiddenSize: HIDDEN }, createRng(seed));
}

/** Runs one cell type over the ids and collects h_t (and c_t) for t = 1 … T, from h_0 = 0. */
export function cellStates(cell: CellName, seed: number, ids: Int32Array): CellStates {
  const T = ids.length;
  const h: StateMatrix = { units: HIDDEN, steps: T, values: new Float64Array(HIDDEN * T) };
  const c: StateMatrix | null =
    cell === 'lstm' ? { units: HIDDEN, steps: T, values: new Float64Array(HIDDEN * T) } : null;
  if (T === 0) return { h, c };
  const trace = forward(buildNetwork(cell, seed), { shape: [T, 1], tokens: ids });
  for (let t = 0; t < T; t++) {
    const step = traceStep(trace, 0, 0, t);
    for (let u = 0; u < HIDDEN; u++) {
      h.values[u * T + t] = step.h.data[u];
      if (c && step.c) c.values[u * T + t] = step.c.data[u];
    }
  }
  return { h, c };
}

export function allStates(seed: number, ids: Int32Array): Record<CellName, CellStates> {
  return {
    rnn: cellStates('rnn', seed, ids),
    gru: cellStates('gru', seed, ids),
    lstm: cellStates('lstm', seed, ids),
  };
}

export interface Summary {
  min: number;
  max: number;
  /** The cell with the largest |value|. */
  peak: { unit: number; step: number; value: number };
  /** Mean |value| over all cells. */
  meanAbs: number;
}

export function summarize(m: StateMatrix): Summary | null {
  if (m.steps === 0) return null;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let peak = { unit: 0, step: 0, value: 0 };
  for (let u = 0; u < m.units; u++)
    for (let t = 0; t < m.steps; t++) {
      const v = m.values[u * m.steps + t];
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += Math.abs(v);
      if (Math.abs(v) > Math.abs(peak.value)) peak = { unit: u, step: t, value: v };
    }
  return { min, max, peak, meanAbs: sum / (m.units * m.steps) };
}

/** The next seed after a re-roll: a deterministic function of the current one, so links replay. */
export function nextSeed(seed: number): number {
  return ((Math.imul(seed ^ 0x5bd1e995, 0x27d4eb2d) >>> 0) % 999_999) + 1;
}
