/**
 * Questions answered by setting a figure: each goal names the kind of figure it reads and judges that
 * figure's published reading (shared/figureReadings). Goals live beside the figure whose numbers they read.
 */
import { gradientWithin10x } from '../gradient-flow/goals';
import type { FigureReading } from '../shared/figureReadings';
import type { WidgetLang } from '../types';

export interface Goal {
  /** The data-widget kind the goal reads. */
  kind: string;
  judge(
    values: FigureReading['values'],
    lang: WidgetLang,
  ): { verdict: 'correct' | 'wrong'; measured: string };
}

export const GOALS: Record<string, Goal> = {
  'gradient-within-10x': { kind: 'gradient-flow', judge: gradientWithin10x },
};

export type FigureCheck =
  | { verdict: 'correct' | 'wrong'; measured: string }
  | { verdict: 'no-reading'; measured: null };

/** Judges a goal against what the figure shows now; no reading (figure absent, loading, another view). */
export function checkFigure(goal: string, reading: FigureReading | undefined, lang: WidgetLang): FigureCheck {
  const g = GOALS[goal];
  if (!g || !reading || reading.kind !== g.kind) return { verdict: 'no-reading', measured: null };
  return g.judge(reading.values, lang);
}
