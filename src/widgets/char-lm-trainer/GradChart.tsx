/** Gradient norm before clipping against step, the clipping threshold as a dashed line, ▲ where steps were clipped. */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useId } from 'react';
import { formatAuto, neutral, roleColor, VizStyles } from '../../viz';
import type { RunPoint } from './model';

export function GradChart({
  points,
  clip,
  title,
  xLabel,
  yLabel,
  thresholdLabel,
  clippedLabel,
}: {
  points: readonly RunPoint[];
  clip: number;
  title: string;
  xLabel: string;
  yLabel: string;
  thresholdLabel: string;
  clippedLabel: string;
}) {
  const titleId = useId();
  const width = 480;
  const height = 180;
  const m = { top: 22, right: 12, bottom: 32, left: 52 };
  const finite = points.filter((p) => Number.isFinite(p.gradMax));
  const xMax = Math.max(1, ...finite.map((p) => p.step));
  const xMin = finite.length ? Math.min(...finite.map((p) => p.step)) : 0;
  const yMax = Math.max(clip > 0 ? clip * 1.2 : 0, ...finite.map((p) => p.gradMax), 1e-3);
  const x = scaleLinear()
    .domain([xMin, xMax === xMin ? xMin + 1 : xMax])
    .range([m.left, width - m.right]);
  const y = scaleLinear()
    .domain([0, yMax])
    .nice()
    .range([height - m.bottom, m.top]);
  const path = line()(finite.map((p) => [x(p.step), y(p.gradNorm)] as [number, number])) ?? '';
  const maxPath = line()(finite.map((p) => [x(p.step), y(p.gradMax)] as [number, number])) ?? '';
  const clippedPts = finite.filter((p) => p.clippedSteps > 0);
  const grad = roleColor('grad');
  return (
    <div className="viz-linechart">
      <svg className="viz-svg" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={titleId}>
        <title id={titleId}>{title}</title>
        <VizStyles />
        <g fontSize={10}>
          {y.ticks(4).map((t) => (
            <g key={t}>
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
                {formatAuto(t)}
              </text>
            </g>
          ))}
          {x.ticks(5).map((t) => (
            <text key={t} x={x(t)} y={height - m.bottom + 12} textAnchor="middle" fill={neutral('muted')}>
              {formatAuto(t)}
            </text>
          ))}
          <line
            x1={m.left}
            x2={width - m.right}
            y1={height - m.bottom}
            y2={height - m.bottom}
            stroke={neutral('muted')}
          />
          <text x={(m.left + width - m.right) / 2} y={height - 4} textAnchor="middle" fill="currentColor">
            {xLabel}
          </text>
          <text
            transform={`translate(11 ${(m.top + height - m.bottom) / 2}) rotate(-90)`}
            textAnchor="middle"
            fill="currentColor"
          >
            {yLabel}
          </text>
        </g>
        <path d={maxPath} fill="none" stroke={grad} strokeWidth={1} strokeOpacity={0.35} />
        <path d={path} fill="none" stroke={grad} strokeWidth={1.75} />
        {clip > 0 ? (
          <line
            x1={m.left}
            x2={width - m.right}
            y1={y(clip)}
            y2={y(clip)}
            stroke={neutral('ink')}
            strokeDasharray="5 4"
            strokeWidth={1}
          />
        ) : null}
        {clippedPts.map((p) => (
          <path
            key={p.step}
            d={`M${x(p.step)},${y(p.gradMax) - 7}l4,7h-8z`}
            fill={neutral('highlight')}
            stroke={neutral('ink')}
            strokeWidth={0.5}
          />
        ))}
        <g fontSize={10}>
          {clip > 0 ? (
            <g transform={`translate(${m.left} 8)`}>
              <line x1={0} x2={18} y1={0} y2={0} stroke={neutral('ink')} strokeDasharray="5 4" />
              <text x={22} y={0} dominantBaseline="central" fill="currentColor">
                {thresholdLabel} {formatAuto(clip)}
              </text>
            </g>
          ) : null}
          <g transform={`translate(${m.left + 130} 8)`}>
            <path d="M5,-5l4,7h-8z" fill={neutral('highlight')} stroke={neutral('ink')} strokeWidth={0.5} />
            <text x={14} y={0} dominantBaseline="central" fill="currentColor">
              {clippedLabel}
            </text>
          </g>
        </g>
      </svg>
      <div className="viz-sr-only">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{xLabel}</th>
              <th scope="col">{yLabel}</th>
              <th scope="col">{clippedLabel}</th>
            </tr>
          </thead>
          <tbody>
            {finite.slice(-30).map((p) => (
              <tr key={p.step}>
                <th scope="row">{p.step}</th>
                <td>{formatAuto(p.gradNorm)}</td>
                <td>{p.clippedSteps}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
