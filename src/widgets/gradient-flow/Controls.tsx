/** The figure's settings: native range inputs and selects with names in the page's language. */
import { useId } from 'react';
import { formatFixed } from '../../viz';
import type { WidgetLang } from '../types';
import { type Link, linkProps } from './LinkedEquations';
import { LIMITS } from './model';
import { type FlowSettings, useFlow } from './store';
import { strings } from './strings';

/** Log-scale slider positions 0…1000 ↔ values in [lo, hi]. */
export const logSlider = {
  toValue: (pos: number, [lo, hi]: readonly [number, number]) => lo * (hi / lo) ** (pos / 1000),
  toPos: (v: number, [lo, hi]: readonly [number, number]) =>
    Math.round((1000 * Math.log(Math.min(hi, Math.max(lo, v)) / lo)) / Math.log(hi / lo)),
};

export function formatRadius(v: number): string {
  return v < 10 ? formatFixed(v, 2) : formatFixed(v, 1);
}

export function Controls({ lang, link }: { lang: WidgetLang; link?: Link }) {
  const t = strings[lang];
  const s = useFlow((st) => st);
  const set = s.set;
  const view = s.view;
  return (
    <fieldset className="gf-controls">
      <legend>{t.controls}</legend>
      <Slider
        label={t.radius}
        name="radius"
        min={0}
        max={1000}
        step={1}
        value={logSlider.toPos(s.radius, LIMITS.radius)}
        shown={formatRadius(s.radius)}
        onChange={(pos) => set('radius', Number(logSlider.toValue(pos, LIMITS.radius).toPrecision(3)))}
        link={link}
      />
      <Slider
        label={t.inputScale}
        name="inputScale"
        min={LIMITS.inputScale[0]}
        max={LIMITS.inputScale[1]}
        step={0.05}
        value={s.inputScale}
        shown={formatFixed(s.inputScale, 2)}
        onChange={(v) => set('inputScale', v)}
      />
      <Slider
        label={t.length}
        name="T"
        min={LIMITS.T[0]}
        max={LIMITS.T[1]}
        step={1}
        value={s.T}
        shown={String(s.T)}
        onChange={(v) => set('T', v)}
      />
      <Choice
        label={t.activation}
        name="activation"
        value={s.activation}
        options={[
          ['tanh', 'tanh'],
          ['relu', 'ReLU'],
        ]}
        onChange={(v) => set('activation', v as FlowSettings['activation'])}
        link={link}
      />
      {view !== 'truncation' ? (
        <Choice
          label={t.cell}
          name="cell"
          value={s.cell}
          options={(['rnn', 'gru', 'lstm'] as const).map((c) => [c, t.cells[c]])}
          onChange={(v) => set('cell', v as FlowSettings['cell'])}
        />
      ) : null}
      {view === 'norms' ? (
        <Slider
          label={t.clip}
          name="clip"
          min={0}
          max={1000}
          step={1}
          value={logSlider.toPos(s.clip, LIMITS.clip)}
          shown={formatRadius(s.clip)}
          onChange={(pos) => set('clip', Number(logSlider.toValue(pos, LIMITS.clip).toPrecision(2)))}
        />
      ) : null}
      {view === 'truncation' ? (
        <Slider
          label={t.k}
          name="k"
          min={LIMITS.k[0]}
          max={LIMITS.k[1]}
          step={1}
          value={s.k}
          shown={String(s.k)}
          onChange={(v) => set('k', v)}
        />
      ) : null}
      {view === 'norms' ? (
        <label className="gf-control">
          <span>
            <input type="checkbox" checked={s.compare} onChange={(e) => set('compare', e.target.checked)} />{' '}
            {t.compare}
          </span>
        </label>
      ) : null}
      <div className="gf-buttons">
        <button type="button" onClick={s.reseed}>
          {t.reseed}
        </button>
        {view === 'truncation' ? (
          <button type="button" onClick={s.redraw}>
            {t.redraw}
          </button>
        ) : null}
        <button type="button" onClick={s.reset}>
          {t.reset}
        </button>
        <span className="gf-seed">
          {t.seed} {s.seed}
        </span>
      </div>
    </fieldset>
  );
}

function Slider(props: {
  label: string;
  name: string;
  min: number;
  max: number;
  step: number;
  value: number;
  shown: string;
  onChange: (v: number) => void;
  /** Linked math: the radius slider is where ρ lives. */
  link?: Link;
}) {
  const id = useId();
  return (
    <div {...linkProps(props.name, props.link, 'gf-control')}>
      <label htmlFor={id}>
        {props.label}: <output htmlFor={id}>{props.shown}</output>
      </label>
      <input
        id={id}
        type="range"
        data-control={props.name}
        min={props.min}
        max={props.max}
        step={props.step}
        value={props.value}
        aria-valuetext={props.shown}
        onChange={(e) => props.onChange(Number(e.target.value))}
      />
    </div>
  );
}

function Choice(props: {
  label: string;
  name: string;
  value: string;
  options: (readonly [string, string])[];
  onChange: (v: string) => void;
  /** Linked math: the activation is f in f′. */
  link?: Link;
}) {
  const id = useId();
  return (
    <div {...linkProps(props.name, props.link, 'gf-control')}>
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        data-control={props.name}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.options.map(([v, name]) => (
          <option key={v} value={v}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}
