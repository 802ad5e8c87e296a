/**
 * concat-equivalence: X W_xh + H W_hh = [X, H] [W_xh ; W_hh], with live seeded matrices of the reader's
 * sizes, both products computed and compared.
 */
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { divergingScale, formatAuto, formatCompact, formatShape, MatrixView, maxAbsOf } from '../../viz';
import { LinkedTex } from '../../viz/LinkedTex';
import type { Bilingual, WidgetBaseProps } from '../types';
import { type ConcatPart, identityLines, isConcatPart, matrixOf, PART_NAME, SYMBOLIC_SHAPE } from './linked';
import { computeEquivalence, DIM_LIMITS, type DimKey, type Mat } from './model';
import { ConcatStoreContext, createConcatStore, useConcat } from './store';
import { readUrlState, writeUrlState } from './urlState';

type Issue = 'not-a-number' | 'too-small' | 'too-large' | 'not-integer';

const text: Bilingual<{
  dims: Record<DimKey, string>;
  reroll: string;
  seed: string;
  separate: string;
  joint: string;
  agree: (diff: string) => string;
  disagree: (diff: string) => string;
  issue: (name: string, typed: string, issue: Issue, value: number, lo: number, hi: number) => string;
  sizes: string;
  identity: string;
  linkHint: string;
  /** A matrix's shape, its shape in letters, and the entry the reader last pointed at in the figure. */
  describe: (
    name: string,
    rows: number,
    cols: number,
    symbolic: string,
    r: number,
    c: number,
    v: string,
  ) => string;
}> = {
  en: {
    dims: {
      n: 'Batch size n (rows of X and H)',
      d: 'Input size d (columns of X)',
      h: 'Hidden size h (columns of H)',
    },
    reroll: 'New random matrices',
    seed: 'seed',
    separate: 'Two products, added',
    joint: 'One product of the concatenations',
    agree: (diff) => `The two results agree: the largest absolute difference is ${diff}.`,
    disagree: (diff) => `The results differ by up to ${diff}.`,
    issue: (name, typed, issue, value, lo, hi) =>
      issue === 'not-a-number'
        ? `${typed ? `“${typed}” is not a number` : 'Please type a number'}; ${name} stays ${value}.`
        : issue === 'not-integer'
          ? `${name} must be a whole number; using ${value}.`
          : `${name} must be between ${lo} and ${hi}; using ${value}.`,
    sizes: 'Sizes',
    identity: 'The identity, symbol by symbol',
    linkHint: 'Hover or focus a symbol (or a matrix) to see which matrix it is, its shape and an entry.',
    describe: (name, rows, cols, sym, r, c, v) =>
      `${name}: ${rows} × ${cols} (${sym}); entry row ${r}, column ${c} = ${v}`,
  },
  zh: {
    dims: { n: '批量大小 n（X 与 H 的行数）', d: '输入维度 d（X 的列数）', h: '隐藏维度 h（H 的列数）' },
    reroll: '重新生成随机矩阵',
    seed: '种子',
    separate: '两次乘法再相加',
    joint: '拼接后一次乘法',
    agree: (diff) => `两种算法的结果一致：最大绝对差为 ${diff}。`,
    disagree: (diff) => `两种结果最多相差 ${diff}。`,
    issue: (name, typed, issue, value, lo, hi) =>
      issue === 'not-a-number'
        ? `${typed ? `“${typed}”不是数字` : '请输入一个数'}；${name} 保持为 ${value}。`
        : issue === 'not-integer'
          ? `${name} 必须是整数；已改用 ${value}。`
          : `${name} 必须在 ${lo} 到 ${hi} 之间；已改用 ${value}。`,
    sizes: '尺寸',
    identity: '逐个符号看这个等式',
    linkHint: '悬停或聚焦某个符号（或某个矩阵），即可看到它对应的矩阵、形状和其中一个元素。',
    describe: (name, rows, cols, sym, r, c, v) =>
      `${name}：${rows} × ${cols}（${sym}）；第 ${r} 行第 ${c} 列 = ${v}`,
  },
};

export interface ConcatEquivalenceProps extends WidgetBaseProps {
  /** Initial sizes and seed (the URL, when it names this figure, wins). */
  n?: number;
  d?: number;
  h?: number;
  seed?: number;
}

export default function ConcatEquivalence({ lang, id, n, d, h, seed }: ConcatEquivalenceProps) {
  const [store] = useState(() => {
    const fromUrl = readUrlState(id);
    return createConcatStore(fromUrl ?? { dims: { n: n ?? 3, d: d ?? 1, h: h ?? 4 }, seed: seed ?? 1 });
  });
  useEffect(() => store.subscribe((s) => writeUrlState(id, s.dims, s.seed)), [store, id]);
  return (
    <ConcatStoreContext.Provider value={store}>
      <ConcatBody lang={lang} />
    </ConcatStoreContext.Provider>
  );
}

function ConcatBody({ lang }: { lang: WidgetBaseProps['lang'] }) {
  const t = text[lang];
  const dims = useConcat((s) => s.dims);
  const seed = useConcat((s) => s.seed);
  const notice = useConcat((s) => s.notice);
  const reroll = useConcat((s) => s.reroll);
  const eq = useMemo(() => computeEquivalence(dims, seed), [dims, seed]);
  const scale = useMemo(
    () =>
      divergingScale({
        maxAbs: Math.max(...[eq.X, eq.Wxh, eq.H, eq.Whh, eq.separate].map((m) => maxAbsOf(m.data))),
      }),
    [eq],
  );
  const xLabels = Array.from({ length: dims.d }, (_, k) => `x${k + 1}`);
  const hLabels = Array.from({ length: dims.h }, (_, k) => `h${k + 1}`);
  // the part lit in the figure and the equation, and the entry of each matrix the reader last pointed at
  const [focus, setFocus] = useState<ConcatPart | null>(null);
  const [entries, setEntries] = useState<Partial<Record<ConcatPart, { row: number; col: number }>>>({});
  const onFocusPart = useCallback((p: string | null) => setFocus(isConcatPart(p) ? p : null), []);
  const lines = useMemo(() => identityLines(dims), [dims]);
  const entryOf = useCallback(
    (part: ConcatPart) => {
      const m = matrixOf(eq, part);
      const e = entries[part];
      const row = e && e.row < m.rows ? e.row : 0;
      const col = e && e.col < m.cols ? e.col : 0;
      return { m, row, col, value: m.data[row * m.cols + col] };
    },
    [eq, entries],
  );
  const describe = useCallback(
    (p: string) => {
      if (!isConcatPart(p)) return p;
      const { m, row, col, value } = entryOf(p);
      return t.describe(PART_NAME[p], m.rows, m.cols, SYMBOLIC_SHAPE[p], row + 1, col + 1, formatAuto(value));
    },
    [entryOf, t],
  );
  const view = (
    part: ConcatPart,
    m: Mat,
    label: string,
    extra?: { rowLabels?: string[]; colLabels?: string[] },
  ) => (
    // biome-ignore lint/a11y/noStaticElementInteractions: pointer over a matrix lights its symbol; the cells inside are the controls
    <div
      className={`ce-matrix${focus === part ? ' ce-on' : ''}`}
      data-part={part}
      data-on={focus === part || undefined}
      onPointerEnter={() => setFocus(part)}
      onPointerLeave={() => setFocus(null)}
      onFocus={() => setFocus(part)}
      onBlur={() => setFocus(null)}
    >
      <MatrixView
        values={m.data}
        rows={m.rows}
        cols={m.cols}
        label={label}
        scale={scale}
        cellSize={38}
        onActiveChange={(a) => {
          if (a) setEntries((old) => ({ ...old, [part]: { row: a.row, col: a.col } }));
        }}
        {...extra}
      />
    </div>
  );
  const diff = eq.maxAbsDiff;
  return (
    <div className="concat-equivalence">
      <fieldset className="ce-controls">
        <legend>{t.sizes}</legend>
        {(['n', 'd', 'h'] as const).map((k) => (
          <DimInput key={k} dimKey={k} label={t.dims[k]} />
        ))}
        <button type="button" onClick={reroll}>
          {t.reroll}
        </button>
        <span className="ce-seed">
          {t.seed} {seed}
        </span>
      </fieldset>
      <p className="ce-notice" role="status" aria-live="polite">
        {notice
          ? t.issue(
              notice.key,
              notice.typed,
              notice.issue,
              notice.value,
              DIM_LIMITS[notice.key][0],
              DIM_LIMITS[notice.key][1],
            )
          : ''}
      </p>
      <style href="unrolled-concat-equivalence" precedence="default">
        {CSS}
      </style>
      <div className="ce-linked">
        <LinkedTex
          lines={lines}
          focus={focus}
          label={t.identity}
          describe={describe}
          onFocusPart={onFocusPart}
          className="ce-identity"
        />
        <p className="ce-readout">{focus ? describe(focus) : t.linkHint}</p>
      </div>
      <section className="ce-side" aria-label={t.separate}>
        <h4>
          {t.separate}: X {formatShape([dims.n, dims.d])} · W_xh {formatShape([dims.d, dims.h])} + H{' '}
          {formatShape([dims.n, dims.h])} · W_hh {formatShape([dims.h, dims.h])}
        </h4>
        <div className="ce-row" style={rowStyle}>
          {view('X', eq.X, 'X', { colLabels: xLabels })}
          <Op>·</Op>
          {view('W_xh', eq.Wxh, 'W_{xh}', { colLabels: hLabels })}
          <Op>+</Op>
          {view('H', eq.H, 'H', { colLabels: hLabels })}
          <Op>·</Op>
          {view('W_hh', eq.Whh, 'W_{hh}', { colLabels: hLabels })}
          <Op>=</Op>
          {view('sum', eq.separate, 'X W_{xh} + H W_{hh}', { colLabels: hLabels })}
        </div>
      </section>
      <section className="ce-side" aria-label={t.joint}>
        <h4>
          {t.joint}: [X, H] {formatShape([dims.n, dims.d + dims.h])} · [W_xh ; W_hh]{' '}
          {formatShape([dims.d + dims.h, dims.h])}
        </h4>
        <div className="ce-row" style={rowStyle}>
          {view('XH', eq.XH, '[X, H]', { colLabels: [...xLabels, ...hLabels] })}
          <Op>·</Op>
          {view('W', eq.W, '[W_{xh} ; W_{hh}]', { rowLabels: [...xLabels, ...hLabels], colLabels: hLabels })}
          <Op>=</Op>
          {view('joint', eq.joint, '[X, H] W', { colLabels: hLabels })}
        </div>
      </section>
      <p className="ce-verdict" aria-live="polite">
        {diff <= 1e-12 ? t.agree(formatCompact(diff)) : t.disagree(formatCompact(diff))}
      </p>
    </div>
  );
}

const rowStyle = { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '0.5rem' } as const;

function Op({ children }: { children: string }) {
  return (
    <span className="ce-op" aria-hidden="true" style={{ fontSize: '1.4em' }}>
      {children}
    </span>
  );
}

const CSS = `
.ce-linked { display: grid; gap: 0.2rem; min-width: 0; max-width: 100%; }
.ce-identity { font-size: 1.2rem; }
.ce-identity .viz-lt-eq-whole { justify-self: center; }
.ce-readout { margin: 0; min-height: 1.4em; font-size: 0.85rem; color: var(--ink-soft, var(--viz-muted));
  font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
.ce-matrix { border-radius: 6px; padding: 2px; box-shadow: 0 0 0 2px transparent; transition: box-shadow 120ms ease; }
.ce-matrix.ce-on { box-shadow: 0 0 0 2px var(--focus, var(--viz-highlight));
  background: color-mix(in srgb, var(--focus, var(--viz-highlight)) 10%, transparent); }
@media (prefers-reduced-motion: reduce) { .ce-matrix { transition: none; } }
`;

function DimInput({ dimKey, label }: { dimKey: DimKey; label: string }) {
  const value = useConcat((s) => s.dims[dimKey]);
  const setDim = useConcat((s) => s.setDim);
  const [draft, setDraft] = useState<string | null>(null);
  const inputId = useId();
  const [lo, hi] = DIM_LIMITS[dimKey];
  const commit = (typed: string) => {
    setDim(dimKey, typed);
    setDraft(null);
  };
  return (
    <div className="ce-dim">
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
          // commit at once when the typed value is a valid size; otherwise wait for blur or Enter
          if (typed.trim() !== '' && Number.isInteger(v) && v >= lo && v <= hi) commit(typed);
          else setDraft(typed);
        }}
        onBlur={() => draft !== null && commit(draft)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && draft !== null) commit(draft);
        }}
        style={{ width: '4em' }}
      />
    </div>
  );
}
