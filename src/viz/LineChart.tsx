import { extent } from 'd3-array';
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { useId } from 'react';
import { formatAuto, formatCompact } from './format';
import { neutral } from './theme';
import { VizStyles } from './VizStyles';

export interface Series {
  name: string;
  /** y values; x defaults to 0, 1, 2, … */
  values: ArrayLike<number>;
  x?: ArrayLike<number>;
  /** Stroke colour, e.g. roleColor('f'). */
  color: string;
  /** Dash pattern, so series differ by more than colour. */
  dash?: string;
}

export interface LineChartProps {
  series: readonly Series[];
  /** Accessible title (and the hidden table's caption). */
  title: string;
  xLabel?: string;
  yLabel?: string;
  /** Logarithmic y axis (non-positive values are left out). */
  logY?: boolean;
  /** Fixed y domain; default the data's extent. */
  yDomain?: [number, number];
  width?: number;
  height?: number;
  format?: (v: number) => string;
  /** Rows of the hidden table beyond which the data are sampled. Default 100. */
  maxTableRows?: number;
}

/**
 * A small live chart: one or more series with a legend, linear or log y, sized by its viewBox. The same
 * numbers are in a visually hidden table for screen readers.
 */
export function LineChart({
  series,
  title,
  xLabel,
  yLabel,
  logY = false,
  yDomain,
  width = 480,
  height = 220,
  format = formatAuto,
  maxTableRows = 100,
}: LineChartProps) {
  const titleId = useId();
  const m = { top: 10 + (series.length > 1 ? 16 : 0), right: 12, bottom: 32, left: 52 };
  const xs = (s: Series, k: number) => (s.x ? s.x[k] : k);
  const ok = (v: number) => Number.isFinite(v) && (!logY || v > 0);
  const allX: number[] = [];
  const allY: number[] = [];
  for (const s of series)
    for (let k = 0; k < s.values.length; k++)
      if (ok(s.values[k])) {
        allX.push(xs(s, k));
        allY.push(s.values[k]);
      }
  const [x0, x1] = extent(allX) as [number | undefined, number | undefined];
  let [y0, y1] = yDomain ?? (extent(allY) as [number, number]);
  if (y0 === undefined || y1 === undefined) [y0, y1] = logY ? [1e-3, 1] : [0, 1];
  if (y0 === y1) [y0, y1] = logY ? [y0 / 10, y1 * 10] : [y0 - 1, y1 + 1];
  const x = scaleLinear()
    .domain([x0 ?? 0, x1 === x0 ? (x0 ?? 0) + 1 : (x1 ?? 1)])
    .range([m.left, width - m.right]);
  const y = (logY ? scaleLog().domain([y0, y1]) : scaleLinear().domain([y0, y1]).nice()).range([
    height - m.bottom,
    m.top,
  ]);
  const yTicks = logY
    ? y.ticks(4).filter((t) => Number.isInteger(Math.log10(t)) || y.ticks(4).length < 6)
    : y.ticks(5);
  const xTickCount = Math.min(6, Math.max(1, allX.length));
  const xTicks = x.ticks(xTickCount);
  // Tick labels with the precision their spacing needs (d3's tickFormat: 500, 1,000; 5, 6, 7), not the
  // precision of a data value; a log axis spans decades, written compactly (100, 1000, 1e−6).
  const xTickLabel = x.tickFormat(xTickCount);
  const yTickLabel = logY ? formatCompact : (y as ReturnType<typeof scaleLinear<number>>).tickFormat(5);

  const rowsIdx = Math.max(0, ...series.map((s) => s.values.length));
  const stride = Math.max(1, Math.ceil(rowsIdx / maxTableRows));

  return (
    <div className="viz-linechart">
      <svg className="viz-svg" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId}>
        <title id={titleId}>{title}</title>
        <VizStyles />
        <g fontSize={10}>
          {yTicks.map((t) => (
            <g key={`y${t}`}>
              <line
                x1={m.left}
                x2={width - m.right}
                y1={y(t)}
                y2={y(t)}
                stroke={neutral('grid')}
                strokeWidth={0.75}
              />
              <text
                x={m.left - 5}
                y={y(t)}
                textAnchor="end"
                dominantBaseline="central"
                fill={neutral('muted')}
              >
                {yTickLabel(t)}
              </text>
            </g>
          ))}
          {xTicks.map((t) => (
            <text
              key={`x${t}`}
              x={x(t)}
              y={height - m.bottom + 12}
              textAnchor="middle"
              fill={neutral('muted')}
            >
              {xTickLabel(t)}
            </text>
          ))}
          <line
            x1={m.left}
            x2={width - m.right}
            y1={height - m.bottom}
            y2={height - m.bottom}
            stroke={neutral('muted')}
          />
          {xLabel ? (
            <text x={(m.left + width - m.right) / 2} y={height - 4} textAnchor="middle" fill="currentColor">
              {xLabel}
            </text>
          ) : null}
          {yLabel ? (
            <text
              transform={`translate(11 ${(m.top + height - m.bottom) / 2}) rotate(-90)`}
              textAnchor="middle"
              fill="currentColor"
            >
              {yLabel}
            </text>
          ) : null}
        </g>
        {series.map((s) => {
          const pts: [number, number][] = [];
          for (let k = 0; k < s.values.length; k++)
            if (ok(s.values[k])) pts.push([x(xs(s, k)), y(s.values[k])]);
          const d = line()(pts) ?? '';
          return (
            <path
              key={s.name}
              d={d}
              fill="none"
              stroke={s.color}
              strokeWidth={1.75}
              strokeDasharray={s.dash}
              strokeLinejoin="round"
            />
          );
        })}
        {series.length > 1 ? (
          <g fontSize={10}>
            {series.map((s, k) => (
              <g key={s.name} transform={`translate(${m.left + k * 110} 8)`}>
                <line
                  x1={0}
                  x2={18}
                  y1={0}
                  y2={0}
                  stroke={s.color}
                  strokeWidth={2}
                  strokeDasharray={s.dash}
                />
                <text x={22} y={0} dominantBaseline="central" fill="currentColor">
                  {s.name}
                </text>
              </g>
            ))}
          </g>
        ) : null}
      </svg>
      <div className="viz-sr-only">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{xLabel ?? 'x'}</th>
              {series.map((s) => (
                <th key={s.name} scope="col">
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: Math.ceil(rowsIdx / stride) }, (_, r) => {
              const k = r * stride;
              const s0 = series.find((s) => k < s.values.length);
              return (
                <tr key={k}>
                  <th scope="row">{s0 ? format(xs(s0, k)) : String(k)}</th>
                  {series.map((s) => (
                    <td key={s.name}>{k < s.values.length ? format(s.values[k]) : ''}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
