/**
 * Save and load a character language model as JSON: the architecture, the vocabulary and the weights
 * under PyTorch `state_dict` names (`weight_ih_l0`, …, `head.weight`, `head.bias`), so the file can be
 * carried to PyTorch (see `PYTORCH_HINT`). Loading validates everything and says what is wrong.
 */
import { createLanguageModel, type LanguageModel, lmFromStateDict, lmToStateDict } from '../lm.ts';
import type { JsonTensor } from '../params.ts';
import { Vocab } from '../text/index.ts';
import { type CellKind, LIMITS, MODE_OF, type TrainConfig, TrainError } from './config.ts';

export const MODEL_FORMAT = 'unrolled-char-lm';
export const MODEL_VERSION = 1;

export interface ModelArchitecture {
  cell: CellKind;
  /** torch.nn class: RNN (tanh), GRU or LSTM. */
  torch: 'RNN' | 'GRU' | 'LSTM';
  /** One-hot input (input_size = vocabSize) or an nn.Embedding(vocabSize, embedDim) in front. */
  input: 'one-hot' | 'embedding';
  /** Embedding width (only with input 'embedding'). */
  embedDim?: number;
  vocabSize: number;
  hidden: number;
  layers: number;
}

export interface ModelFile {
  format: typeof MODEL_FORMAT;
  version: number;
  architecture: ModelArchitecture;
  /** Id → character; id 0 is `<unk>`. */
  vocab: string[];
  state_dict: Record<string, JsonTensor>;
  training?: { config: TrainConfig; step: number; epoch: number; loss: number; corpus?: string };
  pytorch: string;
}

export interface LoadedModel {
  architecture: ModelArchitecture;
  vocab: Vocab;
  /** Float32 model on the TS backend. */
  model: LanguageModel;
  training?: ModelFile['training'];
}

export const PYTORCH_HINT =
  'sd = {k: torch.tensor(v["data"]).reshape(v["shape"]) for k, v in f["state_dict"].items()}; ' +
  'rnn = torch.nn.<torch>(input_size=(embedDim if embedding else vocabSize), hidden_size=hidden, num_layers=layers); ' +
  'head = torch.nn.Linear(hidden, vocabSize); ' +
  'head.load_state_dict({k[5:]: v for k, v in sd.items() if k.startswith("head.")}); ' +
  'rnn.load_state_dict({k: v for k, v in sd.items() if "." not in k}); ' +
  'one-hot input: x_t = one_hot(id, vocabSize); embedding input: emb = torch.nn.Embedding(vocabSize, embedDim), ' +
  'emb.weight.data = sd["embedding.weight"], x_t = emb(id).';

const TORCH: Record<CellKind, ModelArchitecture['torch']> = { rnn: 'RNN', gru: 'GRU', lstm: 'LSTM' };

/** Shortest decimal that reads back as the same float32 (≤ 9 significant digits). */
function f32(x: number): number {
  return Number(Math.fround(x).toPrecision(9));
}

export function toModelFile(
  model: LanguageModel,
  vocab: Vocab,
  cell: CellKind,
  training?: ModelFile['training'],
  round = true,
): ModelFile {
  const dict = lmToStateDict(model);
  if (round) for (const t of Object.values(dict)) t.data = t.data.map(f32);
  const c = model.rnn.config;
  const embedDim = model.embedding?.weight.shape[1];
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    architecture: {
      cell,
      torch: TORCH[cell],
      input: embedDim ? 'embedding' : 'one-hot',
      ...(embedDim ? { embedDim } : {}),
      vocabSize: vocab.size,
      hidden: c.hiddenSize,
      layers: c.numLayers,
    },
    vocab: [...vocab.tokens],
    state_dict: dict,
    ...(training ? { training } : {}),
    pytorch: PYTORCH_HINT,
  };
}

/**
 * JSON text of a model file in slices (yields between pieces of `chunk` numbers), with every weight
 * written as the shortest decimal that reads back as the same float32.
 */
export function* serializeModelFile(file: ModelFile, chunk = 65536): Generator<void, string> {
  const { state_dict, ...rest } = file;
  const head = JSON.stringify({ ...rest, state_dict: {} });
  const parts: string[] = [head.slice(0, -2)]; // …"state_dict":{
  let first = true;
  for (const [name, t] of Object.entries(state_dict)) {
    parts.push(`${first ? '' : ','}${JSON.stringify(name)}:{"shape":${JSON.stringify(t.shape)},"data":[`);
    first = false;
    for (let i = 0; i < t.data.length; i += chunk) {
      const piece = t.data.slice(i, i + chunk).map(f32);
      parts.push(i > 0 ? `,${piece.join(',')}` : piece.join(','));
      yield;
    }
    parts.push(']}');
  }
  parts.push('}}');
  return parts.join('');
}

const fail = (message: string): never => {
  throw new TrainError('bad-model-file', message);
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a model file (JSON text or parsed); throws `TrainError('bad-model-file')` saying what is wrong. */
export function parseModelFile(source: string | unknown): LoadedModel {
  let raw: unknown = source;
  if (typeof source === 'string') {
    if (source.trim() === '') fail('The model file is empty.');
    try {
      raw = JSON.parse(source);
    } catch (e) {
      fail(`The model file is not valid JSON (${(e as Error).message}).`);
    }
  }
  if (!isObject(raw) || raw.format !== MODEL_FORMAT)
    fail(`This is not an Unrolled character-model file: its "format" must be "${MODEL_FORMAT}".`);
  const file = raw as Record<string, unknown>;
  if (file.version !== MODEL_VERSION)
    fail(
      `The model file has version ${JSON.stringify(file.version)}; this page reads version ${MODEL_VERSION}.`,
    );
  const a = file.architecture;
  if (!isObject(a)) return fail('The model file has no "architecture".');
  if (a.cell !== 'rnn' && a.cell !== 'gru' && a.cell !== 'lstm')
    fail(`architecture.cell must be "rnn", "gru" or "lstm", got ${JSON.stringify(a.cell)}.`);
  if (a.input !== undefined && a.input !== 'one-hot' && a.input !== 'embedding')
    fail(`architecture.input must be "one-hot" or "embedding", got ${JSON.stringify(a.input)}.`);
  const input: ModelArchitecture['input'] = a.input === 'embedding' ? 'embedding' : 'one-hot';
  const int = (key: 'hidden' | 'layers' | 'vocabSize' | 'embedDim', lo: number, hi: number): number => {
    const v = a[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi)
      fail(`architecture.${key} must be a whole number in [${lo}, ${hi}], got ${JSON.stringify(v)}.`);
    return v as number;
  };
  const hidden = int('hidden', LIMITS.hidden[0], LIMITS.hidden[1]);
  const layers = int('layers', LIMITS.layers[0], LIMITS.layers[1]);
  const vocabSize = int('vocabSize', 2, 1_000_000);
  const embedDim = input === 'embedding' ? int('embedDim', LIMITS.embedDim[0], LIMITS.embedDim[1]) : 0;
  const tokens = file.vocab;
  if (!Array.isArray(tokens) || !tokens.every((t) => typeof t === 'string' && t.length > 0))
    fail('"vocab" must be a list of characters.');
  if ((tokens as string[]).length !== vocabSize)
    fail(`"vocab" has ${(tokens as string[]).length} entries but architecture.vocabSize is ${vocabSize}.`);
  let vocab: Vocab;
  try {
    vocab = Vocab.fromTokens(tokens as string[]);
  } catch (e) {
    return fail(`The vocabulary is invalid: ${(e as Error).message}.`);
  }
  const dict = file.state_dict;
  if (!isObject(dict)) fail('The model file has no "state_dict".');
  for (const [name, t] of Object.entries(dict as Record<string, unknown>)) {
    if (!isObject(t) || !Array.isArray(t.data)) fail(`state_dict.${name} must be {shape, data}.`);
    const data = (t as { data: unknown[] }).data;
    for (let i = 0; i < data.length; i++) {
      const v = data[i];
      if (typeof v !== 'number' || !Number.isFinite(v))
        fail(
          `state_dict.${name} has a value that is not a finite number at index ${i} (${JSON.stringify(v)}).`,
        );
    }
  }
  const cell = a.cell as CellKind;
  const model = createLanguageModel({
    mode: MODE_OF[cell],
    vocabSize,
    hiddenSize: hidden,
    numLayers: layers,
    dtype: 'float32',
    embedDim,
  });
  try {
    lmFromStateDict(model, dict as Record<string, unknown>);
  } catch (e) {
    fail(
      `The weights do not match the architecture (${cell}, hidden ${hidden}, ${layers} layer(s), vocabulary ${vocabSize}${embedDim ? `, embedding ${embedDim}` : ''}): ${(e as Error).message}`,
    );
  }
  const training = isObject(file.training) ? (file.training as ModelFile['training']) : undefined;
  return {
    architecture: {
      cell,
      torch: TORCH[cell],
      input,
      ...(embedDim ? { embedDim } : {}),
      vocabSize,
      hidden,
      layers,
    },
    vocab,
    model,
    training,
  };
}
