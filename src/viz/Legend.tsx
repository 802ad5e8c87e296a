import { useId } from 'react';
import { formatAuto } from './format';
import type { ThemedColorScale } from './scales';
import { neutral } from './theme';
import { VizStyles } from './VizStyles';
import { valuedStyle } from './valued';

export interface LegendProps {
  scale: ThemedColorScale;
  /** Visible title, e.g. "value" or "‖∂L/∂h_t‖". */
  title: string;
  /** Width in user units. Default 240. */
  width?: number;
  /** Approximate tick count. Default 5. */
  ticks?: number;
  format?: (v: number) => string;
}

const STEPS = 48;

/** A colour ramp with ticks for a diverging or magnitude scale, with a screen-reader description. */
export function Legend({ scale, title, width = 240, ticks = 5, format = formatAuto }: LegendProps) {
  const titleId = useId();
  const descId = useId();
  const pad = 14;
  const barW = width - 2 * pad;
  const barY = 18;
  const barH = 10;
  const height = barY + barH + 22;
  const [lo, hi] = scale.domain;
  // position along the bar in [0, 1] for a value: the scale's own t (log scales are log-spaced)
  const pos = (v: number) => Math.min(1, Math.max(0, scale.t(v)));
  // the value at a position u, inverting t by bisection (t is monotone)
  const valueAt = (u: number) => {
    let a = lo;
    let b = hi;
    for (let k = 0; k < 60; k++) {
      const m = scale.log ? Math.sqrt(Math.max(a, Number.MIN_VALUE) * b) : (a + b) / 2;
      if (pos(m) < u) a = m;
      else b = m;
    }
    return (a + b) / 2;
  };
  const step = barW / STEPS;
  return (
    <svg
      className="viz-svg viz-legend"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={titleId}
      aria-describedby={descId}
      style={{ maxWidth: `${width * 1.4}px` }}
    >
      <title id={titleId}>{title}</title>
      <VizStyles />
      <desc id={descId}>{scale.describe(format)}</desc>
      <text x={pad} y={9} fontSize={11} dominantBaseline="central" fill="currentColor">
        {title}
      </text>
      {Array.from({ length: STEPS }, (_, k) => (
        <rect
          // biome-ignore lint/suspicious/noArrayIndexKey: fixed ramp
          key={k}
          className="viz-valued"
          style={valuedStyle(scale, valueAt((k + 0.5) / STEPS))}
          x={pad + k * step}
          y={barY}
          width={step + 0.3}
          height={barH}
        />
      ))}
      <rect
        x={pad}
        y={barY}
        width={barW}
        height={barH}
        fill="none"
        stroke={neutral('grid')}
        strokeWidth={0.75}
      />
      {scale.ticks(ticks).map((v) => {
        const x = pad + pos(v) * barW;
        return (
          <g key={v}>
            <line x1={x} x2={x} y1={barY + barH} y2={barY + barH + 4} stroke={neutral('muted')} />
            <text
              x={x}
              y={barY + barH + 12}
              fontSize={9}
              textAnchor="middle"
              dominantBaseline="central"
              fill={neutral('muted')}
            >
              {format(v)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
