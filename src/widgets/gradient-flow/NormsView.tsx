/** The "norms" view: ‖∂L/∂h_t‖ on a log scale per cell, the Jacobian product, the spectrum, clipping. */
import { useId } from 'react';
import { formatCompact, formatFixed, LineChart, neutral, roleColor, type Series, THEME } from '../../viz';
import type { WidgetLang } from '../types';
import { ErrorNote } from './ErrorNote';
import { type Link, LinkedEquations, linkProps } from './LinkedEquations';
import { isLinked } from './linked';
import { clipSummary, decadesPerStep, type FlowResult, NET_KEYS, type NetKey } from './model';
import { useFlow } from './store';
import { strings } from './strings';

/** Colour and dash per network (dashes, so colour is never the only signal). */
export const NET_STYLE: Record<NetKey, { color: string; dash?: string }> = {
  'rnn-tanh': { color: roleColor('h') },
  'rnn-relu': { color: roleColor('y'), dash: '2 3' },
  gru: { color: roleColor('z'), dash: '8 4' },
  lstm: { color: roleColor('f'), dash: '12 3 2 3' },
};

const steps = (T: number, from = 1) => Array.from({ length: T - from + 1 }, (_, k) => k + from);

export function NormsView({
  lang,
  flow,
  selected,
  link,
}: {
  lang: WidgetLang;
  flow: FlowResult;
  selected: NetKey;
  /** Math linked to the figure: the part lit, and how to light one. */
  link?: Link;
}) {
  const t = strings[lang];
  const compare = useFlow((s) => s.compare);
  const { T } = flow.setup;
  const keys = compare ? [selected, ...NET_KEYS.filter((k) => k !== selected)] : [selected];
  const series: Series[] = keys.map((k) => ({
    name: t.nets[k],
    values: flow.cells[k].dhNorm,
    x: steps(T),
    ...NET_STYLE[k],
  }));
  const sel = flow.cells[selected];
  const diverged = keys.filter((k) => !flow.cells[k].finite);
  const rho = flow.spectrum.radius;
  const sigma = flow.spectrum.singular[0];
  const jacSeries: Series[] = [
    {
      name: t.jacSeries,
      values: flow.jacobian,
      x: steps(T, 0),
      ...NET_STYLE[selected],
    },
    {
      name: t.rhoSeries,
      values: steps(T, 0).map((s) => rho ** (T - s)),
      x: steps(T, 0),
      color: neutral('muted'),
      dash: '4 3',
    },
    {
      name: t.sigmaSeries,
      values: steps(T, 0).map((s) => sigma ** (T - s)),
      x: steps(T, 0),
      color: neutral('ink'),
      dash: '1 3',
    },
  ];
  return (
    <>
      {link ? <LinkedEquations lang={lang} flow={flow} selected={selected} link={link} /> : null}
      <div className="gf-panels">
        <div className="gf-panel">
          {diverged.length ? (
            <ErrorNote lang={lang} message={diverged.map((k) => t.diverged(t.nets[k])).join(' ')} />
          ) : null}
          <div {...linkProps('norms-chart', link, 'gf-linkable')}>
            <LineChart
              series={series}
              title={t.normsTitle}
              xLabel={t.xStep}
              yLabel={t.yGrad}
              logY
              format={formatCompact}
              height={260}
            />
          </div>
          <p className="gf-note" data-slope={decadesPerStep(sel.dhNorm)}>
            {t.slope(t.nets[selected], formatSignedDecades(decadesPerStep(sel.dhNorm)))}
          </p>
          <h4>
            {t.jacTitle} ({t.nets[selected]})
          </h4>
          <div {...linkProps('jac-chart', link, 'gf-linkable')}>
            <LineChart
              series={jacSeries}
              title={t.jacTitle}
              xLabel={t.xStep}
              yLabel={t.yJac}
              logY
              format={formatCompact}
              height={200}
            />
          </div>
        </div>
        <div className="gf-panel">
          <EigenPlot lang={lang} flow={flow} link={link} />
          <ClipPanel lang={lang} norm={sel.paramNorm} name={t.nets[selected]} />
        </div>
      </div>
    </>
  );
}

function formatSignedDecades(d: number): string {
  if (!Number.isFinite(d)) return '—';
  return `${d > 0 ? '+' : ''}${formatFixed(d, 3)}`;
}

function EigenPlot({ lang, flow, link }: { lang: WidgetLang; flow: FlowResult; link?: Link }) {
  const t = strings[lang];
  const titleId = useId();
  const descId = useId();
  const { eigen, radius, singular } = flow.spectrum;
  const size = 220;
  const c = size / 2;
  const extent = Math.max(1.25, radius * 1.1, ...(Number.isFinite(radius) ? [] : [1.25]));
  const s = (c - 12) / extent;
  const glyph = THEME.h.glyph;
  return (
    <div className="gf-panel">
      <h4>{t.eigTitle}</h4>
      <div {...linkProps('eigen', link, 'gf-linkable gf-eigen')}>
        <svg
          className="viz-svg"
          viewBox={`0 0 ${size} ${size}`}
          role="img"
          aria-labelledby={titleId}
          aria-describedby={descId}
          style={{ maxWidth: '260px' }}
        >
          <title id={titleId}>{t.eigTitle}</title>
          <desc id={descId}>{t.eigDesc(formatFixed(radius, 3), formatFixed(singular[0], 3))}</desc>
          <line x1={6} x2={size - 6} y1={c} y2={c} stroke={neutral('grid')} />
          <line y1={6} y2={size - 6} x1={c} x2={c} stroke={neutral('grid')} />
          <circle cx={c} cy={c} r={s} fill="none" stroke={neutral('ink')} strokeWidth={1.25} />
          <circle
            cx={c}
            cy={c}
            r={s * radius}
            fill="none"
            stroke={roleColor('grad')}
            strokeDasharray="4 3"
            data-link="eigen-rho"
            data-linked={isLinked('eigen-rho', link?.part ?? null) || undefined}
            className="gf-rho"
          />
          <text x={c + s * 0.72} y={c - s * 0.72 - 4} fontSize={9} fill={neutral('muted')}>
            {t.unitCircle}
          </text>
          <text x={c + 3} y={c - s * radius - 3} fontSize={9} fill={roleColor('grad')}>
            ρ = {formatFixed(radius, 2)}
          </text>
          {eigen.map((z, k) =>
            Number.isFinite(z.re) ? (
              <text
                // biome-ignore lint/suspicious/noArrayIndexKey: eigenvalues are listed in a fixed order
                key={k}
                x={c + z.re * s}
                y={c - z.im * s}
                fontSize={11}
                textAnchor="middle"
                dominantBaseline="central"
                fill={Math.hypot(z.re, z.im) > 1 ? roleColor('f') : roleColor('h')}
              >
                {Math.hypot(z.re, z.im) > 1 ? '✕' : glyph}
              </text>
            ) : null,
          )}
        </svg>
      </div>
      <p className="gf-note">{t.eigDesc(formatFixed(radius, 3), formatFixed(singular[0], 3))}</p>
      <p className="gf-note">{t.eigNote}</p>
      <div className="viz-sr-only">
        <table>
          <caption>{t.eigTable}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t.real}</th>
              <th scope="col">{t.imag}</th>
              <th scope="col">{t.modulus}</th>
              <th scope="col">{t.singular}</th>
            </tr>
          </thead>
          <tbody>
            {eigen.map((z, k) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: fixed order
              <tr key={k}>
                <th scope="row">{k + 1}</th>
                <td>{formatFixed(z.re, 3)}</td>
                <td>{formatFixed(z.im, 3)}</td>
                <td>{formatFixed(Math.hypot(z.re, z.im), 3)}</td>
                <td>{formatFixed(singular[k], 3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function ClipPanel({ lang, norm, name }: { lang: WidgetLang; norm: number; name: string }) {
  const t = strings[lang];
  const threshold = useFlow((s) => s.clip);
  const c = clipSummary(norm, threshold);
  // bar lengths on a log scale spanning the two values and θ
  const vals = [c.before, c.after, threshold].filter((v) => v > 0 && Number.isFinite(v));
  const lo = Math.log10(Math.min(...vals, 1e-3)) - 0.5;
  const hi = Math.log10(Math.max(...vals, 1)) + 0.2;
  const pct = (v: number) =>
    v > 0 && Number.isFinite(v) ? `${Math.max(2, (100 * (Math.log10(v) - lo)) / (hi - lo))}%` : '100%';
  return (
    <div className="gf-panel" data-clipped={c.clipped}>
      <h4>
        {t.clipTitle} ({name})
      </h4>
      <div className="gf-clipbars">
        <span>{t.clipBefore}</span>
        <div className="gf-bar" style={{ width: pct(c.before), background: roleColor('grad') }} />
        <span>{formatCompact(c.before)}</span>
        <span>{t.clipAfter}</span>
        <div className="gf-bar" style={{ width: pct(c.after), background: roleColor('h') }} />
        <span>{formatCompact(c.after)}</span>
        <span>θ</span>
        <div
          className="gf-bar"
          style={{ width: pct(threshold), borderStyle: 'dashed', background: 'transparent' }}
        />
        <span>{formatCompact(threshold)}</span>
      </div>
      <p className="gf-note" aria-live="polite">
        {t.clipSays(formatCompact(c.before), formatCompact(c.after), formatCompact(c.factor), c.clipped)}
      </p>
      <p className="gf-note">{t.clipNote}</p>
    </div>
  );
}
