/**
 * The backward pass at one step: the loss, the gradient ∂L/∂h_t (and ∂L/∂c_t) reaching the current
 * state, its norm, and the norms of every state this layer and direction has passed back so far.
 */
import { memo } from 'react';
import { formatCompact, LineChart, roleColor, type ThemedColorScale, VectorView } from '../../viz';
import { cellStatus, norm, type Position, type Run } from './model';
import type { StepperText } from './text';

export interface GradientsProps {
  run: Run;
  pos: Position;
  layer: number;
  dir: number;
  t: number;
  gradScale: ThemedColorScale;
  text: StepperText;
}

export const Gradients = memo(function Gradients({
  run,
  pos,
  layer,
  dir,
  t,
  gradScale,
  text,
}: GradientsProps) {
  const dh = run.dh[layer][dir][t];
  const dc = run.dc ? run.dc[layer][dir][t] : null;
  const labels = Array.from({ length: run.H }, (_, k) => `${k + 1}`);
  const norms = Array.from({ length: run.T }, (_, k) =>
    cellStatus(run, pos, 'backward', layer, dir, k) === 'future' ? Number.NaN : norm(run.dh[layer][dir][k]),
  );
  let lo = Number.POSITIVE_INFINITY;
  let hi = 0;
  for (const steps of run.dh)
    for (const dirs of steps)
      for (const v of dirs) {
        const n = norm(v);
        if (n > 0) {
          lo = Math.min(lo, n);
          hi = Math.max(hi, n);
        }
      }
  const domain: [number, number] = hi > 0 ? [Math.max(lo, hi * 1e-8) / 1.5, hi * 1.5] : [1e-3, 1];
  return (
    <div className="us-grads">
      <p className="us-note">{text.lossNote}</p>
      <p className="us-loss">{text.loss(formatCompact(run.loss, 4))}</p>
      <div className="us-items">
        <div className="us-item us-now">
          <VectorView
            values={dh}
            label={`∂L/∂h_{${t + 1}}`}
            orientation="row"
            cellSize={30}
            showValues
            scale={gradScale}
            itemLabels={labels}
            format={(v) => formatCompact(v, 2)}
            formatExact={(v) => formatCompact(v, 6)}
          />
          <p className="us-norm">{text.gradNorm(t + 1, formatCompact(norm(dh), 3))}</p>
        </div>
        {dc ? (
          <div className="us-item">
            <VectorView
              values={dc}
              label={`∂L/∂c_{${t + 1}}`}
              orientation="row"
              cellSize={30}
              showValues
              scale={gradScale}
              itemLabels={labels}
              format={(v) => formatCompact(v, 2)}
              formatExact={(v) => formatCompact(v, 6)}
            />
          </div>
        ) : null}
      </div>
      <div className="us-chart">
        <LineChart
          series={[
            {
              name: '‖∂L/∂h_t‖',
              values: norms,
              x: Array.from({ length: run.T }, (_, k) => k + 1),
              color: roleColor('grad'),
            },
          ]}
          title={text.normsTitle}
          xLabel={text.normsX}
          logY
          yDomain={domain}
          width={420}
          height={170}
          format={(v) => formatCompact(v, 2)}
        />
      </div>
    </div>
  );
});
