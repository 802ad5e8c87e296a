/**
 * Goals a quiz can set on this figure ("set the figure so that …"), judged from the reading the figure
 * publishes (index.tsx): pure functions of the numbers it shows, so they are tested without a DOM.
 */
import { formatCompact, formatPower } from '../../viz/format';
import type { FigureReading } from '../shared/figureReadings';
import type { WidgetLang } from '../types';
import type { NetKey } from './model';
import { strings } from './strings';

export interface GoalVerdict {
  verdict: 'correct' | 'wrong';
  /** What the figure shows now, in the reader's language. */
  measured: string;
}

/**
 * ‖∂L/∂h_1‖ within a factor of 10 of ‖∂L/∂h_T‖ for the tanh RNN: the gradient neither vanishes nor
 * explodes over the whole sequence (near ρ = 1 for this figure's weights).
 */
export function gradientWithin10x(values: FigureReading['values'], lang: WidgetLang): GoalVerdict {
  const net = values.net as NetKey;
  const T = Number(values.T);
  const first = Number(values.dhFirst);
  const last = Number(values.dhLast);
  const ratio = first / last;
  const name = strings[lang].nets[net] ?? String(net);
  const where =
    lang === 'zh'
      ? `（${name}，T = ${T}，ρ = ${formatCompact(Number(values.radius))}）`
      : ` (${name}, T = ${T}, ρ = ${formatCompact(Number(values.radius))})`;
  if (net !== 'rnn-tanh')
    return {
      verdict: 'wrong',
      measured:
        lang === 'zh'
          ? `图中现在是 ${name}；这道题问的是 RNN（tanh）：把“单元”设为 RNN、激活函数设为 tanh。`
          : `The figure shows the ${name}; this question is about the RNN (tanh): set the cell to RNN and the activation to tanh.`,
    };
  const norms = `‖∂L/∂h_1‖ = ${formatCompact(first)}, ‖∂L/∂h_${T}‖ = ${formatCompact(last)}`;
  if (!Number.isFinite(ratio) || ratio <= 0)
    return {
      verdict: 'wrong',
      measured:
        lang === 'zh'
          ? `${norms}${where}：数值已溢出或为零，比值无从谈起。`
          : `${norms}${where}: the values overflowed or are zero, so there is no ratio to speak of.`,
    };
  const ok = ratio >= 0.1 && ratio <= 10;
  const factor = formatPower(ratio, 2);
  return {
    verdict: ok ? 'correct' : 'wrong',
    measured:
      lang === 'zh'
        ? `${norms}${where}：比值为 ${factor}，${ok ? '在 10 倍以内' : ratio < 1 ? '梯度在向前传的路上消失了' : '梯度在向前传的路上爆炸了'}。`
        : `${norms}${where}: the ratio is ${factor}, ${ok ? 'within a factor of 10' : ratio < 1 ? 'so the gradient vanishes on its way back' : 'so the gradient explodes on its way back'}.`,
  };
}
