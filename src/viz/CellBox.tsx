import type { KeyboardEvent } from 'react';
import { SvgLabel } from './SvgLabel';
import { neutral, type Role, roleColor } from './theme';

export interface CellBoxProps {
  /** Centre and size. */
  x: number;
  y: number;
  w: number;
  h: number;
  /** TeX-like label drawn in the box ('h_{3}', 'tanh', 'σ'). */
  label?: string;
  /** Role whose colour outlines the box. Default 'h'. */
  role?: Role;
  /** 'box' for layers and cells, 'circle' for pointwise operations, 'pill' for inputs/outputs. */
  shape?: 'box' | 'circle' | 'pill';
  highlighted?: boolean;
  /** Faded (not part of what is being looked at). */
  dimmed?: boolean;
  /** Makes the box focusable with this accessible name. */
  ariaLabel?: string;
  onActivate?: () => void;
  onHover?: (on: boolean) => void;
  fontSize?: number;
  /** Shows the role's glyph in the corner, so colour is not the only signal. */
  glyph?: string;
}

/** One box (a cell, a layer), circle (a pointwise op) or pill (x_t, o_t) of a diagram. */
export function CellBox({
  x,
  y,
  w,
  h,
  label,
  role = 'h',
  shape = 'box',
  highlighted,
  dimmed,
  ariaLabel,
  onActivate,
  onHover,
  fontSize = 13,
  glyph,
}: CellBoxProps) {
  const stroke = roleColor(role);
  const focusable = ariaLabel !== undefined;
  const onKeyDown = onActivate
    ? (e: KeyboardEvent) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onActivate();
        }
      }
    : undefined;
  const common = {
    className: `viz-anim${focusable ? ' viz-focusable' : ''}`,
    fill: neutral('panel'),
    stroke,
    strokeWidth: highlighted ? 3 : 1.5,
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: focusable only when given an accessible name
    <g
      opacity={dimmed ? 0.35 : 1}
      tabIndex={focusable ? 0 : undefined}
      role={focusable ? (onActivate ? 'button' : 'img') : undefined}
      aria-label={ariaLabel}
      onClick={onActivate}
      onKeyDown={onKeyDown}
      onPointerEnter={onHover ? () => onHover(true) : undefined}
      onPointerLeave={onHover ? () => onHover(false) : undefined}
      onFocus={onHover ? () => onHover(true) : undefined}
      onBlur={onHover ? () => onHover(false) : undefined}
      style={onActivate ? { cursor: 'pointer' } : undefined}
    >
      {highlighted ? (
        shape === 'circle' ? (
          <circle
            cx={x}
            cy={y}
            r={w / 2 + 4}
            fill="none"
            stroke={neutral('highlight')}
            strokeOpacity={0.5}
            strokeWidth={3}
          />
        ) : (
          <rect
            x={x - w / 2 - 4}
            y={y - h / 2 - 4}
            width={w + 8}
            height={h + 8}
            rx={8}
            fill="none"
            stroke={neutral('highlight')}
            strokeOpacity={0.5}
            strokeWidth={3}
          />
        )
      ) : null}
      {shape === 'circle' ? (
        <circle cx={x} cy={y} r={w / 2} {...common} />
      ) : (
        <rect
          x={x - w / 2}
          y={y - h / 2}
          width={w}
          height={h}
          rx={shape === 'pill' ? h / 2 : 6}
          {...common}
        />
      )}
      {label ? (
        <SvgLabel
          x={x}
          y={y}
          text={label}
          fontSize={fontSize}
          fontStyle={/^[a-zA-Z]_|^[a-zA-Z]$/.test(label) ? 'italic' : 'normal'}
        />
      ) : null}
      {glyph ? (
        <text
          x={x + w / 2 - 3}
          y={y - h / 2 + 3}
          fontSize={8}
          textAnchor="end"
          dominantBaseline="hanging"
          fill={stroke}
        >
          {glyph}
        </text>
      ) : null}
    </g>
  );
}
