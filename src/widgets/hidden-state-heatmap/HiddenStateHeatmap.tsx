/**
 * hidden-state-heatmap: hidden units × time for a typed text, for an RNN, a GRU and an LSTM built from the
 * same seed, on one diverging scale; hover or focus a cell for its exact value and character.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import {
  type ActiveCell,
  divergingScale,
  formatAuto,
  formatFixed,
  Legend,
  MatrixView,
  maxAbsOf,
  VizStyles,
} from '../../viz';
import { ShareLink, UrlNoticeBanner } from '../shared/ShareLink';
import { readFromUrl, shareUrl, writeToUrl } from '../shared/urlState';
import type { Bilingual, WidgetBaseProps, WidgetLang } from '../types';
import {
  allStates,
  CELLS,
  type CellName,
  HIDDEN,
  MAX_LENGTH,
  parseText,
  type StateMatrix,
  summarize,
} from './model';
import { createHeatmapStore, HeatmapContext, heatmapSchema, urlStateOf, useHeatmap } from './store';
import './styles.css';

type Strings = {
  input: string;
  reroll: string;
  seed: string;
  cellName: Record<CellName, string>;
  lstmView: string;
  hView: string;
  cView: string;
  unknown: (chars: string) => string;
  truncated: string;
  empty: string;
  hint: string;
  readout: (cell: string, state: string, unit: number, step: number, char: string, value: string) => string;
  cellLabel: (cell: string, state: string, unit: number, step: number, char: string, value: string) => string;
  matrixTitle: (cell: string, state: string) => string;
  legend: string;
  summary: (
    cell: string,
    state: string,
    units: number,
    steps: number,
    min: string,
    max: string,
    peak: string,
    meanAbs: string,
  ) => string;
  peak: (unit: number, step: number, char: string, value: string) => string;
  units: string;
  steps: string;
};

const text: Bilingual<Strings> = {
  en: {
    input: 'Text to read',
    reroll: 'New random weights',
    seed: 'seed',
    cellName: { rnn: 'RNN (tanh)', gru: 'GRU', lstm: 'LSTM' },
    lstmView: 'LSTM state shown',
    hView: 'hidden state h_t',
    cView: 'cell state c_t',
    unknown: (chars) => `Not in the model’s vocabulary, read as <unk>: ${chars}`,
    truncated: `Only the first ${MAX_LENGTH} characters are shown.`,
    empty: 'Type some text to see the hidden states.',
    hint: 'Hover over or focus a cell (Tab, then the arrow keys) to read its value.',
    readout: (cell, state, unit, step, char, value) =>
      `${cell}, ${state}, unit ${unit} after “${char}” (step ${step}): ${value}`,
    cellLabel: (cell, state, unit, step, char, value) =>
      `${cell} ${state}, unit ${unit}, step ${step} (${char}): ${value}`,
    matrixTitle: (cell, state) => `${cell}: ${state}`,
    legend: 'value of each unit',
    summary: (cell, state, units, steps, min, max, peak, meanAbs) =>
      `${cell}, ${state}: ${units} units over ${steps} steps; values from ${min} to ${max}; ${peak}; mean absolute value ${meanAbs}.`,
    peak: (unit, step, char, value) =>
      `the strongest is unit ${unit} after “${char}” (step ${step}) at ${value}`,
    units: 'units',
    steps: 'steps',
  },
  zh: {
    input: '要读入的文本',
    reroll: '重新随机生成权重',
    seed: '种子',
    cellName: { rnn: 'RNN（tanh）', gru: 'GRU', lstm: 'LSTM' },
    lstmView: 'LSTM 显示的状态',
    hView: '隐状态 h_t',
    cView: '记忆元 c_t',
    unknown: (chars) => `这些字符不在模型的词表中，按 <unk> 读入：${chars}`,
    truncated: `只显示前 ${MAX_LENGTH} 个字符。`,
    empty: '请输入一些文本来查看隐状态。',
    hint: '将鼠标悬停在格子上，或用 Tab 键聚焦后按方向键，即可读出数值。',
    readout: (cell, state, unit, step, char, value) =>
      `${cell}，${state}，读入“${char}”后（第 ${step} 步）单元 ${unit}：${value}`,
    cellLabel: (cell, state, unit, step, char, value) =>
      `${cell} ${state}，单元 ${unit}，第 ${step} 步（${char}）：${value}`,
    matrixTitle: (cell, state) => `${cell}：${state}`,
    legend: '各单元的取值',
    summary: (cell, state, units, steps, min, max, peak, meanAbs) =>
      `${cell}，${state}：${units} 个单元、${steps} 个时间步；取值从 ${min} 到 ${max}；${peak}；平均绝对值 ${meanAbs}。`,
    peak: (unit, step, char, value) =>
      `绝对值最大的是读入“${char}”后（第 ${step} 步）的单元 ${unit}，为 ${value}`,
    units: '单元',
    steps: '时间步',
  },
};

export interface HiddenStateHeatmapProps extends WidgetBaseProps {
  /** The text read at first (the URL, when it names this figure, wins). */
  sequence?: string;
}

export default function HiddenStateHeatmap({ lang, id, sequence = 'hello' }: HiddenStateHeatmapProps) {
  const [schema] = useState(() => heatmapSchema(sequence));
  const [{ store, notice }] = useState(() => {
    const { state, notice } = readFromUrl(id, schema);
    return { store: createHeatmapStore(state), notice };
  });
  useEffect(() => store.subscribe((s) => writeToUrl(id, schema, urlStateOf(s))), [store, id, schema]);
  return (
    <HeatmapContext.Provider value={store}>
      <div className="hsh">
        <VizStyles />
        <UrlNoticeBanner lang={lang} notice={notice} />
        <Controls lang={lang} />
        <Heatmaps lang={lang} />
        <ShareLink lang={lang} url={() => shareUrl(id, schema, urlStateOf(store.getState()))} />
      </div>
    </HeatmapContext.Provider>
  );
}

const shown = (ch: string) => (ch === ' ' ? '␣' : ch);

function Controls({ lang }: { lang: WidgetLang }) {
  const t = text[lang];
  const value = useHeatmap((s) => s.text);
  const seed = useHeatmap((s) => s.seed);
  const setText = useHeatmap((s) => s.setText);
  const reroll = useHeatmap((s) => s.reroll);
  const inputId = useId();
  return (
    <div className="hsh-controls">
      <label htmlFor={inputId}>{t.input}</label>
      <input
        id={inputId}
        type="text"
        value={value}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => setText(e.target.value)}
      />
      <button type="button" onClick={reroll}>
        {t.reroll}
      </button>
      <span className="hsh-seed">
        {t.seed} <output>{seed}</output>
      </span>
    </div>
  );
}

interface Active {
  cell: CellName;
  state: 'h' | 'c';
  unit: number;
  step: number;
  value: number;
}

function Heatmaps({ lang }: { lang: WidgetLang }) {
  const t = text[lang];
  const value = useHeatmap((s) => s.text);
  const seed = useHeatmap((s) => s.seed);
  const lstmView = useHeatmap((s) => s.lstmView);
  const parsed = useMemo(() => parseText(value), [value]);
  const states = useMemo(() => allStates(seed, parsed.ids), [seed, parsed]);
  const [active, setActive] = useState<Active | null>(null);
  const matrices: Record<CellName, StateMatrix> = useMemo(
    () => ({
      rnn: states.rnn.h,
      gru: states.gru.h,
      lstm: lstmView === 'c' && states.lstm.c ? states.lstm.c : states.lstm.h,
    }),
    [states, lstmView],
  );
  const scale = useMemo(
    () => divergingScale({ maxAbs: Math.max(...CELLS.map((c) => maxAbsOf(matrices[c].values))) }),
    [matrices],
  );
  const chars = parsed.chars.map(shown);
  const stateName = (cell: CellName) => (cell === 'lstm' && lstmView === 'c' ? 'c_t' : 'h_t');
  return (
    <>
      <div className="hsh-messages" role="status" aria-live="polite">
        {parsed.chars.length === 0 ? <p>{t.empty}</p> : null}
        {parsed.unknown.length ? (
          <p className="hsh-warning">⚠ {t.unknown(parsed.unknown.join(' '))}</p>
        ) : null}
        {parsed.truncated ? <p className="hsh-warning">⚠ {t.truncated}</p> : null}
      </div>
      {parsed.chars.length ? (
        <>
          <div className="hsh-panels">
            {CELLS.map((cell) => (
              <Panel
                key={cell}
                lang={lang}
                cell={cell}
                matrix={matrices[cell]}
                chars={chars}
                scale={scale}
                state={stateName(cell) === 'c_t' ? 'c' : 'h'}
                onActive={(a) =>
                  setActive(a ? { cell, state: stateName(cell) === 'c_t' ? 'c' : 'h', ...a } : null)
                }
              />
            ))}
          </div>
          <p className="hsh-readout" aria-live="polite">
            {active
              ? t.readout(
                  t.cellName[active.cell],
                  active.state === 'c' ? 'c_t' : 'h_t',
                  active.unit + 1,
                  active.step + 1,
                  chars[active.step] ?? '',
                  formatFixed(active.value, 4),
                )
              : t.hint}
          </p>
          <div className="hsh-legend">
            <Legend scale={scale} title={t.legend} width={260} format={(v) => formatFixed(v, 2)} />
          </div>
        </>
      ) : null}
    </>
  );
}

function Panel({
  lang,
  cell,
  matrix,
  chars,
  scale,
  state,
  onActive,
}: {
  lang: WidgetLang;
  cell: CellName;
  matrix: StateMatrix;
  chars: string[];
  scale: ReturnType<typeof divergingScale>;
  state: 'h' | 'c';
  onActive: (a: { unit: number; step: number; value: number } | null) => void;
}) {
  const t = text[lang];
  const name = t.cellName[cell];
  const stateLabel = state === 'c' ? 'c_t' : 'h_t';
  const summary = summarize(matrix);
  const headingId = useId();
  const rowLabels = useMemo(() => Array.from({ length: HIDDEN }, (_, u) => String(u + 1)), []);
  const cellSize = matrix.steps > 14 ? 18 : 22;
  return (
    <section className="hsh-panel" aria-labelledby={headingId}>
      <div className="hsh-panel-head">
        <h4 id={headingId}>{name}</h4>
        {cell === 'lstm' ? <LstmToggle lang={lang} /> : null}
      </div>
      <MatrixView
        values={matrix.values}
        rows={matrix.units}
        cols={matrix.steps}
        label={stateLabel}
        scale={scale}
        cellSize={cellSize}
        rowLabels={rowLabels}
        colLabels={chars}
        showShape={false}
        formatExact={(v) => formatFixed(v, 4)}
        cellLabel={(r, c, v) =>
          t.cellLabel(name, stateLabel, r + 1, c + 1, chars[c] ?? '', formatFixed(v, 4))
        }
        onActiveChange={(a: ActiveCell | null) =>
          onActive(a ? { unit: a.row, step: a.col, value: a.value } : null)
        }
      />
      <p className="hsh-axes" aria-hidden="true">
        ↓ {t.units} · → {t.steps}
      </p>
      {summary ? (
        <p className="viz-sr-only">
          {t.summary(
            name,
            stateLabel,
            matrix.units,
            matrix.steps,
            formatAuto(summary.min),
            formatAuto(summary.max),
            t.peak(
              summary.peak.unit + 1,
              summary.peak.step + 1,
              chars[summary.peak.step] ?? '',
              formatAuto(summary.peak.value),
            ),
            formatAuto(summary.meanAbs),
          )}
        </p>
      ) : null}
    </section>
  );
}

function LstmToggle({ lang }: { lang: WidgetLang }) {
  const t = text[lang];
  const view = useHeatmap((s) => s.lstmView);
  const setView = useHeatmap((s) => s.setLstmView);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a pair of toggle buttons, named as a group
    <div className="hsh-toggle" role="group" aria-label={t.lstmView}>
      {(['h', 'c'] as const).map((v) => (
        <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
          {view === v ? '● ' : '○ '}
          {v === 'h' ? t.hView : t.cView}
        </button>
      ))}
    </div>
  );
}
