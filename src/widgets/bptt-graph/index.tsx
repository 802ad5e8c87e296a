/**
 * bptt-graph: the computational graph of a three-step RNN, the backward pass stepped one partial derivative
 * at a time with its numeric value, and ∂L/∂W_hh built as a sum over time in which powers of W_hhᵀ appear,
 * checked against the engine's gradient.
 */
import { type KeyboardEvent, useCallback, useEffect, useMemo, useState } from 'react';
import { formatFixed, formatScientific } from '../../viz';
import { LinkedTex } from '../../viz/LinkedTex';
import { linePartsOf } from '../../viz/linkedMath';
import { renderTex } from '../shared/MathText';
import { ShareLink, UrlNoticeBanner } from '../shared/ShareLink';
import { readFromUrl, shareUrl, writeToUrl } from '../shared/urlState';
import type { WidgetBaseProps, WidgetLang } from '../types';
import { Graph, vecText } from './Graph';
import { describeSymbol, expansionLines, graphLink } from './linked';
import { type Mat, problemOf, type Step, type Term, type Walk, walk } from './model';
import { createGraphStore, GraphStoreContext, STEPS, schema, useGraph } from './store';
import { strings } from './strings';

export default function BpttGraph({ lang, id }: WidgetBaseProps) {
  const [{ store, notice }] = useState(() => {
    const r = readFromUrl(id, schema);
    return { store: createGraphStore(r.state), notice: r.notice };
  });
  useEffect(
    () => store.subscribe((s) => writeToUrl(id, schema, { step: s.step, seed: s.seed })),
    [store, id],
  );
  return (
    <GraphStoreContext.Provider value={store}>
      <style href="unrolled-bptt-graph" precedence="default">
        {CSS}
      </style>
      <UrlNoticeBanner lang={lang} notice={notice} />
      <Body lang={lang} />
      <ShareLink
        lang={lang}
        url={() => {
          const s = store.getState();
          return shareUrl(id, schema, { step: s.step, seed: s.seed });
        }}
      />
    </GraphStoreContext.Provider>
  );
}

const CSS = `
.bg { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.8rem; min-width: 0; }
.bg > *, .bg section { min-width: 0; }
.bg-scroll { overflow-x: auto; max-width: 100%; }
.bg-nav { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; padding: 0.3rem; border-radius: 6px; }
.bg-nav:focus-visible, .bg :focus-visible { outline: 2px solid var(--viz-highlight); outline-offset: 2px; }
.bg-count { font-variant-numeric: tabular-nums; font-weight: 600; }
.bg-muted { color: var(--viz-muted); font-size: 0.85rem; }
.bg-cols { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.8rem; }
.bg-cols > * { min-width: 0; }
.bg-step { border-left: 3px solid var(--gradient); padding: 0.2rem 0.7rem; min-height: 5.5rem; }
.bg-step p { margin: 0.2rem 0; }
.bg-tex { overflow-x: auto; overflow-y: hidden; max-width: 100%; }
.bg-terms { border-collapse: collapse; width: 100%; font-size: 0.85rem; }
.bg-terms th, .bg-terms td { border-bottom: 1px solid var(--viz-grid); padding: 0.2rem 0.3rem; text-align: left; vertical-align: middle; }
.bg-terms tr[data-new] { background: color-mix(in srgb, var(--gradient) 10%, transparent); }
.bg-check { font-weight: 600; }
.bg-problem { font-size: 0.85rem; }
.bg-problem summary { cursor: pointer; }
.bg-expansion { font-size: 0.95rem; }
.bg-readout { margin: 0.2rem 0 0.4rem; min-height: 2.6em; font-size: 0.85rem; color: var(--viz-muted);
  font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
.bg-graph [data-node] { transition: opacity 120ms ease; }
.bg-graph.bg-linking [data-node]:not([data-linked]) { opacity: 0.4; }
@media (prefers-reduced-motion: reduce) { .bg-graph [data-node] { transition: none; } }
`;

const num = (v: number) => formatFixed(v, 3).replace('−', '-');
const texVec = (v: readonly number[]) => `\\begin{bmatrix} ${v.map(num).join(' & ')} \\end{bmatrix}`;
const texMat = (m: Mat) =>
  `\\begin{bmatrix} ${num(m[0])} & ${num(m[1])} \\\\ ${num(m[2])} & ${num(m[3])} \\end{bmatrix}`;
const H_ = (t: number | string) => `\\mathbf{H}_{${t}}`;
const dLd = (what: string) => `\\frac{\\partial L}{\\partial ${what}}`;

/** The symbolic form of a term: H_{t−1}ᵀ e_i (D_i W_hhᵀ) ⋯ (D_{t+1} W_hhᵀ) D_t. */
export function termTex({ i, t }: Pick<Term, 'i' | 't'>): string {
  let s = `${H_(t - 1)}^\\top \\mathbf{e}_{${i}}`;
  for (let j = i; j > t; j--) s += ` \\mathbf{D}_{${j}} \\Whh^\\top`;
  return `${s} \\mathbf{D}_{${t}}`;
}

function stepTex(s: Step, w: Walk): string[] {
  const p = w.problem;
  const t = s.t;
  switch (s.kind) {
    case 'start':
      return [`L = \\tfrac13 \\textstyle\\sum_{t=1}^{3} \\tfrac12 (o_t - y_t)^2 = ${num(w.fwd.L)}`];
    case 'dO':
      return [
        `${dLd(`o_{${t}}`)} = \\tfrac13 (o_{${t}} - y_{${t}}) = \\tfrac13 (${num(w.fwd.o[t - 1])} - (${num(p.y[t - 1])})) = ${num(s.dO!)}`,
        `${dLd('\\Whq')} \\mathrel{+}= ${H_(t)}^\\top ${dLd(`o_{${t}}`)} = ${texVec(s.contribWhq!)}^\\top`,
      ];
    case 'dH':
      return s.fromFuture
        ? [
            `${dLd(H_(t))} = \\mathbf{e}_{${t}} + \\boldsymbol{\\delta}_{${t + 1}} \\Whh^\\top = ${texVec(s.e!)} + ${texVec(s.fromFuture)} = ${texVec(s.dH!)}`,
          ]
        : [`${dLd(H_(t))} = \\mathbf{e}_{${t}} = ${dLd(`o_{${t}}`)} \\Whq^\\top = ${texVec(s.dH!)}`];
    case 'delta':
      return [
        `\\boldsymbol{\\delta}_{${t}} = ${dLd(H_(t))} \\mathbf{D}_{${t}} = ${texVec(s.dH!)} \\odot ${texVec(w.fwd.d[t - 1])} = ${texVec(s.delta!)}`,
        `\\mathbf{D}_{${t}} = \\diag(1 - ${H_(t)}^{2})`,
      ];
    case 'dW':
      return [
        `${dLd('\\Whh')} \\mathrel{+}= ${H_(t - 1)}^\\top \\boldsymbol{\\delta}_{${t}} = ${texMat(s.contribW!)}`,
        `${dLd('\\Wxh')} \\mathrel{+}= x_{${t}} \\boldsymbol{\\delta}_{${t}} = ${texVec(s.contribWxh!)}`,
      ];
    case 'check':
      return [
        `${dLd('\\Whh')} = \\textstyle\\sum_{t=1}^{3} ${H_('t-1')}^\\top \\boldsymbol{\\delta}_t = ${texMat(w.sumDeltas)}`,
      ];
  }
}

function Tex({ tex, display = true }: { tex: string; display?: boolean }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX output of TeX built from numbers.
  return <div className="bg-tex" dangerouslySetInnerHTML={{ __html: renderTex(tex, display) }} />;
}

function Body({ lang }: { lang: WidgetLang }) {
  const t = strings[lang];
  const seed = useGraph((s) => s.seed);
  const step = useGraph((s) => s.step);
  const go = useGraph((s) => s.go);
  const reseed = useGraph((s) => s.reseed);
  const w = useMemo(() => walk(problemOf(seed)), [seed]);
  const cur = w.steps[step];
  const { done, current, values, terms } = useMemo(() => {
    const done = new Set<string>();
    const values: Record<string, string> = {};
    const terms: Term[] = [];
    let Whh: Mat = [0, 0, 0, 0];
    let nW = 0;
    for (let k = 0; k <= step; k++) {
      const s = w.steps[k];
      for (const n of s.nodes) done.add(n);
      for (const e of s.edges) done.add(e);
      if (s.kind === 'dO') values[`o${s.t}`] = num(s.dO!).replace('-', '−');
      if (s.kind === 'dH' || s.kind === 'delta') values[`h${s.t}`] = vecText(s.dH!);
      if (s.kind === 'dW') {
        Whh = Whh.map((v, q) => v + s.contribW![q]) as Mat;
        nW++;
        terms.push(...s.terms!);
      }
      if (s.kind === 'start') values.L = '1';
    }
    if (nW) values.Whh = `Σ ${nW}/3`;
    if (nW) values.Wxh = `Σ ${nW}/3`;
    const nq = w.steps.slice(0, step + 1).filter((s) => s.kind === 'dO').length;
    if (nq) values.Whq = `Σ ${nq}/3`;
    return { done, current: new Set([...cur.nodes, ...cur.edges]), values, terms };
  }, [w, step, cur]);
  const onKey = (e: KeyboardEvent) => {
    const to =
      e.key === 'ArrowRight'
        ? step + 1
        : e.key === 'ArrowLeft'
          ? step - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? STEPS - 1
              : null;
    if (to === null) return;
    e.preventDefault();
    go(to);
  };
  // math linked to the graph: a symbol lights its node or edge and its term's path; a node lights its symbols
  const [focus, setFocus] = useState<string | null>(null);
  const [hoverNode, setHoverNode] = useState<string | null>(null);
  const lines = useMemo(() => expansionLines(terms), [terms]);
  const link = useMemo(
    () => (focus && linePartsOf(lines).includes(focus) ? graphLink(focus, terms) : null),
    [focus, lines, terms],
  );
  const lit = useCallback(
    (part: string) =>
      part === focus || (hoverNode !== null && (graphLink(part, terms)?.nodes.includes(hoverNode) ?? false)),
    [focus, hoverNode, terms],
  );
  const describe = useCallback((part: string) => describeSymbol(part, w, terms, t.symbols), [w, terms, t]);
  const sumSoFar = terms.reduce((a, b) => a.map((v, q) => v + b.value[q]) as Mat, [0, 0, 0, 0] as Mat);
  const ok = w.maxDiff < 1e-12;
  return (
    <div className="bg">
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the stepper group answers ←/→/Home/End as DESIGN asks */}
      {/* biome-ignore lint/a11y/useSemanticElements: a focusable group of buttons, not a form fieldset */}
      <div className="bg-nav" role="group" aria-label={t.stepper} tabIndex={0} onKeyDown={onKey}>
        <button type="button" onClick={() => go(0)} disabled={step === 0} aria-label={t.first}>
          «
        </button>
        <button type="button" onClick={() => go(step - 1)} disabled={step === 0} aria-label={t.prev}>
          ←
        </button>
        <button type="button" onClick={() => go(step + 1)} disabled={step === STEPS - 1} aria-label={t.next}>
          →
        </button>
        <button type="button" onClick={() => go(STEPS - 1)} disabled={step === STEPS - 1} aria-label={t.last}>
          »
        </button>
        <span className="bg-count" aria-live="polite" data-step={step}>
          {t.stepOf(step, STEPS - 1)}
        </span>
        <span className="bg-muted">{t.keys}</span>
        <button type="button" onClick={reseed}>
          {t.reseed}
        </button>
        <span className="bg-muted">
          {t.seed} {seed}
        </span>
      </div>
      <div className="bg-cols">
        <div>
          <Graph
            lang={lang}
            w={w}
            done={done}
            current={current}
            values={values}
            link={link}
            onHoverNode={setHoverNode}
          />
          <section aria-label={t.expansion} className="bg-linked">
            <h4 style={{ margin: '0.3rem 0' }}>{t.expansion}</h4>
            <p className="bg-muted" style={{ margin: 0 }}>
              {t.expansionNote}
            </p>
            {terms.length ? (
              <>
                <LinkedTex
                  lines={lines}
                  focus={focus}
                  lit={lit}
                  label={t.linkedLabel}
                  describe={describe}
                  onFocusPart={setFocus}
                  className="bg-expansion"
                />
                <p className="bg-readout">{focus ? describe(focus) : t.linkHint}</p>
              </>
            ) : (
              <p className="bg-muted">{t.notYet}</p>
            )}
          </section>
          <details className="bg-problem">
            <summary>{t.setup}</summary>
            <Tex
              tex={`\\mathbf{x} = ${texVec(w.problem.x)},\\ \\mathbf{y} = ${texVec(w.problem.y)},\\ ${H_(0)} = ${texVec(w.problem.h0)}`}
            />
            <Tex
              tex={`\\Wxh = ${texVec(w.problem.Wxh)},\\ \\Whh = ${texMat(w.problem.Whh)},\\ \\Whq = ${texVec(w.problem.Whq)}^\\top`}
            />
          </details>
        </div>
        <div className="bg-step" aria-live="polite" data-kind={cur.kind}>
          <p>
            <strong>{t.what[cur.kind](cur.t)}</strong>
          </p>
          {stepTex(cur, w).map((tex) => (
            <Tex key={tex} tex={tex} />
          ))}
          {cur.kind === 'check' ? (
            <p className="bg-check" data-ok={ok}>
              {t.check(formatScientific(w.maxDiff, 2), ok)}
            </p>
          ) : null}
        </div>
      </div>
      {terms.length ? (
        <section aria-label={t.termsTable}>
          <div className="bg-scroll">
            <table className="bg-terms">
              <caption className="viz-sr-only">{t.termsTable}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.term}</th>
                  <th scope="col">{t.power}</th>
                  <th scope="col">{t.value}</th>
                </tr>
              </thead>
              <tbody>
                {terms.map((x) => (
                  <tr
                    key={`${x.i}-${x.t}`}
                    data-term={`${x.i}-${x.t}`}
                    data-new={cur.terms?.includes(x) || undefined}
                  >
                    <td>
                      <Tex tex={termTex(x)} display={false} />
                    </td>
                    <td>{x.i - x.t}</td>
                    <td>
                      <Tex tex={texMat(x.value)} display={false} />
                    </td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">Σ</th>
                  <td />
                  <td>
                    <Tex tex={texMat(sumSoFar)} display={false} />
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
          {terms.length === 6 ? (
            <p className="bg-check" data-ok={ok}>
              {t.check(formatScientific(w.maxDiff, 2), ok)}
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
