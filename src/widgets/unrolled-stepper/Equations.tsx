/**
 * The cell's equations, typeset once per cell type with KaTeX; the line being computed is marked, and
 * each tagged symbol is a roving-focus target (one tab stop, arrows move) that names its live value and
 * lights the matching part of the cell diagram. Highlights from the diagram come back as a class.
 * The linking itself is src/viz's LinkedTex; this file maps the sub-step onto the lines.
 */
import { memo, useMemo } from 'react';
import { LinkedTex } from '../../viz/LinkedTex';
import type { LinkedLine } from '../../viz/linkedMath';
import type { EquationLine } from './equations';

export interface EquationsProps {
  lines: EquationLine[];
  /** Sub-step being computed (−1: none). */
  phase: number;
  focus: string | null;
  label: string;
  /** Accessible name of a symbol with its live value. */
  describe: (part: string) => string;
  onFocusPart: (part: string | null) => void;
}

export const Equations = memo(function Equations({
  lines,
  phase,
  focus,
  label,
  describe,
  onFocusPart,
}: EquationsProps) {
  const linked = useMemo(
    (): LinkedLine[] =>
      lines.map((line) => ({
        lhs: line.lhs,
        rhs: line.rhs,
        className:
          line.phase === phase ? 'us-eq-now' : line.phase > phase && phase >= 0 ? 'us-eq-later' : undefined,
      })),
    [lines, phase],
  );
  return (
    <LinkedTex
      lines={linked}
      focus={focus}
      label={label}
      describe={describe}
      onFocusPart={onFocusPart}
      classPrefix="us"
    />
  );
});
