/**
 * gate-inspector's equations beside the strips: every gate and state symbol is linked to its strip. Hovering
 * or focusing a symbol outlines the strip and its unit's row and names the value at the character in focus
 * (the last one when none is) and the chosen unit; pointing at a strip lights its symbols.
 */
import { useCallback, useId, useMemo, useState } from 'react';
import { type ActiveCell, formatFixed } from '../../viz';
import { LinkedTex } from '../../viz/LinkedTex';
import type { Bilingual, WidgetLang } from '../types';
import { type GatePart, gateLines, isGatePart, stripOf, valueAt } from './gateLines';
import type { GateCell, Inspection, StripName } from './model';

const SYMBOL: Record<GatePart, string> = {
  r: 'R_t',
  z: 'Z_t',
  i: 'I_t',
  f: 'F_t',
  o: 'O_t',
  c: 'C_t',
  h: 'H_t',
  hprev: 'H_t−1',
  cprev: 'C_t−1',
};

type Text = {
  label: string;
  unit: string;
  at: (k: number, ch: string, last: boolean) => string;
  hint: string;
  names: Record<GatePart, string>;
  value: (sym: string, name: string, k: number, ch: string, u: number, v: string) => string;
  initial: (sym: string, name: string, u: number) => string;
};

const TEXT: Bilingual<Text> = {
  en: {
    label: 'The cell’s equations: hover or focus a gate to see its strip and value',
    unit: 'Unit',
    at: (k, ch, last) =>
      `Values at step ${k} (${ch})${last ? ', the last; hover a character for another' : ''}`,
    hint: 'Hover or focus a symbol to outline its strip and read its value at this step and unit.',
    names: {
      r: 'reset gate',
      z: 'update gate',
      i: 'input gate',
      f: 'forget gate',
      o: 'output gate',
      c: 'cell state',
      h: 'hidden state',
      hprev: 'previous hidden state',
      cprev: 'previous cell state',
    },
    value: (sym, name, k, ch, u, v) => `${sym}, ${name}, at step ${k} (${ch}), unit ${u}: ${v}`,
    initial: (sym, name, u) => `${sym}, ${name}: before the first step it is the initial state, unit ${u}: 0`,
  },
  zh: {
    label: '单元的方程：悬停或聚焦某个门，即可看到它的热图与取值',
    unit: '单元',
    at: (k, ch, last) => `第 ${k} 步（${ch}）的取值${last ? '，即最后一步；悬停在其他字符上可切换' : ''}`,
    hint: '悬停或聚焦某个符号，即可框出它的热图，并读出它在该步、该单元的取值。',
    names: {
      r: '重置门',
      z: '更新门',
      i: '输入门',
      f: '遗忘门',
      o: '输出门',
      c: '记忆元',
      h: '隐状态',
      hprev: '上一步的隐状态',
      cprev: '上一步的记忆元',
    },
    value: (sym, name, k, ch, u, v) => `${sym}，${name}，第 ${k} 步（${ch}），单元 ${u}：${v}`,
    initial: (sym, name, u) => `${sym}，${name}：第一步之前为初始状态，单元 ${u}：0`,
  },
};

const CSS = `
.gi-eqs { display: grid; gap: 0.25rem; min-width: 0; padding: 0.4rem 0.5rem; border: 1px solid var(--rule, var(--viz-grid));
  border-radius: 6px; }
.gi-eqs-head { display: flex; flex-wrap: wrap; gap: 0.3rem 0.8rem; align-items: center; font-size: 0.85rem; color: var(--ink-soft, var(--viz-muted)); }
.gi-eqs-head select { font: inherit; }
.gi-eqs-readout { margin: 0; min-height: 1.4em; font-size: 0.85rem; color: var(--ink-soft, var(--viz-muted));
  font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
.gi-eqs .viz-lt-equations { font-size: 0.92rem; }
.gi-eqs [data-part="r"] { border-bottom: 2px solid var(--gate-reset); }
.gi-eqs [data-part="z"] { border-bottom: 2px solid var(--gate-update); }
.gi-eqs [data-part="i"] { border-bottom: 2px solid var(--gate-input); }
.gi-eqs [data-part="f"] { border-bottom: 2px solid var(--gate-forget); }
.gi-eqs [data-part="o"] { border-bottom: 2px solid var(--gate-output); }
.gi-eqs [data-part="c"], .gi-eqs [data-part="cprev"] { border-bottom: 2px solid var(--cell-state); }
.gi-eqs [data-part="h"], .gi-eqs [data-part="hprev"] { border-bottom: 2px solid var(--state-hidden); }
.gi-strip { border-radius: 6px; transition: box-shadow 120ms ease; }
.gi-strip[data-linked] { box-shadow: 0 0 0 2px var(--focus, var(--viz-highlight));
  background: color-mix(in srgb, var(--focus, var(--viz-highlight)) 7%, transparent); }
@media (prefers-reduced-motion: reduce) { .gi-strip { transition: none; } }
`;

/** The link between the equations and the strips: which symbol (or strip) is in focus, and the unit. */
export interface GateLink {
  part: GatePart | null;
  /** Whether the focus came from the figure (a strip lights all its symbols) or from a symbol. */
  fromFigure: boolean;
  unit: number;
  setPart: (part: GatePart | null, fromFigure?: boolean) => void;
  setUnit: (unit: number) => void;
  /** Props for a strip's section: marked when linked; pointing at it lights its symbols. */
  strip: (s: StripName) => {
    'data-linked'?: true;
    onPointerEnter: () => void;
    onPointerLeave: () => void;
    onFocus: () => void;
    onBlur: () => void;
  };
  /** The unit row to outline in a strip (undefined when the strip is not linked). */
  row: (s: StripName) => number | undefined;
  /** A strip cell under the pointer or focus: its unit becomes the linked unit. */
  onCell: (cell: ActiveCell | null) => void;
}

export function useGateLink(): GateLink {
  const [state, setState] = useState<{ part: GatePart | null; fromFigure: boolean }>({
    part: null,
    fromFigure: false,
  });
  const [unit, setUnit] = useState(0);
  return useMemo(() => {
    const setPart = (part: GatePart | null, fromFigure = false) => setState({ part, fromFigure });
    const linked = (s: StripName) => state.part !== null && stripOf(state.part) === s;
    return {
      ...state,
      unit,
      setPart,
      setUnit,
      strip: (s) => ({
        'data-linked': linked(s) || undefined,
        onPointerEnter: () => setPart(s, true),
        onPointerLeave: () => setPart(null),
        onFocus: () => setPart(s, true),
        onBlur: () => setPart(null),
      }),
      row: (s) => (linked(s) ? unit : undefined),
      onCell: (cell) => {
        if (cell) setUnit(cell.row);
      },
    };
  }, [state, unit]);
}

export function GateEquations({
  lang,
  cell,
  result,
  chars,
  step,
  link,
  unitIds,
}: {
  lang: WidgetLang;
  cell: GateCell;
  result: Inspection;
  /** The model's unit number of each row of `result` (a trained model shows a subset); default 0…H−1. */
  unitIds?: readonly number[];
  chars: readonly string[];
  /** The character in focus (null: none, the last one is used). */
  step: number | null;
  link: GateLink;
}) {
  const t = TEXT[lang];
  const unitId = useId();
  const lines = useMemo(() => gateLines(cell), [cell]);
  const k = step ?? result.T - 1;
  const unit = Math.min(link.unit, result.H - 1);
  const unitName = useCallback((u: number) => (unitIds?.[u] ?? u) + 1, [unitIds]);
  const ch = chars[k] === ' ' ? '␣' : (chars[k] ?? '');
  const describe = useCallback(
    (p: string) => {
      if (!isGatePart(p)) return p;
      const v = valueAt(result, p, k, unit);
      if ((p === 'hprev' || p === 'cprev') && k === 0)
        return t.initial(SYMBOL[p], t.names[p], unitName(unit));
      return t.value(SYMBOL[p], t.names[p], k + 1, ch, unitName(unit), v === null ? '—' : formatFixed(v, 3));
    },
    [result, k, unit, ch, t, unitName],
  );
  const { part, fromFigure, setPart } = link;
  const lit = useCallback(
    (p: string) => part !== null && (p === part || (fromFigure && isGatePart(p) && stripOf(p) === part)),
    [part, fromFigure],
  );
  const onFocusPart = useCallback((p: string | null) => setPart(isGatePart(p) ? p : null), [setPart]);
  if (result.T === 0) return null;
  return (
    <div className="gi-eqs">
      <style href="unrolled-gate-equations" precedence="default">
        {CSS}
      </style>
      <div className="gi-eqs-head">
        <span>{t.at(k + 1, ch, step === null)}</span>
        <span>
          <label htmlFor={unitId}>{t.unit}</label>{' '}
          <select id={unitId} value={unit} onChange={(e) => link.setUnit(Number(e.target.value))}>
            {Array.from({ length: result.H }, (_, u) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: units are fixed positions
              <option key={u} value={u}>
                {unitName(u)}
              </option>
            ))}
          </select>
        </span>
      </div>
      <LinkedTex
        lines={lines}
        focus={part}
        lit={lit}
        label={t.label}
        describe={describe}
        onFocusPart={onFocusPart}
      />
      <p className="gi-eqs-readout">{part ? describe(part) : t.hint}</p>
    </div>
  );
}
