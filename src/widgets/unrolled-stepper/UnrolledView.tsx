/**
 * The network unrolled over the whole sequence, drawn from viz's `layoutUnrolled` with viz's CellBox and
 * Arrow. (viz's <UnrolledGraph> couples "highlighted" and "not dimmed"; the stepper needs three states —
 * computed, being computed, still to come — and a value strip inside each cell, so it draws the layout
 * itself.) Every computed cell shows h_t (forward) or ∂L/∂h_t (backward) as a strip of coloured units.
 */
import { memo, useId, useMemo } from 'react';
import {
  Arrow,
  CellBox,
  cellId,
  type GraphNode,
  layoutUnrolled,
  neutral,
  type Role,
  roleColor,
  SvgLabel,
  THEME,
  type ThemedColorScale,
  VizStyles,
  valuedStyle,
  widthScale,
} from '../../viz';
import { cellStatus, norm, type Position, type Run, type StepMode, showChar } from './model';
import type { StepperText } from './text';

export interface UnrolledViewProps {
  run: Run;
  pos: Position;
  mode: StepMode;
  /** Direction shown in detail (its current cell gets the strong ring). */
  dir: number;
  valueScale: ThemedColorScale;
  gradScale: ThemedColorScale;
  t: StepperText;
  onPick: (layer: number, dir: number, t: number) => void;
}

const STRIP = 9;

/** Arrows, cells and nodes re-render only when their own look changes (a step touches a handful). */
const EdgeArrow = memo(Arrow);

export const UnrolledView = memo(function UnrolledView({
  run,
  pos,
  mode,
  dir,
  valueScale,
  gradScale,
  t: text,
  onPick,
}: UnrolledViewProps) {
  const titleId = useId();
  const { T, L, D } = run;
  const cell = run.config.cell;
  const layout = useMemo(() => layoutUnrolled({ T, L, D, cell, cellWidth: 60, colGap: 34 }), [T, L, D, cell]);
  const width = useMemo(() => {
    let m = 0;
    for (let l = 0; l < L; l++)
      for (let d = 0; d < D; d++) for (let k = 0; k < T; k++) m = Math.max(m, norm(run.dh[l][d][k]));
    return widthScale({ domain: [m * 1e-4, m || 1], log: true, range: [0.75, 6] });
  }, [run, L, D, T]);

  const status = (l: number, d: number, k: number) => cellStatus(run, pos, mode, l, d, k);
  // a cell's state exists in the picture once the forward pass has computed it
  const computed = (l: number, d: number, k: number) => mode === 'backward' || status(l, d, k) !== 'future';
  const gradReached = (l: number, d: number, k: number) =>
    mode === 'backward' && status(l, d, k) !== 'future';

  const nodeDim = (n: GraphNode): boolean => {
    if (mode === 'backward') return false;
    if (n.kind === 'cell') return status(n.layer, n.dir, n.t) === 'future';
    if (n.kind === 'input')
      return pos.layer === 0 && !Array.from({ length: D }, (_, d) => computed(0, d, n.t)).some(Boolean);
    if (n.kind === 'output')
      return !Array.from({ length: D }, (_, d) => computed(L - 1, d, n.t)).every(Boolean);
    return false;
  };

  return (
    <svg
      className="viz-svg us-unrolled"
      data-width={layout.width}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      style={{
        minWidth: `${Math.round(layout.width * 0.8)}px`,
        maxWidth: `${Math.round(layout.width * 1.3)}px`,
      }}
      role="img"
      aria-labelledby={titleId}
    >
      <title id={titleId}>{text.diagramTitle(text.cells[cell], T, L, D)}</title>
      <VizStyles />
      <g>
        {layout.edges.map((e) => {
          const target = e.kind === 'output' ? null : { l: e.layer, d: e.dir, k: e.t };
          let opacity = 1;
          let color = roleColor(e.role);
          let w = e.kind === 'cellState' ? 2 : 1.5;
          let dash = e.kind === 'feedback' ? '5 3' : undefined;
          let highlighted = false;
          let title: string | undefined;
          if (mode === 'forward') {
            if (target) {
              const st = status(target.l, target.d, target.k);
              if (st === 'future') opacity = 0.25;
              // the tensors the current cell reads
              highlighted = st === 'current' && target.d === dir;
            } else {
              const done = Array.from({ length: D }, (_, d) => computed(L - 1, d, e.t)).every(Boolean);
              if (!done) opacity = 0.25;
            }
          } else if ((e.kind === 'recurrent' || e.kind === 'init' || e.kind === 'cellState') && target) {
            // backward: the recurrent edge into step t carries ∂L/∂h_{t−1} back, once step t is done
            const prevT = e.kind === 'init' ? -1 : target.d === 0 ? target.k - 1 : target.k + 1;
            if (gradReached(target.l, target.d, target.k) && e.kind !== 'cellState') {
              const g = prevT >= 0 && prevT < T ? norm(run.dh[target.l][target.d][prevT]) : 0;
              color = roleColor('grad');
              w = g > 0 ? width(g) : 0.75;
              dash = THEME.grad.dash;
              title = prevT >= 0 && prevT < T ? text.gradNorm(prevT + 1, g.toPrecision(3)) : undefined;
              highlighted = status(target.l, target.d, target.k) === 'current' && target.d === dir;
            } else opacity = 0.35;
          } else opacity = mode === 'backward' ? 0.35 : 1;
          return (
            <EdgeArrow
              key={e.id}
              points={e.points}
              color={color}
              width={w}
              dash={dash}
              opacity={opacity}
              highlighted={highlighted}
              title={title}
            />
          );
        })}
      </g>
      {layout.junctions.map((j) => (
        <circle key={j.id} cx={j.x} cy={j.y} r={j.kind === 'concat' ? 3.5 : 2.5} fill={neutral('ink')} />
      ))}
      {layout.nodes.map((n) => {
        if (n.kind === 'cell') {
          const st = status(n.layer, n.dir, n.t);
          return (
            <UnrolledCell
              key={n.id}
              n={n}
              status={st}
              ring={st === 'current' && (D === 1 || n.dir === dir)}
              mode={mode}
              values={
                mode === 'forward' ? run.records[n.layer][n.dir][n.t].h.data : run.dh[n.layer][n.dir][n.t]
              }
              scale={mode === 'forward' ? valueScale : gradScale}
              D={D}
              onPick={onPick}
            />
          );
        }
        return (
          <IoNode
            key={n.id}
            n={n}
            dim={nodeDim(n)}
            ch={n.kind === 'input' ? showChar(run.parsed.tokens[n.t]) : ''}
            role={n.kind === 'input' ? 'x' : n.kind === 'output' || cell === 'jordan' ? 'y' : 'h'}
            highlighted={
              mode === 'forward' &&
              n.kind === 'input' &&
              pos.layer === 0 &&
              (n.t === pos.t || (D === 2 && n.t === pos.tRev))
            }
            loss={mode === 'backward' && n.kind === 'output' && n.t === T - 1}
            aria={n.kind === 'input' ? text.inputAria(n.t + 1, showChar(run.parsed.tokens[n.t])) : undefined}
          />
        );
      })}
    </svg>
  );
});

interface CellProps {
  n: GraphNode;
  status: 'done' | 'current' | 'future';
  ring: boolean;
  mode: StepMode;
  values: ArrayLike<number>;
  scale: ThemedColorScale;
  D: number;
  onPick: (layer: number, dir: number, t: number) => void;
}

/** One cell of the unrolled network with its state (or gradient) as a strip of coloured units. */
const UnrolledCell = memo(function UnrolledCell({
  n,
  status,
  ring,
  mode,
  values,
  scale,
  D,
  onPick,
}: CellProps) {
  const shown = status !== 'future';
  const x0 = n.x - (values.length * STRIP) / 2;
  const label = D === 2 ? `${n.dir === 0 ? '→' : '←'} h_{${n.t + 1}}` : `h_{${n.t + 1}}`;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a mouse shortcut; the timeline and keys reach every step
    <g
      data-cell={cellId(n.layer, n.dir, n.t)}
      data-cx={n.x}
      data-status={status}
      onClick={() => onPick(n.layer, n.dir, n.t)}
      style={{ cursor: 'pointer' }}
    >
      <CellBox
        x={n.x}
        y={n.y}
        w={n.w}
        h={n.h}
        role={mode === 'backward' && shown ? 'grad' : 'h'}
        highlighted={ring}
        dimmed={mode === 'forward' && !shown}
      />
      <SvgLabel x={n.x} y={n.y - n.h / 2 + 11} text={label} fontSize={11} />
      {shown
        ? Array.from(values, (v, k) => (
            <rect
              // biome-ignore lint/suspicious/noArrayIndexKey: the units of one state
              key={k}
              className="viz-valued"
              style={valuedStyle(scale, v)}
              x={x0 + k * STRIP}
              y={n.y + n.h / 2 - STRIP - 6}
              width={STRIP - 1}
              height={STRIP - 1}
              rx={1.5}
              stroke={neutral('grid')}
              strokeWidth={0.5}
            />
          ))
        : null}
    </g>
  );
});

interface IoProps {
  n: GraphNode;
  dim: boolean;
  ch: string;
  role: Role;
  highlighted: boolean;
  loss: boolean;
  aria?: string;
}

/** x_t (the character), o_t and the initial states. */
const IoNode = memo(function IoNode({ n, dim, ch, role, highlighted, loss, aria }: IoProps) {
  return (
    <g opacity={dim ? 0.4 : 1}>
      <CellBox
        x={n.x}
        y={n.y}
        w={n.w}
        h={n.h}
        label={n.kind === 'input' ? '' : n.label}
        role={role}
        shape={n.kind === 'init' ? 'circle' : 'pill'}
        fontSize={n.kind === 'init' ? 10 : 12}
        highlighted={highlighted}
      />
      {n.kind === 'input' ? (
        <text
          x={n.x}
          y={n.y}
          fontSize={14}
          textAnchor="middle"
          dominantBaseline="central"
          fill="currentColor"
          aria-label={aria}
        >
          {ch}
        </text>
      ) : null}
      {loss ? (
        <text x={n.x + n.w / 2 + 4} y={n.y} fontSize={12} dominantBaseline="central" fill={roleColor('grad')}>
          → L
        </text>
      ) : null}
    </g>
  );
});
