import { type KeyboardEvent, useId, useMemo, useRef, useState } from 'react';
import { formatAuto, formatFixed, formatShape } from './format';
import { labelText, SvgLabel } from './SvgLabel';
import { divergingScale, maxAbsOf, type ThemedColorScale } from './scales';
import { neutral } from './theme';
import { VizStyles } from './VizStyles';
import { valuedStyle } from './valued';

export interface ActiveCell {
  row: number;
  col: number;
  value: number;
}

export interface MatrixViewProps {
  /** Row-major values, rows × cols of them. */
  values: ArrayLike<number>;
  rows: number;
  cols: number;
  /** The matrix's name, TeX-like ('W_{xh}'): the title and the cells' accessible names use it. */
  label: string;
  /** Colour scale; default: diverging, symmetric around 0 over the largest |value|. */
  scale?: ThemedColorScale;
  /** Side of one cell in user units. Default 24. */
  cellSize?: number;
  /** Print each value inside its cell. Default: when cells are at least 34 units wide. */
  showValues?: boolean;
  /** Format of the printed values (default fixed, 2 digits). */
  format?: (v: number) => string;
  /** Format in the tooltip and accessible names (default formatAuto). */
  formatExact?: (v: number) => string;
  highlightRow?: number | null;
  highlightCol?: number | null;
  rowLabels?: readonly string[];
  colLabels?: readonly string[];
  /** Draw the title and the shape "(rows, cols)" under the matrix. Default true. */
  showTitle?: boolean;
  showShape?: boolean;
  /** Accessible name of a cell; default "W xh row 1, column 2: −0.314". */
  cellLabel?: (row: number, col: number, value: number) => string;
  /** Called when the hovered/focused cell changes (null when none). */
  onActiveChange?: (cell: ActiveCell | null) => void;
}

const TITLE_H = 20;
const range = (n: number) => Array.from({ length: n }, (_, k) => k);
const COL_LABEL_H = 14;
const SHAPE_H = 16;

/**
 * A matrix drawn as cells coloured by value. Each cell is focusable (one tab stop, arrow keys move,
 * Home/End jump along the row), has an accessible name with its row, column and value, and shows the
 * exact value in a tooltip on hover and on focus.
 */
export function MatrixView(props: MatrixViewProps) {
  const {
    values,
    rows,
    cols,
    label,
    cellSize: cs = 24,
    highlightRow,
    highlightCol,
    rowLabels,
    colLabels,
  } = props;
  const showTitle = props.showTitle ?? true;
  const showShape = props.showShape ?? true;
  const showValues = props.showValues ?? cs >= 34;
  const fmt = props.format ?? ((v: number) => formatFixed(v, 2));
  const fmtExact = props.formatExact ?? formatAuto;
  const scale = useMemo(
    () => props.scale ?? divergingScale({ maxAbs: maxAbsOf(values) }),
    [props.scale, values],
  );
  const name = labelText(label);
  const cellLabel =
    props.cellLabel ??
    ((r: number, c: number, v: number) => `${name} row ${r + 1}, column ${c + 1}: ${fmtExact(v)}`);

  const [focusIdx, setFocusIdx] = useState(0);
  const [active, setActive] = useState<number | null>(null);
  const refs = useRef<(SVGRectElement | null)[]>([]);
  const titleId = useId();

  const left = rowLabels ? 30 : 2;
  const top = (showTitle ? TITLE_H : 2) + (colLabels ? COL_LABEL_H : 0);
  const width = left + cols * cs + 2;
  const height = top + rows * cs + (showShape ? SHAPE_H : 2);
  const n = rows * cols;
  const safeFocus = Math.min(focusIdx, Math.max(0, n - 1));

  const activate = (idx: number | null) => {
    setActive(idx);
    props.onActiveChange?.(
      idx === null ? null : { row: Math.floor(idx / cols), col: idx % cols, value: values[idx] },
    );
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const r = Math.floor(safeFocus / cols);
    const c = safeFocus % cols;
    const moves: Record<string, [number, number]> = {
      ArrowRight: [r, Math.min(cols - 1, c + 1)],
      ArrowLeft: [r, Math.max(0, c - 1)],
      ArrowDown: [Math.min(rows - 1, r + 1), c],
      ArrowUp: [Math.max(0, r - 1), c],
      Home: [e.ctrlKey ? 0 : r, 0],
      End: [e.ctrlKey ? rows - 1 : r, cols - 1],
    };
    const to = moves[e.key];
    if (!to) return;
    e.preventDefault();
    const idx = to[0] * cols + to[1];
    setFocusIdx(idx);
    refs.current[idx]?.focus();
  };

  const cells = [];
  for (let r = 0; r < rows; r++) {
    const rowCells = [];
    for (let c = 0; c < cols; c++) {
      const idx = r * cols + c;
      const v = values[idx];
      const x = left + c * cs;
      const y = top + r * cs;
      rowCells.push(
        <g key={c}>
          {/* biome-ignore lint/a11y/useSemanticElements: an SVG cell cannot be a <td> */}
          <rect
            ref={(el) => {
              refs.current[idx] = el;
            }}
            className="viz-valued viz-focusable viz-anim"
            style={valuedStyle(scale, v)}
            x={x + 0.5}
            y={y + 0.5}
            width={cs - 1}
            height={cs - 1}
            rx={2}
            stroke={neutral('grid')}
            strokeWidth={0.5}
            role="gridcell"
            tabIndex={idx === safeFocus ? 0 : -1}
            aria-label={cellLabel(r, c, v)}
            onFocus={() => {
              setFocusIdx(idx);
              activate(idx);
            }}
            onBlur={() => activate(null)}
            onPointerEnter={() => activate(idx)}
            onPointerLeave={() => activate(null)}
          />
          {showValues ? (
            <text
              className="viz-valued-text"
              style={valuedStyle(scale, v)}
              x={x + cs / 2}
              y={y + cs / 2}
              fontSize={Math.min(12, cs / 3.2)}
              textAnchor="middle"
              dominantBaseline="central"
              pointerEvents="none"
            >
              {fmt(v)}
            </text>
          ) : null}
        </g>,
      );
    }
    cells.push(
      // biome-ignore lint/a11y/useSemanticElements: an SVG row cannot be a <tr>
      <g key={r} role="row">
        {rowCells}
      </g>,
    );
  }

  const bands = [];
  if (highlightRow != null && highlightRow >= 0 && highlightRow < rows)
    bands.push(
      <rect
        key="hr"
        x={left - 1}
        y={top + highlightRow * cs - 1}
        width={cols * cs + 2}
        height={cs + 2}
        fill="none"
        stroke={neutral('highlight')}
        strokeWidth={2}
        rx={3}
        pointerEvents="none"
      />,
    );
  if (highlightCol != null && highlightCol >= 0 && highlightCol < cols)
    bands.push(
      <rect
        key="hc"
        x={left + highlightCol * cs - 1}
        y={top - 1}
        width={cs + 2}
        height={rows * cs + 2}
        fill="none"
        stroke={neutral('highlight')}
        strokeWidth={2}
        rx={3}
        pointerEvents="none"
      />,
    );

  let tooltip = null;
  if (active !== null && active < n) {
    const r = Math.floor(active / cols);
    const c = active % cols;
    const text = `${name}[${r + 1}, ${c + 1}] = ${fmtExact(values[active])}`;
    const tw = text.length * 6.4 + 12;
    const cx = left + c * cs + cs / 2;
    const ty = top + r * cs - 24;
    tooltip = (
      <g pointerEvents="none">
        <rect x={cx - tw / 2} y={ty} width={tw} height={20} rx={4} fill={neutral('ink')} opacity={0.92} />
        <text
          x={cx}
          y={ty + 10}
          fontSize={11}
          textAnchor="middle"
          dominantBaseline="central"
          fill={neutral('panel')}
        >
          {text}
        </text>
      </g>
    );
  }

  return (
    <svg
      className="viz-svg viz-matrix"
      viewBox={`0 0 ${width} ${height}`}
      style={{ maxWidth: `${width * 1.6}px` }}
    >
      <title id={titleId}>{`${name}, ${rows} × ${cols}`}</title>
      <VizStyles />
      {showTitle ? <SvgLabel x={left} y={TITLE_H / 2} text={label} anchor="start" fontSize={13} /> : null}
      {colLabels
        ? range(cols).map((c) => (
            <text
              key={c}
              x={left + c * cs + cs / 2}
              y={top - 4}
              fontSize={9}
              textAnchor="middle"
              fill={neutral('muted')}
            >
              {colLabels[c] ?? ''}
            </text>
          ))
        : null}
      {rowLabels
        ? range(rows).map((r) => (
            <text
              key={r}
              x={left - 4}
              y={top + r * cs + cs / 2}
              fontSize={9}
              textAnchor="end"
              dominantBaseline="central"
              fill={neutral('muted')}
            >
              {rowLabels[r] ?? ''}
            </text>
          ))
        : null}
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG grid cannot be a <table> */}
      <g role="grid" aria-label={`${name}, ${rows} × ${cols}`} onKeyDown={onKeyDown}>
        {cells}
      </g>
      {bands}
      {showShape ? (
        <text
          x={left + (cols * cs) / 2}
          y={top + rows * cs + SHAPE_H / 2 + 2}
          fontSize={10}
          textAnchor="middle"
          dominantBaseline="central"
          fill={neutral('muted')}
        >
          {formatShape([rows, cols])}
        </text>
      ) : null}
      {tooltip}
    </svg>
  );
}

export interface VectorViewProps
  extends Omit<MatrixViewProps, 'rows' | 'cols' | 'cellLabel' | 'rowLabels' | 'colLabels'> {
  /** 'column' (n × 1, the default, as h_t in the text) or 'row' (1 × n). */
  orientation?: 'column' | 'row';
  /** Labels of the elements (characters, unit names). */
  itemLabels?: readonly string[];
  /** Highlight one element. */
  highlight?: number | null;
}

/** A vector drawn like a one-column (or one-row) matrix; cells are named "h t element 3: 0.52". */
export function VectorView({
  values,
  orientation = 'column',
  itemLabels,
  highlight,
  ...rest
}: VectorViewProps) {
  const n = values.length;
  const name = labelText(rest.label);
  const fmtExact = rest.formatExact ?? formatAuto;
  const column = orientation === 'column';
  return (
    <MatrixView
      {...rest}
      values={values}
      rows={column ? n : 1}
      cols={column ? 1 : n}
      rowLabels={column ? itemLabels : undefined}
      colLabels={column ? undefined : itemLabels}
      highlightRow={column ? highlight : undefined}
      highlightCol={column ? undefined : highlight}
      showShape={rest.showShape ?? false}
      cellLabel={(r, c, v) =>
        `${name} element ${(column ? r : c) + 1}${itemLabels ? ` (${itemLabels[column ? r : c]})` : ''}: ${fmtExact(v)}`
      }
    />
  );
}
