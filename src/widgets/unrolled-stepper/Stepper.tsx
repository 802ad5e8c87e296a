/**
 * The stepper's body: controls, the unrolled network, and the current cell in detail (diagram,
 * equations, numbers or gradients). The run is computed once per configuration; a step only reads it.
 */
import {
  type KeyboardEvent,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { divergingScale, Legend, MatrixView, VectorView } from '../../viz';
import { ShareLink, UrlNoticeBanner } from '../shared/ShareLink';
import { shareUrl, type UrlNotice } from '../shared/urlState';
import type { WidgetLang } from '../types';
import { CellView, readVector } from './CellView';
import { PlayControls, SetupControls } from './Controls';
import { Equations } from './Equations';
import { backwardLines, equationLines } from './equations';
import { Gradients } from './Gradients';
import {
  buildRun,
  PHASES,
  partValue,
  positionCount,
  positionOf,
  type StepDetail,
  showChar,
  stepDetail,
  timeOf,
} from './model';
import { Numbers } from './Numbers';
import { urlStateOf, useStepper, useStepperApi } from './store';
import { StepperStyles } from './styles';
import { text as texts } from './text';
import { UnrolledView } from './UnrolledView';
import { stepperSchema } from './urlSchema';

const PART_LABEL: Record<string, string> = {
  x: 'x_t',
  h_prev: 'h_{t−1}',
  c_prev: 'c_{t−1}',
  y_prev: 'o_{t−1}',
  h: 'h_t',
  h_out: 'h_t',
  c: 'c_t',
  'op:c': 'c_t',
  a: 'a_t',
  'gate:i': 'I_t',
  'gate:f': 'F_t',
  'gate:o': 'O_t',
  'gate:g': 'C̃_t',
  'gate:r': 'R_t',
  'gate:z': 'Z_t',
  'gate:n': 'H̃_t',
  'op:f*c': 'F_t ⊙ C_{t−1}',
  'op:i*g': 'I_t ⊙ C̃_t',
  'op:tanh(c)': 'tanh(C_t)',
  'op:o*tanh(c)': 'h_t',
  'op:z*h': 'Z_t ⊙ H_{t−1}',
  'op:1-z': '1 − Z_t',
  'op:(1-z)*n': '(1 − Z_t) ⊙ H̃_t',
  'op:r*(W_hn h)': 'R_t ⊙ (H_{t−1}W_{hh} + b_{hh})',
  'op:n': 'H̃_t',
  'op:h': 'h_t',
  grad: '∂L/∂h_t',
};
export const partLabel = (part: string) => PART_LABEL[part] ?? part.replace(/^W_(\w)(\w+)$/, 'W_{$1$2}');

function useReducedMotion(): boolean {
  const [reduced, setReduced] = useState(
    () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches,
  );
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const mq = matchMedia('(prefers-reduced-motion: reduce)');
    const on = () => setReduced(mq.matches);
    mq.addEventListener?.('change', on);
    return () => mq.removeEventListener?.('change', on);
  }, []);
  return reduced;
}

export function Stepper({ lang, id, notice }: { lang: WidgetLang; id: string; notice?: UrlNotice }) {
  const text = texts[lang];
  const uid = useId();
  const api = useStepperApi();
  const cell = useStepper((s) => s.cell);
  const layers = useStepper((s) => s.layers);
  const bidirectional = useStepper((s) => s.bidirectional);
  const sequence = useStepper((s) => s.sequence);
  const seed = useStepper((s) => s.seed);
  const mode = useStepper((s) => s.mode);
  const tIndex = useStepper((s) => s.t);
  const phaseRaw = useStepper((s) => s.phase);
  const dirRaw = useStepper((s) => s.dir);
  const focus = useStepper((s) => s.focus);
  const playing = useStepper((s) => s.playing);
  const speed = useStepper((s) => s.speed);
  const setFocus = useStepper((s) => s.setFocus);
  const reduced = useReducedMotion();

  // forward and backward once per configuration; an empty sequence (a bad link) falls back to "hello"
  const run = useMemo(
    () =>
      buildRun({ cell, layers, bidirectional, sequence, seed }) ??
      buildRun({ cell, layers, bidirectional, sequence: 'hello', seed }),
    [cell, layers, bidirectional, sequence, seed],
  );
  if (!run) throw new Error('the stepper could not run its network');
  const phases = mode === 'backward' ? 1 : PHASES[run.config.cell];
  const count = positionCount(run);
  useLayoutEffect(() => api.getState().setLimits(count, phases), [api, count, phases]);

  const pos = positionOf(run, tIndex, mode);
  const phase = Math.min(phaseRaw, phases - 1);
  const dir = run.D === 2 ? dirRaw : 0;
  const layer = pos.layer;
  const t = timeOf(pos, dir);
  const detail: StepDetail = useMemo(() => stepDetail(run, layer, dir, t), [run, layer, dir, t]);
  const scales = useMemo(
    () => ({
      value: divergingScale({ maxAbs: run.maxAbs.values }),
      weight: divergingScale({ maxAbs: run.maxAbs.weights }),
      grad: divergingScale({ maxAbs: run.maxAbs.grads }),
    }),
    [run],
  );

  // keep the current cell in view when the diagram scrolls (phones, long sequences), without reading
  // layout on a step: sizes come from a ResizeObserver, the scroll position from scroll events
  const scroller = useRef<HTMLDivElement>(null);
  const geom = useRef({ box: 0, content: 0, left: 0 });
  useEffect(() => {
    const box = scroller.current;
    if (!box || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      geom.current.box = box.clientWidth;
      geom.current.content = box.scrollWidth;
    };
    const ro = new ResizeObserver(measure);
    ro.observe(box);
    if (box.firstElementChild) ro.observe(box.firstElementChild);
    return () => ro.disconnect();
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the current cell moves
  useEffect(() => {
    const box = scroller.current;
    const svg = box?.querySelector<SVGSVGElement>('svg[data-width]');
    const cur = box?.querySelector<SVGGElement>(`[data-cell="cell:l${layer}:d${dir}:t${t}"]`);
    const g = geom.current;
    if (!box || !svg || !cur || g.content <= g.box + 1) return;
    const scale = g.content / Number(svg.dataset.width);
    const x = Number(cur.dataset.cx) * scale;
    const margin = 40 * scale;
    if (x - margin < g.left || x + margin > g.left + g.box)
      box.scrollTo({ left: Math.max(0, x - g.box / 2), behavior: reduced ? 'auto' : 'smooth' });
  }, [layer, dir, t, run]);

  // playback
  useEffect(() => {
    if (!playing) return;
    if (reduced) {
      api.getState().stop();
      return;
    }
    const timer = setInterval(() => api.getState().next(), 1000 / speed);
    return () => clearInterval(timer);
  }, [api, playing, speed, reduced]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const el = e.target as HTMLElement;
    const type = el instanceof HTMLInputElement ? el.type : '';
    if (
      (type && type !== 'checkbox' && type !== 'button') ||
      el.tagName === 'SELECT' ||
      el.tagName === 'TEXTAREA'
    )
      return;
    const s = api.getState();
    if (e.key === 'ArrowRight') s.next();
    else if (e.key === 'ArrowLeft') s.prev();
    else if (e.key === 'Home') s.home();
    else if (e.key === 'End') s.end();
    else if (e.key === ' ' && el.tagName !== 'BUTTON' && type !== 'checkbox') {
      if (!reduced) s.togglePlay();
    } else return;
    e.preventDefault();
  };

  const onPick = useCallback(
    (l: number, d: number, k: number) => {
      // the position of cell (l, d, k) in the current schedule
      const T = run.T;
      const block = mode === 'forward' ? l : run.L - 1 - l;
      const step = mode === 'forward' ? (d === 0 ? k : T - 1 - k) : d === 0 ? T - 1 - k : k;
      const s = api.getState();
      s.setDir(d);
      s.jump(block * T + step);
    },
    [api, run, mode],
  );

  const describe = useCallback(
    (part: string): string => {
      const name = partLabel(part).replace(/[{}]/g, '');
      if (part === 'grad') return `${name}: ${readVector(run.dh[layer][dir][t])}`;
      const v = partValue(detail, part, run.H);
      if (!v) return name;
      if (v.kind === 'vector') return `${name} = (${readVector(v.values)})`;
      return `${name}: ${v.mat.rows} × ${v.mat.cols}`;
    },
    [detail, run, layer, dir, t],
  );
  const describeOrNull = useCallback((part: string) => describe(part), [describe]);

  const lines = useMemo(
    () =>
      mode === 'forward'
        ? equationLines(run.config.cell)
        : backwardLines(run.config.cell, lang === 'zh' ? '来自上一层' : 'from the layer above'),
    [mode, run.config.cell, lang],
  );

  const positionText = text.position({
    t: pos.t + 1,
    T: run.T,
    layer: layer + 1,
    L: run.L,
    rev: run.D === 2 ? pos.tRev + 1 : undefined,
    step: pos.index + 1,
    count,
    ch: showChar(run.parsed.tokens[pos.t]),
  });
  const phaseText =
    mode === 'backward'
      ? text.backwardPhase
      : text.phaseOf(phase + 1, phases, text.phaseNames[run.config.cell][phase] ?? '');
  const cellName = text.cells[run.config.cell];

  return (
    // biome-ignore lint/a11y/useSemanticElements: the whole figure, not a form
    <div
      className="us"
      role="group"
      aria-label={text.controls}
      aria-describedby={`${uid}-keys`}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the figure takes focus so its keys (← → Home End Space) work
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <StepperStyles />
      <UrlNoticeBanner lang={lang} notice={notice} />
      <SetupControls text={text} />
      <PlayControls text={text} reducedMotion={reduced} valueText={positionText} />
      <p id={`${uid}-keys`} className="us-note us-keys">
        {text.keys}
        {reduced ? ` ${text.reducedMotion}` : ''}
      </p>
      <div className="us-status" aria-live="polite">
        <strong>{positionText}</strong>
        <span className="us-phase">{phaseText}</span>
        {mode === 'backward' ? (
          <span className="us-lossline">{text.loss(run.loss.toPrecision(4))}</span>
        ) : null}
      </div>
      <div
        className="us-scroll"
        ref={scroller}
        onScroll={(e) => {
          geom.current.left = e.currentTarget.scrollLeft;
        }}
      >
        <UnrolledView
          run={run}
          pos={pos}
          mode={mode}
          dir={dir}
          valueScale={scales.value}
          gradScale={scales.grad}
          t={text}
          onPick={onPick}
        />
      </div>
      {run.D === 2 ? (
        <fieldset className="us-dir">
          <legend>{text.direction}</legend>
          {[0, 1].map((d) => (
            <button key={d} type="button" aria-pressed={dir === d} onClick={() => api.getState().setDir(d)}>
              {d === 0 ? text.forwardDir : text.reverseDir}
            </button>
          ))}
        </fieldset>
      ) : null}
      <div className="us-detail">
        <div className="us-left">
          <CellView
            cell={run.config.cell}
            phase={mode === 'forward' ? phase : -1}
            focus={focus}
            title={text.cellTitle(cellName)}
            describe={describeOrNull}
            onFocusPart={setFocus}
          />
          <Equations
            lines={lines}
            phase={mode === 'forward' ? phase : -1}
            focus={focus}
            label={text.equations}
            describe={describe}
            onFocusPart={setFocus}
          />
          <Readout
            part={focus}
            detail={detail}
            run={run}
            layer={layer}
            dir={dir}
            t={t}
            scales={scales}
            text={text}
          />
        </div>
        <div className="us-right">
          {mode === 'forward' ? (
            <>
              <h3 className="us-h">{text.numbers}</h3>
              <Numbers
                detail={detail}
                H={run.H}
                phase={phase}
                valueScale={scales.value}
                weightScale={scales.weight}
                t={text}
              />
            </>
          ) : (
            <Gradients
              run={run}
              pos={pos}
              layer={layer}
              dir={dir}
              t={t}
              gradScale={scales.grad}
              text={text}
            />
          )}
          <div className="us-legends">
            <Legend
              scale={mode === 'forward' ? scales.value : scales.grad}
              title={mode === 'forward' ? text.valueLegend : text.gradLegend}
              width={220}
            />
            {mode === 'forward' ? (
              <Legend scale={scales.weight} title={text.weightLegend} width={220} />
            ) : null}
          </div>
        </div>
      </div>
      <div className="us-share">
        <ShareLink lang={lang} url={() => shareUrl(id, stepperSchema, urlStateOf(api.getState()))} />
      </div>
    </div>
  );
}

function Readout({
  part,
  detail,
  run,
  layer,
  dir,
  t,
  scales,
  text,
}: {
  part: string | null;
  detail: StepDetail;
  run: NonNullable<ReturnType<typeof buildRun>>;
  layer: number;
  dir: number;
  t: number;
  scales: {
    value: ReturnType<typeof divergingScale>;
    weight: ReturnType<typeof divergingScale>;
    grad: ReturnType<typeof divergingScale>;
  };
  text: (typeof texts)['en'];
}) {
  let body = <p className="us-note">{text.hoverHint}</p>;
  if (part) {
    const label = partLabel(part);
    if (part === 'grad')
      body = (
        <VectorView
          values={run.dh[layer][dir][t]}
          label={label}
          orientation="row"
          cellSize={30}
          showValues
          scale={scales.grad}
        />
      );
    else {
      const v = partValue(detail, part, run.H);
      const weight = part.startsWith('W_') || part.startsWith('b_');
      if (v?.kind === 'vector')
        body = (
          <VectorView
            values={v.values}
            label={label}
            orientation="row"
            cellSize={v.values.length > 8 ? 24 : 34}
            showValues={v.values.length <= 8}
            scale={weight ? scales.weight : scales.value}
            itemLabels={part === 'x' ? detail.xLabels : undefined}
          />
        );
      else if (v?.kind === 'matrix')
        body = (
          <MatrixView
            values={v.mat.data}
            rows={v.mat.rows}
            cols={v.mat.cols}
            label={label}
            cellSize={20}
            scale={scales.weight}
            rowLabels={v.mat.rows === detail.xLabels.length ? detail.xLabels : undefined}
          />
        );
    }
  }
  return <div className="us-readout">{body}</div>;
}
