/** Every label and message of the trainer, in English and Chinese. */
import type { CorpusErrorCode } from '../../engine/text/index.ts';
import type { CellKind } from '../../engine/train/index.ts';
import type { TrainerStatus, WireError } from '../../workers/protocol.ts';
import type { Bilingual } from '../types';
import type { CorpusChoice } from './model';

const n = (v: number | string | undefined, lang: 'en' | 'zh') =>
  typeof v === 'number' ? v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en') : String(v ?? '?');

export interface Strings {
  settings: string;
  corpus: string;
  corpora: Record<CorpusChoice, string>;
  ownText: string;
  ownTextPlaceholder: string;
  cell: string;
  cells: Record<CellKind, string>;
  hidden: string;
  layers: string;
  lr: string;
  clip: string;
  clipHint: string;
  seqLen: string;
  start: string;
  restart: string;
  pause: string;
  resume: string;
  stop: string;
  reset: string;
  status: Record<TrainerStatus, string>;
  stats: (o: { step: string; epoch: string; tps: string; loss: string; ppl: string }) => string;
  lossChart: string;
  pplChart: string;
  gradChart: string;
  step: string;
  loss: string;
  ppl: string;
  gradNorm: string;
  threshold: string;
  clippedMark: string;
  runName: (cell: string, id: number) => string;
  sampleHeading: string;
  prefix: string;
  temperature: string;
  length: string;
  greedy: string;
  sample: string;
  sampling: string;
  sampleOutput: string;
  unknownChars: (chars: string) => string;
  noModel: string;
  fileHeading: string;
  save: string;
  load: string;
  loadedModel: (o: { cell: string; hidden: number; layers: number; vocab: number }) => string;
  /** The model was handed to the gate inspectors (GRU and LSTM chapters). */
  published: (cell: string, step: string | null) => string;
  /** A plain RNN has no gates to inspect. */
  rnnNotPublished: string;
  corpusError: (code: CorpusErrorCode, d: Record<string, number | string>) => string;
  error: (e: WireError) => string;
  invalidNumber: (label: string) => string;
  backend: (name: string) => string;
  vocab: (v: number, chars: number) => string;
}

export const text: Bilingual<Strings> = {
  en: {
    settings: 'Model and training',
    corpus: 'Corpus',
    corpora: {
      tang: 'Tang poems (Chinese)',
      english: 'English text (KJV Genesis–Exodus)',
      own: 'My own text',
    },
    ownText: 'Your text (paste at least a few thousand characters)',
    ownTextPlaceholder: 'Paste any text here…',
    cell: 'Cell',
    cells: { rnn: 'RNN (tanh)', gru: 'GRU', lstm: 'LSTM' },
    hidden: 'Hidden size',
    layers: 'Layers',
    lr: 'Learning rate (Adam)',
    clip: 'Clipping threshold',
    clipHint: '0 turns clipping off',
    seqLen: 'Truncation length T',
    start: 'Start training',
    restart: 'Start a new run',
    pause: 'Pause',
    resume: 'Resume',
    stop: 'Stop',
    reset: 'Reset',
    status: {
      idle: 'Not started.',
      preparing: 'Preparing the corpus…',
      training: 'Training…',
      paused: 'Paused.',
      stopped: 'Stopped.',
      failed: 'Stopped by an error.',
    },
    stats: (o) =>
      `step ${o.step} · epoch ${o.epoch} · ${o.tps} characters/s · loss ${o.loss} · perplexity ${o.ppl}`,
    lossChart: 'Training loss per step (runs compared)',
    pplChart: 'Perplexity of the current run (log scale)',
    gradChart: 'Gradient norm before clipping; ▲ marks clipping events',
    step: 'step',
    loss: 'loss (nats per character)',
    ppl: 'perplexity',
    gradNorm: 'gradient norm',
    threshold: 'threshold',
    clippedMark: 'clipped',
    runName: (cell, id) => `${cell} #${id}`,
    sampleHeading: 'Sample from the model',
    prefix: 'Prefix',
    temperature: 'Temperature',
    length: 'Length',
    greedy: 'Greedy (always the most likely character)',
    sample: 'Generate text',
    sampling: 'Generating…',
    sampleOutput: 'Generated text',
    unknownChars: (chars) => `Not in the vocabulary, read as <unk>: ${chars}`,
    noModel: 'Start training (or load a model) to sample.',
    fileHeading: 'Model file',
    save: 'Save model (JSON)',
    load: 'Load a model file',
    loadedModel: (o) =>
      `Loaded a ${o.cell.toUpperCase()} with hidden size ${o.hidden}, ${o.layers} layer(s) and ${o.vocab} characters. Generate text from it, or start a new run.`,
    published: (cell, step) =>
      `This ${cell}${step === null ? '' : ` (step ${step})`} can now be inspected in the gate inspector of the GRU and LSTM chapters, until the page is reloaded.`,
    rnnNotPublished:
      'A plain RNN has no gates. Train a GRU or an LSTM, then pause or stop it, to inspect its gates in the GRU and LSTM chapters.',
    corpusError: (code, d) =>
      ({
        empty: 'The text is empty: paste some text first.',
        'whitespace-only': 'The text has only spaces and line breaks.',
        'too-large': `The text is too large: ${n(d.bytes, 'en')} bytes; the limit is ${n(d.maxBytes, 'en')}.`,
        binary: 'This looks like binary data, not text.',
        'single-character': 'The text uses only one distinct character; a language model needs at least two.',
        'too-short': `The text is too short: ${n(d.length, 'en')} characters; one batch needs at least ${n(d.need, 'en')}.`,
      })[code],
    error: (e) =>
      ({
        'bad-corpus': e.message,
        'bad-config': `The settings were refused: ${e.message}`,
        diverged: `Training diverged at step ${e.details?.step ?? '?'}: the loss or the gradient became NaN or infinite. Lower the learning rate or the clipping threshold and start again.`,
        'bad-model-file': `This file cannot be loaded: ${e.message}`,
        'fetch-failed': `The corpus could not be loaded: ${e.message}`,
        'no-model': 'There is no model yet: start training or load a model first.',
        cancelled: 'The request was cancelled.',
        internal: `Something went wrong in the training worker: ${e.message.replace(/[.。]$/, '')}. Start a new run to try again; the rest of the page is unaffected.`,
      })[e.code],
    invalidNumber: (label) => `${label}: please type a number.`,
    backend: (name) => (name === 'wasm-simd' ? 'WebAssembly SIMD' : 'TypeScript'),
    vocab: (v, chars) => `vocabulary ${n(v, 'en')} characters, corpus ${n(chars, 'en')} characters`,
  },
  zh: {
    settings: '模型与训练',
    corpus: '语料',
    corpora: {
      tang: '唐诗（中文）',
      english: '英文文本（钦定本《创世记》《出埃及记》）',
      own: '我自己的文本',
    },
    ownText: '你的文本（至少粘贴几千个字符）',
    ownTextPlaceholder: '在这里粘贴任意文本……',
    cell: '单元',
    cells: { rnn: 'RNN（tanh）', gru: 'GRU', lstm: 'LSTM' },
    hidden: '隐藏单元数',
    layers: '层数',
    lr: '学习率（Adam）',
    clip: '裁剪阈值',
    clipHint: '0 表示不裁剪',
    seqLen: '截断长度 T',
    start: '开始训练',
    restart: '开始新一轮训练',
    pause: '暂停',
    resume: '继续',
    stop: '停止',
    reset: '重置',
    status: {
      idle: '尚未开始。',
      preparing: '正在准备语料……',
      training: '正在训练……',
      paused: '已暂停。',
      stopped: '已停止。',
      failed: '因错误而停止。',
    },
    stats: (o) =>
      `第 ${o.step} 步 · 第 ${o.epoch} 轮 · 每秒 ${o.tps} 个字符 · 损失 ${o.loss} · 困惑度 ${o.ppl}`,
    lossChart: '每步的训练损失（多次训练对比）',
    pplChart: '当前训练的困惑度（对数坐标）',
    gradChart: '裁剪前的梯度范数；▲ 表示发生了裁剪',
    step: '步数',
    loss: '损失（每字符奈特）',
    ppl: '困惑度',
    gradNorm: '梯度范数',
    threshold: '阈值',
    clippedMark: '已裁剪',
    runName: (cell, id) => `${cell} #${id}`,
    sampleHeading: '从模型采样',
    prefix: '前缀',
    temperature: '温度',
    length: '长度',
    greedy: '贪心（总是取最可能的字符）',
    sample: '生成文本',
    sampling: '正在生成……',
    sampleOutput: '生成的文本',
    unknownChars: (chars) => `不在词表中、按 <unk> 处理的字符：${chars}`,
    noModel: '先开始训练（或加载模型）才能采样。',
    fileHeading: '模型文件',
    save: '保存模型（JSON）',
    load: '加载模型文件',
    loadedModel: (o) =>
      `已加载 ${o.cell.toUpperCase()}：隐藏单元 ${o.hidden}，${o.layers} 层，${o.vocab} 个字符。可以用它生成文本，或开始新一轮训练。`,
    published: (cell, step) =>
      `这个 ${cell}${step === null ? '' : `（第 ${step} 步）`}现在可以在 GRU 与 LSTM 两章的门值图中查看，直到页面重新加载为止。`,
    rnnNotPublished:
      '普通循环网络没有门。训练一个 GRU 或 LSTM，暂停或停止后，即可在 GRU 与 LSTM 两章中查看它的门。',
    corpusError: (code, d) =>
      ({
        empty: '文本是空的：请先粘贴一些文本。',
        'whitespace-only': '文本只有空格和换行。',
        'too-large': `文本太大：${n(d.bytes, 'zh')} 字节，上限为 ${n(d.maxBytes, 'zh')} 字节。`,
        binary: '这看起来是二进制数据，而不是文本。',
        'single-character': '文本只用了一种字符；语言模型至少需要两种不同的字符。',
        'too-short': `文本太短：只有 ${n(d.length, 'zh')} 个字符，一个批次至少需要 ${n(d.need, 'zh')} 个。`,
      })[code],
    error: (e) =>
      ({
        'bad-corpus': e.message,
        'bad-config': `设置无效：${e.message}`,
        diverged: `训练在第 ${e.details?.step ?? '?'} 步发散：损失或梯度变成了 NaN 或无穷大。请调低学习率或裁剪阈值后重新开始。`,
        'bad-model-file': `无法加载此文件：${e.message}`,
        'fetch-failed': `无法加载语料：${e.message}`,
        'no-model': '还没有模型：请先开始训练或加载模型。',
        cancelled: '请求已取消。',
        internal: `训练线程出错：${e.message.replace(/[.。]$/, '')}。开始新一轮训练即可重试，页面其余部分不受影响。`,
      })[e.code],
    invalidNumber: (label) => `${label}：请输入一个数。`,
    backend: (name) => (name === 'wasm-simd' ? 'WebAssembly SIMD' : 'TypeScript'),
    vocab: (v, chars) => `词表 ${n(v, 'zh')} 个字符，语料 ${n(chars, 'zh')} 个字符`,
  },
};

/** The message for a worker error in the page's language (corpus problems by their code). */
export function describeError(t: Strings, e: WireError): string {
  if (e.code === 'bad-corpus' && e.corpusCode) return t.corpusError(e.corpusCode, e.details ?? {});
  return t.error(e);
}
