/**
 * The equations of the norms view, linked to the figure: a symbol lights the chart, plot mark or control
 * that shows it (and names its live value); pointing at one of those lights the symbol back.
 */
import { useCallback, useMemo } from 'react';
import { formatCompact } from '../../viz';
import { LinkedTex } from '../../viz/LinkedTex';
import type { WidgetLang } from '../types';
import { describeFlowPart, type FlowPart, flowLines, isFlowPart, isLinked, PART_OF_TARGET } from './linked';
import type { FlowResult, NetKey } from './model';
import { useFlow } from './store';
import { strings } from './strings';

export interface Link {
  part: FlowPart | null;
  set: (part: FlowPart | null) => void;
}

/** Props that make an element of the figure a link target: marked when lit, lighting its symbol when pointed at. */
export function linkProps(target: string, link: Link | undefined, className = '') {
  if (!link) return { className: className || undefined };
  const on = isLinked(target, link.part);
  const part = PART_OF_TARGET[target] ?? null;
  return {
    'data-link': target,
    'data-linked': on || undefined,
    className: `${className}${on ? ' gf-lit' : ''}`.trim() || undefined,
    onPointerEnter: () => link.set(part),
    onPointerLeave: () => link.set(null),
    onFocus: () => link.set(part),
    onBlur: () => link.set(null),
  };
}

export function LinkedEquations({
  lang,
  flow,
  selected,
  link,
}: {
  lang: WidgetLang;
  flow: FlowResult;
  selected: NetKey;
  link: Link;
}) {
  const t = strings[lang];
  const activation = useFlow((s) => s.activation);
  const lines = useMemo(() => flowLines(), []);
  const describe = useCallback(
    (part: string) =>
      describeFlowPart(part, flow, selected, activation, t.linked, t.nets[selected], formatCompact),
    [flow, selected, activation, t],
  );
  const set = link.set;
  const onFocusPart = useCallback((p: string | null) => set(isFlowPart(p) ? p : null), [set]);
  return (
    <div className="gf-linked">
      <LinkedTex
        lines={lines}
        focus={link.part}
        label={t.linked.label}
        describe={describe}
        onFocusPart={onFocusPart}
        className="gf-equations"
      />
      <p className="gf-note gf-readout">{link.part ? describe(link.part) : t.linked.hint}</p>
    </div>
  );
}
