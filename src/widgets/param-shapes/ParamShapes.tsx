/**
 * param-shapes: every parameter of nn.RNN / nn.GRU / nn.LSTM for the reader's settings, with its PyTorch
 * name and shape, gate_size, totals, the h0 shape and Keras' single-bias count, from the engine's records.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { formatCount, formatShape } from '../../viz';
import type { Bilingual, WidgetBaseProps, WidgetLang } from '../types';
import {
  type CellType,
  clampSize,
  DEFAULT_SETTINGS,
  decodeSettings,
  encodeSettings,
  type ParamSettings,
  paramTable,
  pytorchCall,
  SIZE_LIMITS,
  type SizeIssue,
  type SizeKey,
} from './model';
import { createParamShapesStore, ParamShapesContext, useParamShapes } from './store';

const text: Bilingual<{
  settings: string;
  cell: string;
  sizes: Record<SizeKey, string>;
  nonlinearity: string;
  bias: string;
  bidirectional: string;
  name: string;
  shape: string;
  symbolic: string;
  count: string;
  layer: (l: number) => string;
  reverse: string;
  total: string;
  gateSize: (g: number) => string;
  h0: string;
  c0: string;
  output: string;
  keras: (single: string) => string;
  kerasGru: (def: string, single: string) => string;
  kerasNoBias: string;
  table: string;
  issue: (name: string, typed: string, issue: SizeIssue, value: number, lo: number, hi: number) => string;
}> = {
  en: {
    settings: 'Settings',
    cell: 'Cell type',
    sizes: {
      inputSize: 'input_size (I)',
      hiddenSize: 'hidden_size (H)',
      numLayers: 'num_layers',
      batch: 'batch size (for h0)',
    },
    nonlinearity: 'nonlinearity (nn.RNN only)',
    bias: 'bias',
    bidirectional: 'bidirectional',
    name: 'Parameter',
    shape: 'Shape',
    symbolic: 'In symbols',
    count: 'Count',
    layer: (l) => `Layer ${l}`,
    reverse: 'reverse direction',
    total: 'Total',
    gateSize: (g) => `gate_size = ${g === 1 ? 'H' : `${g}H`}`,
    h0: 'h0 shape (num_layers·num_directions, batch, hidden)',
    c0: 'c0 shape (LSTM)',
    output: 'output per step (num_directions·hidden)',
    keras: (single) =>
      `Keras keeps one bias vector per layer and direction instead of PyTorch's two (b_ih and b_hh): ${single} parameters.`,
    kerasGru: (def, single) =>
      `Keras GRU: with its default reset_after=True it keeps two bias vectors, ${def} parameters, as PyTorch; with reset_after=False, one: ${single}.`,
    kerasNoBias: 'Without bias, Keras and PyTorch count the same.',
    table: 'Parameters, their PyTorch names and shapes',
    issue: (name, typed, issue, value, lo, hi) =>
      issue === 'not-a-number'
        ? `${typed ? `“${typed}” is not a number` : 'Please type a number'}; ${name} stays ${value}.`
        : issue === 'not-integer'
          ? `${name} must be a whole number; using ${value}.`
          : `${name} must be between ${lo} and ${hi}; using ${value}.`,
  },
  zh: {
    settings: '设置',
    cell: '单元类型',
    sizes: {
      inputSize: 'input_size（I，输入维度）',
      hiddenSize: 'hidden_size（H，隐藏维度）',
      numLayers: 'num_layers（层数）',
      batch: '批量大小（用于 h0）',
    },
    nonlinearity: 'nonlinearity（激活函数，仅 nn.RNN）',
    bias: 'bias（偏置）',
    bidirectional: 'bidirectional（双向）',
    name: '参数',
    shape: '形状',
    symbolic: '符号形式',
    count: '个数',
    layer: (l) => `第 ${l} 层`,
    reverse: '反向',
    total: '合计',
    gateSize: (g) => `gate_size = ${g === 1 ? 'H' : `${g}H`}`,
    h0: 'h0 形状（num_layers·num_directions, batch, hidden）',
    c0: 'c0 形状（LSTM）',
    output: '每个时间步的输出（num_directions·hidden）',
    keras: (single) =>
      `Keras 每层每个方向只有一个偏置向量，而 PyTorch 有两个（b_ih 与 b_hh）：共 ${single} 个参数。`,
    kerasGru: (def, single) =>
      `Keras GRU：默认 reset_after=True 时保留两个偏置向量，共 ${def} 个参数，与 PyTorch 相同；reset_after=False 时只有一个：${single}。`,
    kerasNoBias: '没有偏置时，Keras 与 PyTorch 的参数个数相同。',
    table: '参数及其 PyTorch 名称与形状',
    issue: (name, typed, issue, value, lo, hi) =>
      issue === 'not-a-number'
        ? `${typed ? `“${typed}”不是数字` : '请输入一个数'}；${name} 保持为 ${value}。`
        : issue === 'not-integer'
          ? `${name} 必须是整数；已改用 ${value}。`
          : `${name} 必须在 ${lo} 到 ${hi} 之间；已改用 ${value}。`,
  },
};

const SIZE_NAME: Record<SizeKey, string> = {
  inputSize: 'input_size',
  hiddenSize: 'hidden_size',
  numLayers: 'num_layers',
  batch: 'batch',
};

/** The page's props, as content/AUTHORING.md lists them: `cell` "rnn"|"gru"|"lstm", `layers`, `bidirectional`. */
export interface ParamShapesProps extends WidgetBaseProps {
  cell?: string;
  layers?: number;
  bidirectional?: boolean;
}

/** Page props → settings; an unknown cell name is ignored rather than breaking the figure. */
export function settingsFromProps({ cell, layers, bidirectional }: Omit<ParamShapesProps, 'lang' | 'id'>) {
  const initial: Partial<ParamSettings> = {};
  const upper = cell?.toUpperCase();
  if (upper === 'RNN' || upper === 'GRU' || upper === 'LSTM') initial.cell = upper;
  if (layers !== undefined)
    initial.numLayers = clampSize('numLayers', layers, DEFAULT_SETTINGS.numLayers).value;
  if (bidirectional !== undefined) initial.bidirectional = bidirectional;
  return initial;
}

export default function ParamShapes({ lang, id, ...props }: ParamShapesProps) {
  const initial = settingsFromProps(props);
  const [store] = useState(() => {
    const fromUrl =
      typeof window === 'undefined'
        ? null
        : decodeSettings(new URLSearchParams(window.location.search).get(id));
    return createParamShapesStore(fromUrl ?? initial);
  });
  useEffect(
    () =>
      store.subscribe((s) => {
        const url = new URL(window.location.href);
        url.searchParams.set(id, encodeSettings(s.settings));
        window.history.replaceState(window.history.state, '', url);
      }),
    [store, id],
  );
  return (
    <ParamShapesContext.Provider value={store}>
      <Body lang={lang} />
    </ParamShapesContext.Provider>
  );
}

function Body({ lang }: { lang: WidgetLang }) {
  const t = text[lang];
  const s = useParamShapes((st) => st.settings);
  const set = useParamShapes((st) => st.set);
  const notice = useParamShapes((st) => st.notice);
  const table = useMemo(() => paramTable(s), [s]);
  const ids = { cell: useId(), nl: useId(), bias: useId(), bi: useId() };
  return (
    <div className="param-shapes">
      <fieldset className="ps-controls">
        <legend>{t.settings}</legend>
        <div>
          <label htmlFor={ids.cell}>{t.cell}</label>{' '}
          <select id={ids.cell} value={s.cell} onChange={(e) => set('cell', e.target.value as CellType)}>
            <option value="RNN">nn.RNN</option>
            <option value="GRU">nn.GRU</option>
            <option value="LSTM">nn.LSTM</option>
          </select>
        </div>
        {(['inputSize', 'hiddenSize', 'numLayers', 'batch'] as const).map((k) => (
          <SizeInput key={k} sizeKey={k} label={t.sizes[k]} />
        ))}
        <div>
          <label htmlFor={ids.nl}>{t.nonlinearity}</label>{' '}
          <select
            id={ids.nl}
            value={s.nonlinearity}
            disabled={s.cell !== 'RNN'}
            onChange={(e) => set('nonlinearity', e.target.value as 'tanh' | 'relu')}
          >
            <option value="tanh">tanh</option>
            <option value="relu">relu</option>
          </select>
        </div>
        <div>
          <input
            id={ids.bias}
            type="checkbox"
            checked={s.bias}
            onChange={(e) => set('bias', e.target.checked)}
          />{' '}
          <label htmlFor={ids.bias}>{t.bias}</label>
        </div>
        <div>
          <input
            id={ids.bi}
            type="checkbox"
            checked={s.bidirectional}
            onChange={(e) => set('bidirectional', e.target.checked)}
          />{' '}
          <label htmlFor={ids.bi}>{t.bidirectional}</label>
        </div>
      </fieldset>
      <p className="ps-notice" role="status" aria-live="polite">
        {notice
          ? t.issue(
              SIZE_NAME[notice.key],
              notice.typed,
              notice.issue,
              notice.value,
              SIZE_LIMITS[notice.key][0],
              SIZE_LIMITS[notice.key][1],
            )
          : ''}
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable code line must be reachable by keyboard to scroll it */}
      <pre className="ps-call" tabIndex={0}>
        <code>{pytorchCall(s)}</code>
      </pre>
      <p className="ps-gate">
        {t.gateSize(table.gates)} = {formatCount(table.gateSize)}
      </p>
      <div className="ps-table-wrap" style={{ overflowX: 'auto' }}>
        <table className="ps-table">
          <caption>{t.table}</caption>
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.shape}</th>
              <th scope="col">{t.symbolic}</th>
              <th scope="col">{t.count}</th>
            </tr>
          </thead>
          {table.perLayer.map((layerCount, l) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: layers are in order
            <tbody key={l}>
              <tr>
                <th scope="rowgroup" colSpan={3}>
                  {t.layer(l)}
                </th>
                <td>{formatCount(layerCount)}</td>
              </tr>
              {table.rows
                .filter((r) => r.layer === l)
                .map((r) => (
                  <tr key={r.name} data-param={r.name}>
                    <th scope="row">
                      <code>{r.name}</code>
                      {r.dir === 1 ? <span className="ps-dir"> ({t.reverse})</span> : null}
                    </th>
                    <td>{formatShape(r.shape)}</td>
                    <td>{r.symbolic}</td>
                    <td>{formatCount(r.count)}</td>
                  </tr>
                ))}
            </tbody>
          ))}
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                {t.total}
              </th>
              <td data-total={table.total}>{formatCount(table.total)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <dl className="ps-facts">
        <dt>{t.h0}</dt>
        <dd>{formatShape(table.h0Shape)}</dd>
        {table.c0Shape ? (
          <>
            <dt>{t.c0}</dt>
            <dd>{formatShape(table.c0Shape)}</dd>
          </>
        ) : null}
        <dt>{t.output}</dt>
        <dd>{formatCount(table.outputFeatures)}</dd>
      </dl>
      <p className="ps-keras">
        {!s.bias
          ? t.kerasNoBias
          : table.kerasGruDefault !== null
            ? t.kerasGru(formatCount(table.kerasGruDefault), formatCount(table.kerasSingleBias))
            : t.keras(formatCount(table.kerasSingleBias))}
      </p>
    </div>
  );
}

function SizeInput({ sizeKey, label }: { sizeKey: SizeKey; label: string }) {
  const value = useParamShapes((st) => st.settings[sizeKey]);
  const setSize = useParamShapes((st) => st.setSize);
  const [draft, setDraft] = useState<string | null>(null);
  const inputId = useId();
  const [lo, hi] = SIZE_LIMITS[sizeKey];
  const commit = (typed: string) => {
    setSize(sizeKey, typed);
    setDraft(null);
  };
  return (
    <div>
      <label htmlFor={inputId}>{label}</label>{' '}
      <input
        id={inputId}
        type="number"
        inputMode="numeric"
        min={lo}
        max={hi}
        step={1}
        value={draft ?? String(value)}
        onChange={(e) => {
          const typed = e.target.value;
          const v = Number(typed);
          if (typed.trim() !== '' && Number.isInteger(v) && v >= lo && v <= hi) commit(typed);
          else setDraft(typed);
        }}
        onBlur={() => draft !== null && commit(draft)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && draft !== null) commit(draft);
        }}
        style={{ width: '6em' }}
      />
    </div>
  );
}
