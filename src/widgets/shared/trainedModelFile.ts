/**
 * A trained GRU or LSTM character model as widgets hand it to each other (the trainer publishes it, the
 * gate inspector reads it), and the two ways to get one: a worker's weight snapshot or a saved model
 * file. Pure: no React, DOM or store; runs in a worker (see `modelFile.worker.ts`) and in tests.
 */
import { namedParams } from '../../engine';
import { MODEL_FORMAT, parseModelFile } from '../../engine/train/model-file.ts';

export type TrainedCell = 'gru' | 'lstm';

export interface WeightTensor {
  shape: number[];
  data: Float32Array;
}

/** What a gate inspector needs of a trained model: the recurrent stack (no head), its vocabulary, its story. */
export interface TrainedModelData {
  cell: TrainedCell;
  hidden: number;
  layers: number;
  /** Id → character; id 0 is `<unk>`. */
  vocab: readonly string[];
  /**
   * The recurrent stack's parameters under PyTorch `state_dict` names (`weight_ih_l0`, …), and
   * `embedding.weight` for a model with embedding input; no `head.*`.
   */
  weights: Record<string, WeightTensor>;
  /** The corpus it was trained on: 'tang', 'english', 'own', another recorded name, or null when unknown. */
  corpus: string | null;
  /** Training steps taken, when known. */
  step: number | null;
  /** Perplexity at the last report (or exp of the loss a file records), when known. */
  perplexity: number | null;
}

/** Why a file was refused; the widget words each one in the reader's language. */
export type ModelFileProblem = 'empty' | 'not-json' | 'not-model' | 'rnn-cell' | 'invalid';

export type ModelFileResult =
  | { ok: true; model: TrainedModelData }
  | {
      ok: false;
      problem: ModelFileProblem;
      /** The English detail (the engine's own message for 'invalid'). */
      message: string;
    };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const refuse = (problem: ModelFileProblem, message: string): ModelFileResult => ({
  ok: false,
  problem,
  message,
});

/**
 * Reads the JSON the trainer's Save button writes. The cheap checks come first (empty, not JSON, not our
 * format, a plain-RNN cell, which has no gates to inspect); then the engine validates every shape and
 * number (`parseModelFile`) and its message is passed on.
 */
export function readModelFile(text: string): ModelFileResult {
  if (text.trim() === '') return refuse('empty', 'The file is empty.');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return refuse('not-json', `The file is not valid JSON (${(e as Error).message}).`);
  }
  if (!isObject(raw) || raw.format !== MODEL_FORMAT)
    return refuse('not-model', `The file's "format" is not "${MODEL_FORMAT}".`);
  const a = raw.architecture;
  if (isObject(a) && a.cell === 'rnn')
    return refuse('rnn-cell', 'The file holds a plain RNN (tanh) model, which has no gates.');
  let loaded: ReturnType<typeof parseModelFile>;
  try {
    loaded = parseModelFile(raw);
  } catch (e) {
    return refuse('invalid', (e as Error).message);
  }
  const { cell, hidden, layers } = loaded.architecture;
  if (cell !== 'gru' && cell !== 'lstm')
    return refuse('rnn-cell', 'The file holds a plain RNN (tanh) model, which has no gates.');
  const weights: Record<string, WeightTensor> = {};
  const emb = loaded.model.embedding;
  if (emb)
    weights['embedding.weight'] = { shape: [...emb.weight.shape], data: Float32Array.from(emb.weight.data) };
  for (const [name, t] of namedParams(loaded.model.rnn.config, loaded.model.rnn.params))
    weights[name] = { shape: [...t.shape], data: Float32Array.from(t.data) };
  const tr = loaded.training;
  const loss = tr && typeof tr.loss === 'number' && Number.isFinite(tr.loss) ? tr.loss : null;
  return {
    ok: true,
    model: {
      cell,
      hidden,
      layers,
      vocab: [...loaded.vocab.tokens],
      weights,
      corpus: tr && typeof tr.corpus === 'string' && tr.corpus !== '' ? tr.corpus : null,
      step: tr && typeof tr.step === 'number' && Number.isFinite(tr.step) ? tr.step : null,
      perplexity: loss === null ? null : Math.exp(loss),
    },
  };
}

/** The recurrent weights of a trainer snapshot (parallel names, shapes, data), the head left out. */
export function weightsFromSnapshot(snapshot: {
  names: readonly string[];
  shapes: readonly (readonly number[])[];
  data: readonly Float32Array[];
}): Record<string, WeightTensor> {
  const weights: Record<string, WeightTensor> = {};
  snapshot.names.forEach((name, k) => {
    if (!name.startsWith('head.')) weights[name] = { shape: [...snapshot.shapes[k]], data: snapshot.data[k] };
  });
  return weights;
}

/** The buffers of a model's weights, to transfer rather than copy between threads. */
export function transferList(model: TrainedModelData): ArrayBuffer[] {
  return [...new Set(Object.values(model.weights).map((w) => w.data.buffer as ArrayBuffer))];
}

/** A first line of a text, cut at a word boundary to at most `max` characters (graphemes not needed here). */
export function firstLine(text: string, max = 40): string | undefined {
  const line = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l !== '');
  if (!line) return undefined;
  const chars = [...line];
  if (chars.length <= max) return line;
  const cut = chars.slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  return space > max / 2 ? cut.slice(0, space) : cut;
}
