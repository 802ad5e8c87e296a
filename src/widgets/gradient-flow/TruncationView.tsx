/**
 * The "truncation" view: for a loss at every step, the triangle of contributions e_i M_{i,t} (loss at step
 * i reaching state t ≤ i) that full BPTT, truncation at k and randomized truncation keep, and what each does
 * to ∂L/∂W_hh.
 */
import { memo, useMemo } from 'react';
import {
  formatCompact,
  formatFixed,
  formatPercent,
  Legend,
  magnitudeScale,
  neutral,
  type ThemedColorScale,
  valuedStyle,
} from '../../viz';
import type { WidgetLang } from '../types';
import { ErrorNote } from './ErrorNote';
import type { Ingredients, Setup } from './model';
import { useFlow } from './store';
import { strings } from './strings';
import { computeTruncation, STRATEGIES, type Strategy, type TruncationResult } from './truncation';

export function TruncationView({ lang, setup, ing }: { lang: WidgetLang; setup: Setup; ing: Ingredients }) {
  const t = strings[lang];
  const k = useFlow((s) => s.k);
  const activation = useFlow((s) => s.activation);
  const draw = useFlow((s) => s.draw);
  const result = useMemo((): TruncationResult | Error => {
    try {
      return computeTruncation(setup, activation, k, draw, ing);
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  }, [setup, activation, k, draw, ing]);
  if (result instanceof Error) return <ErrorNote lang={lang} message={result.message} />;
  const { T } = result;
  const values: number[] = [];
  for (const s of STRATEGIES)
    for (let q = 0; q < T * T; q++) {
      const v = result.pair[q] * result.weight[s][q];
      if (v > 0 && Number.isFinite(v)) values.push(v);
    }
  const hi = values.length ? Math.max(...values) : 1;
  const lo = values.length ? Math.max(Math.min(...values), hi * 1e-16) : hi * 1e-6;
  const scale = magnitudeScale({ domain: [lo, hi], log: true });
  const notes = t.strategyNote(k, formatFixed(result.pi, 2));
  return (
    <div className="gf-panel">
      <p className="gf-note">{t.truncOnlyRnn}</p>
      {!result.finite ? <ErrorNote lang={lang} message={t.diverged(t.nets[`rnn-${activation}`])} /> : null}
      <div className="gf-tri-grid">
        {STRATEGIES.map((s) => (
          <figure key={s} data-strategy={s}>
            <Triangle
              result={result}
              strategy={s}
              scale={scale}
              title={t.triTitle(t.strategies[s])}
              axis={t.triAxis}
            />
            <figcaption>
              <strong>{t.strategies[s]}</strong> {notes[s]}
            </figcaption>
          </figure>
        ))}
      </div>
      <Legend scale={scale} title={t.triLegend} format={formatCompact} />
      <p className="gf-note">
        ■ {t.kept} · □ {t.dropped} · ▣ {t.reweighted}
      </p>
      <table className="gf-summary">
        <caption>{t.summaryCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colStrategy}</th>
            <th scope="col">{t.colNorm}</th>
            <th scope="col">{t.colError}</th>
            <th scope="col">{t.colDropped}</th>
            <th scope="col">{t.colPairs}</th>
          </tr>
        </thead>
        <tbody>
          {STRATEGIES.map((s) => (
            <tr key={s} data-summary={s}>
              <th scope="row">{t.strategies[s]}</th>
              <td>{formatCompact(result.summary[s].norm)}</td>
              <td>{formatPercent(result.summary[s].relError)}</td>
              <td>{formatPercent(result.summary[s].droppedShare)}</td>
              <td>
                {result.summary[s].kept} / {(T * (T + 1)) / 2}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <PerLossTable result={result} lang={lang} />
    </div>
  );
}

const Triangle = memo(function Triangle({
  result,
  strategy,
  scale,
  title,
  axis,
}: {
  result: TruncationResult;
  strategy: Strategy;
  scale: ThemedColorScale;
  title: string;
  axis: { loss: string; state: string };
}) {
  const { T, pair, weight } = result;
  const size = 200;
  const m = 16;
  const c = size / T;
  const w = weight[strategy];
  let dropped = '';
  let heavy = '';
  const cells: { key: number; x: number; y: number; v: number }[] = [];
  for (let i = 0; i < T; i++)
    for (let t = 0; t <= i; t++) {
      const q = i * T + t;
      const x = m + t * c;
      const y = m + i * c;
      if (w[q] === 0)
        dropped += `M${x.toFixed(2)} ${y.toFixed(2)}h${c.toFixed(2)}v${c.toFixed(2)}h${(-c).toFixed(2)}Z`;
      else {
        cells.push({ key: q, x, y, v: pair[q] * w[q] });
        if (w[q] > 1)
          heavy += `M${(x + 0.5).toFixed(2)} ${(y + 0.5).toFixed(2)}h${(c - 1).toFixed(2)}v${(c - 1).toFixed(2)}h${(1 - c).toFixed(2)}Z`;
      }
    }
  return (
    <svg className="viz-svg" viewBox={`0 0 ${size + m + 4} ${size + m + 4}`} role="img" aria-label={title}>
      <text x={m} y={10} fontSize={9} fill={neutral('muted')}>
        {axis.state}
      </text>
      <text transform={`translate(9 ${m}) rotate(90)`} fontSize={9} fill={neutral('muted')}>
        {axis.loss}
      </text>
      {cells.map((cell) => (
        <rect
          key={cell.key}
          className="viz-valued"
          style={valuedStyle(scale, cell.v)}
          x={cell.x}
          y={cell.y}
          width={c + 0.15}
          height={c + 0.15}
        />
      ))}
      {dropped ? (
        <path d={dropped} fill="none" stroke={neutral('grid')} strokeWidth={Math.min(0.8, c / 4)} />
      ) : null}
      {heavy ? (
        <path d={heavy} fill="none" stroke={neutral('ink')} strokeWidth={Math.min(1.2, c / 3)} />
      ) : null}
    </svg>
  );
});

function PerLossTable({ result, lang }: { result: TruncationResult; lang: WidgetLang }) {
  const t = strings[lang];
  const { T, pairW, weight } = result;
  const rows = Array.from({ length: T }, (_, i) => {
    let total = 0;
    const kept: Record<Strategy, number> = { full: 0, truncated: 0, randomized: 0 };
    for (let s = 0; s <= i; s++) {
      total += pairW[i * T + s];
      for (const st of STRATEGIES) if (weight[st][i * T + s] > 0) kept[st] += pairW[i * T + s];
    }
    return { i, total, kept };
  });
  return (
    <div className="viz-sr-only">
      <table>
        <caption>{t.perLoss}</caption>
        <thead>
          <tr>
            <th scope="col">i</th>
            {STRATEGIES.map((s) => (
              <th key={s} scope="col">
                {t.strategies[s]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.i}>
              <th scope="row">{r.i + 1}</th>
              {STRATEGIES.map((s) => (
                <td key={s}>{formatPercent(r.total > 0 ? r.kept[s] / r.total : 1)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
