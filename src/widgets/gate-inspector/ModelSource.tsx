/**
 * The gate inspector's model source: the fresh seeded model (the default) or a trained GRU/LSTM the
 * reader trained in a char-lm-trainer figure or loads from a saved file; for a trained model also the
 * layer and which of its (possibly hundreds of) units to draw.
 *
 * A trained model of the other cell (an LSTM in the GRU chapter's figure, or a GRU in the LSTM's): the list
 * offers every trained GRU and LSTM, the figure's own cell first, and choosing one of the other cell
 * switches the figure to that cell (its strips, step table and, for an LSTM, the forget-bias slider),
 * with a note; choosing the fresh model returns to the figure's own cell. Hiding those models instead
 * would leave a reader who trained an LSTM and opened the GRU chapter wondering where it went.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { formatCount, formatFixed } from '../../viz';
import type { ModelFileProblem } from '../shared/trainedModelFile';
import {
  MAX_MODEL_FILE_BYTES,
  readModelFileOffThread,
  type TrainedModel,
  trainedModels,
} from '../shared/trainedModels';
import type { Bilingual, WidgetLang } from '../types';
import { cellOf, defaultLine, type GateCell, type InspectorModel, trainedInspectorModel } from './model';
import type { GateInspectorState } from './store';

type FileProblem = ModelFileProblem | 'too-large' | 'unreadable';

interface Describe {
  cell: string;
  hidden: number;
  layers: number;
  corpus: string | null;
  step: string | null;
  ppl: string | null;
  file?: string;
  vocab: number;
}

type SourceText = {
  model: string;
  fresh: (cell: string) => string;
  trainedGroup: string;
  option: (d: Describe) => string;
  caption: (d: Describe) => string;
  corpora: Record<string, string>;
  otherCorpus: (name: string) => string;
  loadFile: string;
  fileInput: string;
  reading: string;
  problem: (file: string, p: FileProblem, detail: string) => string;
  loaded: (label: string) => string;
  noTrained: string;
  switched: (model: string, figure: string) => string;
  layer: string;
  layerOption: (l: number, first: boolean) => string;
  units: string;
  unitOrder: string;
  order: { first: string; active: string };
  unitCount: string;
  all: (H: number) => string;
  shownUnits: (shown: number, H: number) => string;
  unknown: (chars: string) => string;
  share: string;
  broken: (detail: string) => string;
};

const CELL_NAME: Record<GateCell, string> = { gru: 'GRU', lstm: 'LSTM' };

export const sourceText: Bilingual<SourceText> = {
  en: {
    model: 'Model',
    fresh: (cell) => `Fresh seeded ${cell} (untrained)`,
    trainedGroup: 'Trained models (this visit)',
    option: (d) =>
      `${d.cell} ${d.layers > 1 ? `${d.layers}×` : ''}${d.hidden}` +
      (d.corpus ? ` trained on ${d.corpus}` : ' (trained)') +
      (d.step !== null ? `, step ${d.step}` : '') +
      (d.ppl !== null ? `, perplexity ${d.ppl}` : '') +
      (d.file ? ` — file ${d.file}` : ''),
    caption: (d) =>
      `A trained ${d.cell} with ${d.hidden} hidden units${d.layers > 1 ? ` in each of ${d.layers} layers` : ''}` +
      (d.corpus ? `, trained on ${d.corpus}` : '') +
      (d.step !== null ? ` for ${d.step} steps` : '') +
      (d.ppl !== null ? ` (perplexity ${d.ppl})` : '') +
      `, reading one character per step through its vocabulary of ${d.vocab} characters.`,
    corpora: { tang: 'Tang poems', english: 'English text (KJV)', own: 'your own text' },
    otherCorpus: (name) => `“${name}”`,
    loadFile: 'Load a saved model file…',
    fileInput: 'Saved model file (the JSON the trainer’s Save button writes)',
    reading: 'Reading the model file…',
    problem: (file, p, detail) =>
      `Could not load “${file}”: ` +
      {
        empty: 'the file is empty.',
        'not-json': 'it is not JSON, so it is not a model saved by the trainer.',
        'not-model':
          'it is JSON but not a model file from the trainer (its "format" is not "unrolled-char-lm").',
        'rnn-cell': 'it holds a plain RNN (tanh) model, which has no gates. Train or load a GRU or an LSTM.',
        invalid: `the model file is damaged or does not fit together (${detail}).`,
        'too-large': 'it is larger than 200 MB, far more than any model the trainer saves.',
        unreadable: `the browser could not read it (${detail}).`,
      }[p] +
      ' The figure goes on with the model it had.',
    loaded: (label) => `Loaded: ${label}.`,
    noTrained:
      'Train a GRU or LSTM in the trainer of the chapter on language models (pause or stop it), or load a saved model file, to inspect it here.',
    switched: (model, figure) =>
      `This model is a${model === 'LSTM' ? 'n' : ''} ${model}, so the figure shows its ${model} gates instead of the ${figure}’s. Choose the fresh model to return to the ${figure}.`,
    layer: 'Layer',
    layerOption: (l, first) => `Layer ${l}${first ? ' (reads the characters)' : ''}`,
    units: 'Units',
    unitOrder: 'Units shown',
    order: { first: 'the first', active: 'the most active (largest mean |h_t|)' },
    unitCount: 'How many units',
    all: (H) => `all ${H}`,
    shownUnits: (shown, H) =>
      shown < H
        ? `Showing ${shown} of the layer’s ${H} units; the row numbers are the units’ own.`
        : `Showing all ${H} units of the layer.`,
    unknown: (chars) => `Not in this model’s vocabulary: ${chars}. Each is read as the unknown token <unk>.`,
    share:
      'A trained model lives only in this page’s memory and cannot go into a link: the copied link opens this figure with the fresh seeded model (same sequence, seed and bias).',
    broken: (detail) => `This trained model could not be read (${detail}); showing the fresh model.`,
  },
  zh: {
    model: '模型',
    fresh: (cell) => `新初始化的 ${cell}（带随机种子，未经训练）`,
    trainedGroup: '训练好的模型（本次访问）',
    option: (d) =>
      `${d.cell} ${d.layers > 1 ? `${d.layers}×` : ''}${d.hidden}` +
      (d.corpus ? `，在${d.corpus}上训练` : '（已训练）') +
      (d.step !== null ? `，第 ${d.step} 步` : '') +
      (d.ppl !== null ? `，困惑度 ${d.ppl}` : '') +
      (d.file ? `——文件 ${d.file}` : ''),
    caption: (d) =>
      `一个训练过的 ${d.cell}，${d.layers > 1 ? `共 ${d.layers} 层，每层` : ''} ${d.hidden} 个隐藏单元` +
      (d.corpus ? `，在${d.corpus}上训练` : '') +
      (d.step !== null ? `了 ${d.step} 步` : '') +
      (d.ppl !== null ? `（困惑度 ${d.ppl}）` : '') +
      `；它通过自己的 ${d.vocab} 个字符的词表，每步读入一个字符。`,
    corpora: { tang: '唐诗', english: '英文文本（钦定本圣经）', own: '你自己的文本' },
    otherCorpus: (name) => `“${name}”`,
    loadFile: '加载保存的模型文件……',
    fileInput: '保存的模型文件（训练器“保存”按钮写出的 JSON）',
    reading: '正在读取模型文件……',
    problem: (file, p, detail) =>
      `无法加载“${file}”：` +
      {
        empty: '文件是空的。',
        'not-json': '它不是 JSON，因此不是训练器保存的模型。',
        'not-model': '它是 JSON，但不是训练器保存的模型文件（其 "format" 不是 "unrolled-char-lm"）。',
        'rnn-cell': '它是一个普通循环网络（tanh）模型，没有门。请训练或加载 GRU 或 LSTM。',
        invalid: `模型文件已损坏或前后不一致（${detail}）。`,
        'too-large': '它超过 200 MB，远大于训练器保存的任何模型。',
        unreadable: `浏览器无法读取它（${detail}）。`,
      }[p] +
      '此图继续使用原来的模型。',
    loaded: (label) => `已加载：${label}。`,
    noTrained:
      '在“语言模型”一章的训练器中训练一个 GRU 或 LSTM（暂停或停止训练），或加载保存的模型文件，即可在这里查看它。',
    switched: (model, figure) =>
      `这是一个 ${model} 模型，所以此图显示的是 ${model} 的门，而不是 ${figure} 的。选择新初始化的模型即可回到 ${figure}。`,
    layer: '层',
    layerOption: (l, first) => `第 ${l} 层${first ? '（直接读入字符）' : ''}`,
    units: '单元',
    unitOrder: '显示哪些单元',
    order: { first: '最前面的', active: '最活跃的（|h_t| 平均值最大）' },
    unitCount: '显示多少个单元',
    all: (H) => `全部 ${H} 个`,
    shownUnits: (shown, H) =>
      shown < H
        ? `显示该层 ${H} 个单元中的 ${shown} 个；行号是单元自己的编号。`
        : `显示该层全部 ${H} 个单元。`,
    unknown: (chars) => `不在此模型的词表中：${chars}。它们都按未知词元 <unk> 读入。`,
    share:
      '训练好的模型只存在于本页面的内存中，无法放进链接：复制的链接打开此图时使用新初始化的模型（输入序列、种子和偏置不变）。',
    broken: (detail) => `无法读取这个训练好的模型（${detail}），改为显示新初始化的模型。`,
  },
};

function describe(m: TrainedModel, t: SourceText): Describe {
  return {
    cell: CELL_NAME[m.cell],
    hidden: m.hidden,
    layers: m.layers,
    corpus: m.corpus === null ? null : (t.corpora[m.corpus] ?? t.otherCorpus(m.corpus)),
    step: m.step === null ? null : formatCount(m.step),
    ppl:
      m.perplexity === null || !Number.isFinite(m.perplexity)
        ? null
        : formatFixed(m.perplexity, m.perplexity < 10 ? 1 : 0),
    file: m.origin === 'file' ? m.fileName : undefined,
    vocab: m.vocab.length,
  };
}

/** The option text of a trained model ("LSTM 128 trained on Tang poems, step 1,200, perplexity 45"). */
export function modelLabel(m: TrainedModel, lang: WidgetLang): string {
  return sourceText[lang].option(describe(m, sourceText[lang]));
}

export interface ChosenModel {
  /** The trained model chosen, or null for the fresh one. */
  entry: TrainedModel | null;
  /** Its network, built once per published version. */
  model: InspectorModel | null;
  /** The cell drawn: the trained model's, else the figure's. */
  cell: GateCell;
  /** Why a chosen model could not be built (then the fresh model is shown). */
  error: string | null;
}

/** The figure's model: looks the chosen key up in the shared store and builds its network. */
export function useChosenModel(store: StoreApi<GateInspectorState>, figureCell: GateCell): ChosenModel {
  const key = useStore(store, (s) => s.modelKey);
  const entry = useStore(trainedModels, (s) =>
    key === null ? null : (s.models.find((m) => m.key === key) ?? null),
  );
  // a model dropped from the shared store (it keeps only the newest few): back to the fresh one
  useEffect(() => {
    if (key !== null && entry === null) store.getState().setModel(null);
  }, [key, entry, store]);
  const built = useMemo(() => {
    if (!entry) return { model: null, error: null };
    try {
      return { model: trainedInspectorModel(entry), error: null };
    } catch (e) {
      return { model: null, error: (e as Error).message };
    }
  }, [entry]);
  return {
    entry: built.model ? entry : null,
    model: built.model,
    cell: built.model ? cellOf(built.model.net) : figureCell,
    error: built.error,
  };
}

const UNIT_COUNTS = [8, 16, 32, 64] as const;

export function ModelSource({
  lang,
  store,
  figureCell,
  chosen,
}: {
  lang: WidgetLang;
  store: StoreApi<GateInspectorState>;
  figureCell: GateCell;
  chosen: ChosenModel;
}) {
  const t = sourceText[lang];
  const models = useStore(trainedModels, (s) => s.models);
  const key = useStore(store, (s) => s.modelKey);
  const layer = useStore(store, (s) => s.layer);
  const unitOrder = useStore(store, (s) => s.unitOrder);
  const unitCount = useStore(store, (s) => s.unitCount);
  const [file, setFile] = useState<
    { state: 'reading' } | { state: 'failed'; text: string } | { state: 'loaded'; text: string } | null
  >(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const ids = { model: useId(), file: useId(), layer: useId(), order: useId(), count: useId() };
  // the figure's own cell first, newest first within each
  const listed = useMemo(
    () => [...models].sort((a, b) => Number(b.cell === figureCell) - Number(a.cell === figureCell)),
    [models, figureCell],
  );
  const choose = (m: TrainedModel | null) =>
    store.getState().setModel(m ? m.key : null, m ? defaultLine(m.corpus, m.sampleLine) : null);

  const load = async (f: File) => {
    const fail = (p: FileProblem, detail = '') =>
      setFile({ state: 'failed', text: t.problem(f.name, p, detail) });
    if (f.size > MAX_MODEL_FILE_BYTES) return fail('too-large');
    setFile({ state: 'reading' });
    let json: string;
    try {
      json = await f.text();
    } catch (e) {
      return fail('unreadable', (e as Error).message ?? String(e));
    }
    const r = await readModelFileOffThread(json);
    if (!r.ok) return fail(r.problem, r.message);
    const entry = trainedModels.getState().publish({
      ...r.model,
      key: `file:${f.name}:${f.size}:${f.lastModified}`,
      origin: 'file',
      fileName: f.name,
    });
    choose(entry);
    setFile({ state: 'loaded', text: t.loaded(modelLabel(entry, lang)) });
  };

  const entry = chosen.entry;
  const H = entry?.hidden ?? 0;
  const counts = UNIT_COUNTS.filter((n) => n < H);
  return (
    <div className="gi-source">
      <div className="gi-controls">
        <label htmlFor={ids.model}>{t.model}</label>
        <select
          id={ids.model}
          className="gi-model-select"
          value={key ?? 'fresh'}
          onChange={(e) =>
            choose(e.target.value === 'fresh' ? null : (models.find((m) => m.key === e.target.value) ?? null))
          }
        >
          <option value="fresh">{t.fresh(CELL_NAME[figureCell])}</option>
          {listed.length ? (
            <optgroup label={t.trainedGroup}>
              {listed.map((m) => (
                <option key={m.key} value={m.key}>
                  {modelLabel(m, lang)}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
        <button type="button" onClick={() => fileRef.current?.click()} disabled={file?.state === 'reading'}>
          {t.loadFile}
        </button>
        <input
          ref={fileRef}
          id={ids.file}
          type="file"
          className="viz-sr-only"
          tabIndex={-1}
          accept=".json,application/json"
          aria-label={t.fileInput}
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void load(f);
          }}
        />
      </div>
      {file?.state === 'reading' ? (
        <p className="gi-hint" role="status">
          {t.reading}
        </p>
      ) : file?.state === 'failed' ? (
        <p className="gi-file-problem" role="alert">
          {file.text}
        </p>
      ) : file?.state === 'loaded' ? (
        <p className="gi-hint" role="status">
          {file.text}
        </p>
      ) : null}
      {chosen.error ? (
        <p className="gi-file-problem" role="alert">
          {t.broken(chosen.error)}
        </p>
      ) : null}
      {!listed.length && !file ? <p className="gi-hint gi-no-trained">{t.noTrained}</p> : null}
      {entry ? (
        <>
          <p className="gi-model" data-source="trained">
            {t.caption(describe(entry, t))}
          </p>
          {entry.cell !== figureCell ? (
            <p className="gi-switched" role="note">
              {t.switched(CELL_NAME[entry.cell], CELL_NAME[figureCell])}
            </p>
          ) : null}
          {entry.layers > 1 || counts.length ? (
            <div className="gi-controls gi-units">
              {entry.layers > 1 ? (
                <span className="gi-field">
                  <label htmlFor={ids.layer}>{t.layer}</label>
                  <select
                    id={ids.layer}
                    value={Math.min(layer, entry.layers - 1)}
                    onChange={(e) => store.getState().setLayer(Number(e.target.value))}
                  >
                    {Array.from({ length: entry.layers }, (_, l) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: layers are fixed positions
                      <option key={l} value={l}>
                        {t.layerOption(l + 1, l === 0)}
                      </option>
                    ))}
                  </select>
                </span>
              ) : null}
              {counts.length ? (
                <>
                  <span className="gi-field">
                    <label htmlFor={ids.order}>{t.unitOrder}</label>
                    <select
                      id={ids.order}
                      value={unitOrder}
                      onChange={(e) =>
                        store.getState().setUnits({ unitOrder: e.target.value as 'first' | 'active' })
                      }
                    >
                      <option value="first">{t.order.first}</option>
                      <option value="active">{t.order.active}</option>
                    </select>
                  </span>
                  <span className="gi-field">
                    <label htmlFor={ids.count}>{t.unitCount}</label>
                    <select
                      id={ids.count}
                      value={Math.min(unitCount, H)}
                      onChange={(e) => store.getState().setUnits({ unitCount: Number(e.target.value) })}
                    >
                      {counts.map((n) => (
                        <option key={n} value={n}>
                          {n}
                        </option>
                      ))}
                      {H <= 64 ? <option value={H}>{t.all(H)}</option> : null}
                    </select>
                  </span>
                </>
              ) : null}
            </div>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

/** Under the share button while a trained model is shown: why the link falls back to the fresh model. */
export function ShareNote({ lang, chosen }: { lang: WidgetLang; chosen: ChosenModel }) {
  if (!chosen.entry) return null;
  return <p className="gi-share-note">{sourceText[lang].share}</p>;
}

export const MODEL_SOURCE_CSS = `
.gi-source { display: grid; gap: 0.4rem; min-width: 0; }
.gi-source .gi-model-select { min-width: 0; max-width: 100%; flex: 1 1 16rem; }
.gi-units .gi-field { display: inline-flex; gap: 0.4rem; align-items: center; flex-wrap: wrap; min-width: 0; }
.gi-units select { max-width: 100%; }
.gi-file-problem { margin: 0; padding: 0.4rem 0.6rem; border-left: 3px solid var(--bad); background: var(--paper-sunk); }
.gi-switched { margin: 0; padding: 0.3rem 0.6rem; border-left: 3px solid var(--accent); }
.gi-share-note { margin: 0; font-size: 0.85rem; color: var(--ink-soft); }
`;
