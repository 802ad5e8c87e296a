/** The stepper's controls: native inputs and buttons with accessible names in the page's language. */
import { useId, useState } from 'react';
import { CELLS, type CellKind, MAX_LAYERS, MAX_LENGTH, parseSequence } from './model';
import { SPEEDS, useStepper } from './store';
import type { StepperText } from './text';

export function SetupControls({ text }: { text: StepperText }) {
  const uid = useId();
  const cell = useStepper((s) => s.cell);
  const layers = useStepper((s) => s.layers);
  const bidirectional = useStepper((s) => s.bidirectional);
  const sequence = useStepper((s) => s.sequence);
  const seed = useStepper((s) => s.seed);
  const mode = useStepper((s) => s.mode);
  const setCell = useStepper((s) => s.setCell);
  const setLayers = useStepper((s) => s.setLayers);
  const setBidirectional = useStepper((s) => s.setBidirectional);
  const setSequence = useStepper((s) => s.setSequence);
  const setSeed = useStepper((s) => s.setSeed);
  const reroll = useStepper((s) => s.reroll);
  const setMode = useStepper((s) => s.setMode);
  const [draft, setDraft] = useState(sequence);
  const [seedDraft, setSeedDraft] = useState<string | null>(null);
  const parsed = parseSequence(draft);
  const jordan = cell === 'jordan';
  return (
    <div className="us-setup">
      <div className="us-field us-seq">
        <label htmlFor={`${uid}-seq`}>{text.sequence}</label>
        <input
          id={`${uid}-seq`}
          type="text"
          value={draft}
          spellCheck={false}
          autoComplete="off"
          maxLength={MAX_LENGTH * 8}
          aria-describedby={`${uid}-seq-msg`}
          onChange={(e) => {
            const v = e.target.value;
            setDraft(v);
            if (parseSequence(v).tokens.length > 0) setSequence(v);
          }}
        />
        <span id={`${uid}-seq-msg`} className="us-msg" aria-live="polite">
          {parsed.issues.length
            ? parsed.issues.map((i) => text.issue(i)).join(' ')
            : text.sequenceHint(MAX_LENGTH)}
        </span>
      </div>
      <div className="us-field">
        <label htmlFor={`${uid}-cell`}>{text.cell}</label>
        <select id={`${uid}-cell`} value={cell} onChange={(e) => setCell(e.target.value as CellKind)}>
          {CELLS.map((c) => (
            <option key={c} value={c}>
              {text.cells[c]}
            </option>
          ))}
        </select>
      </div>
      <div className="us-field">
        <label htmlFor={`${uid}-layers`}>{text.layers}</label>
        <select
          id={`${uid}-layers`}
          value={jordan ? 1 : layers}
          disabled={jordan}
          aria-describedby={jordan ? `${uid}-jordan` : undefined}
          onChange={(e) => setLayers(Number(e.target.value))}
        >
          {Array.from({ length: MAX_LAYERS }, (_, k) => k + 1).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <div className="us-field us-check">
        <input
          id={`${uid}-bi`}
          type="checkbox"
          checked={!jordan && bidirectional}
          disabled={jordan}
          aria-describedby={jordan ? `${uid}-jordan` : undefined}
          onChange={(e) => setBidirectional(e.target.checked)}
        />
        <label htmlFor={`${uid}-bi`}>{text.bidirectional}</label>
      </div>
      <div className="us-field">
        <label htmlFor={`${uid}-mode`}>{text.mode}</label>
        <select
          id={`${uid}-mode`}
          value={mode}
          onChange={(e) => setMode(e.target.value as 'forward' | 'backward')}
        >
          <option value="forward">{text.modes.forward}</option>
          <option value="backward">{text.modes.backward}</option>
        </select>
      </div>
      <div className="us-field us-seed">
        <label htmlFor={`${uid}-seed`}>{text.seed}</label>
        <input
          id={`${uid}-seed`}
          type="number"
          inputMode="numeric"
          min={0}
          max={999999}
          value={seedDraft ?? String(seed)}
          onChange={(e) => {
            setSeedDraft(e.target.value);
            const v = Number(e.target.value);
            if (e.target.value !== '' && Number.isFinite(v)) setSeed(v);
          }}
          onBlur={() => setSeedDraft(null)}
        />
        <button
          type="button"
          onClick={() => {
            setSeedDraft(null);
            reroll();
          }}
        >
          {text.reroll}
        </button>
      </div>
      {jordan ? (
        <p id={`${uid}-jordan`} className="us-note us-full">
          {text.jordanNote}
        </p>
      ) : null}
    </div>
  );
}

export function PlayControls({
  text,
  reducedMotion,
  valueText,
}: {
  text: StepperText;
  reducedMotion: boolean;
  valueText: string;
}) {
  const uid = useId();
  const t = useStepper((s) => s.t);
  const count = useStepper((s) => s.count);
  const playing = useStepper((s) => s.playing);
  const speed = useStepper((s) => s.speed);
  const phase = useStepper((s) => s.phase);
  const phases = useStepper((s) => s.phases);
  const prev = useStepper((s) => s.prev);
  const next = useStepper((s) => s.next);
  const togglePlay = useStepper((s) => s.togglePlay);
  const reset = useStepper((s) => s.reset);
  const jump = useStepper((s) => s.jump);
  const setSpeed = useStepper((s) => s.setSpeed);
  const atStart = t === 0 && phase === 0;
  const atEnd = t >= count - 1 && phase >= phases - 1;
  return (
    <div className="us-play">
      <div className="us-buttons">
        <button type="button" onClick={reset} aria-label={text.reset} title={text.reset} disabled={atStart}>
          <Icon d="M3.2 8.5A5 5 0 1 0 5 4.3M2.8 1.8v3.4h3.4" line />
        </button>
        <button type="button" onClick={prev} aria-label={text.prev} title={text.prev} disabled={atStart}>
          <Icon d="M13 3 6 8l7 5zM3 3h2v10H3z" />
        </button>
        <button
          type="button"
          className="us-playbtn"
          onClick={togglePlay}
          aria-label={playing ? text.pause : text.play}
          aria-pressed={playing}
          title={reducedMotion ? text.reducedMotion : playing ? text.pause : text.play}
          disabled={reducedMotion}
        >
          <Icon d={playing ? 'M4 3h3v10H4zM9 3h3v10H9z' : 'M4 2.5v11L13 8z'} />
        </button>
        <button type="button" onClick={next} aria-label={text.next} title={text.next} disabled={atEnd}>
          <Icon d="M3 3l7 5-7 5zM11 3h2v10h-2z" />
        </button>
      </div>
      <div className="us-field us-timeline">
        <label htmlFor={`${uid}-t`}>{text.timeline}</label>
        <input
          id={`${uid}-t`}
          type="range"
          min={0}
          max={Math.max(0, count - 1)}
          step={1}
          value={Math.min(t, Math.max(0, count - 1))}
          aria-valuetext={valueText}
          onChange={(e) => jump(Number(e.target.value))}
        />
      </div>
      <div className="us-field">
        <label htmlFor={`${uid}-speed`}>{text.speed}</label>
        <select
          id={`${uid}-speed`}
          value={speed}
          disabled={reducedMotion}
          onChange={(e) => setSpeed(Number(e.target.value))}
        >
          {SPEEDS.map((v) => (
            <option key={v} value={v}>
              {text.speedValue(v)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/** A 16 × 16 button icon (the button carries the accessible name). */
function Icon({ d, line }: { d: string; line?: boolean }) {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        d={d}
        fill={line ? 'none' : 'currentColor'}
        stroke="currentColor"
        strokeWidth={line ? 1.8 : 1}
        strokeLinejoin="round"
        strokeLinecap="round"
      />
    </svg>
  );
}
