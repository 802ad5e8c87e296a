/**
 * elman-jordan: one sequence through an Elman network (hidden state fed back) and a Jordan network (output
 * fed back), stepping together; each shows its feedback edge highlighted, with the fed-back values on it.
 */
import { type KeyboardEvent, useEffect, useId, useMemo, useState } from 'react';
import { VizStyles } from '../../viz';
import { ShareLink, UrlNoticeBanner } from '../shared/ShareLink';
import { readFromUrl, shareUrl, writeToUrl } from '../shared/urlState';
import type { WidgetBaseProps, WidgetLang } from '../types';
import { type Parsed, parseSequence, runBoth } from './model';
import { NetworkPanel } from './NetworkPanel';
import { createEjStore, EjContext, ejSchema, urlStateOf, useEj, useEjStore } from './store';
import { text } from './strings';
import './styles.css';

export interface ElmanJordanProps extends WidgetBaseProps {
  /** The sequence read at first (the URL, when it names this figure, wins). */
  sequence?: string;
}

export default function ElmanJordan({ lang, id, sequence = 'hello' }: ElmanJordanProps) {
  const [schema] = useState(() => ejSchema(sequence));
  const [{ store, notice }] = useState(() => {
    const { state, notice } = readFromUrl(id, schema);
    return { store: createEjStore(state), notice };
  });
  useEffect(() => store.subscribe((s) => writeToUrl(id, schema, urlStateOf(s))), [store, id, schema]);
  return (
    <EjContext.Provider value={store}>
      <div className="ej">
        <VizStyles />
        <UrlNoticeBanner lang={lang} notice={notice} />
        <Body lang={lang} />
        <ShareLink lang={lang} url={() => shareUrl(id, schema, urlStateOf(store.getState()))} />
      </div>
    </EjContext.Provider>
  );
}

function Body({ lang }: { lang: WidgetLang }) {
  const t = text[lang];
  const value = useEj((s) => s.text);
  const seed = useEj((s) => s.seed);
  const rawStep = useEj((s) => s.step);
  const parsed: Parsed = useMemo(() => parseSequence(value), [value]);
  const runs = useMemo(
    () => (parsed.ok ? runBoth(parsed.ids, parsed.vocab.length, seed) : null),
    [parsed, seed],
  );
  const T = parsed.ok ? parsed.chars.length : 0;
  const step = Math.min(rawStep, Math.max(0, T - 1));
  return (
    <>
      <Controls lang={lang} />
      <div className="ej-messages" role="status" aria-live="polite">
        {!parsed.ok ? <p className="ej-warning">⚠ {t.empty}</p> : null}
        {parsed.ok && parsed.truncated ? <p className="ej-warning">⚠ {t.truncated}</p> : null}
      </div>
      {parsed.ok && runs ? (
        <>
          <Stepper lang={lang} T={T} step={step} chars={parsed.chars} />
          <div className="ej-panels">
            <NetworkPanel
              lang={lang}
              run={runs.elman}
              chars={parsed.chars}
              vocab={parsed.vocab}
              step={step}
            />
            <NetworkPanel
              lang={lang}
              run={runs.jordan}
              chars={parsed.chars}
              vocab={parsed.vocab}
              step={step}
            />
          </div>
        </>
      ) : null}
    </>
  );
}

function Controls({ lang }: { lang: WidgetLang }) {
  const t = text[lang];
  const value = useEj((s) => s.text);
  const seed = useEj((s) => s.seed);
  const setText = useEj((s) => s.setText);
  const reroll = useEj((s) => s.reroll);
  const inputId = useId();
  return (
    <div className="ej-controls">
      <label htmlFor={inputId}>{t.input}</label>
      <input
        id={inputId}
        type="text"
        value={value}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => setText(e.target.value)}
      />
      <button type="button" onClick={reroll}>
        {t.reroll}
      </button>
      <span className="ej-seed">
        {t.seed} <output>{seed}</output>
      </span>
    </div>
  );
}

function Stepper({ lang, T, step, chars }: { lang: WidgetLang; T: number; step: number; chars: string[] }) {
  const t = text[lang];
  const store = useEjStore();
  const playing = useEj((s) => s.playing);
  const goTo = useEj((s) => s.goTo);
  const setPlaying = useEj((s) => s.setPlaying);
  const sliderId = useId();
  const keysId = useId();

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const s = store.getState();
      if (s.step >= T - 1) s.setPlaying(false);
      else s.goTo(s.step + 1, T);
    }, 1100);
    return () => clearInterval(timer);
  }, [playing, store, T]);

  const play = () => {
    if (playing) setPlaying(false);
    else {
      if (step >= T - 1) goTo(0, T);
      setPlaying(true);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFieldSetElement>) => {
    const target = e.target as HTMLElement;
    if (target.tagName === 'INPUT') return; // the slider has its own keys
    if (target.tagName === 'BUTTON' && (e.key === ' ' || e.key === 'Enter')) return;
    const moves: Record<string, number> = { ArrowRight: step + 1, ArrowLeft: step - 1, Home: 0, End: T - 1 };
    if (e.key in moves) {
      e.preventDefault();
      setPlaying(false);
      goTo(moves[e.key], T);
    } else if (e.key === ' ') {
      e.preventDefault();
      play();
    }
  };

  return (
    <fieldset
      className="ej-stepper"
      aria-describedby={keysId}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the stepper answers ←/→/Home/End/Space when focused
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <legend>{t.steps}</legend>
      <div className="ej-buttons">
        <button type="button" onClick={() => goTo(0, T)} disabled={step === 0} aria-label={t.first}>
          ⇤
        </button>
        <button type="button" onClick={() => goTo(step - 1, T)} disabled={step === 0} aria-label={t.back}>
          ← <span className="ej-btn-text">{t.back}</span>
        </button>
        <button type="button" onClick={play} aria-label={playing ? t.pause : t.play} aria-pressed={playing}>
          {playing ? '❚❚' : '▶'} <span className="ej-btn-text">{playing ? t.pause : t.play}</span>
        </button>
        <button
          type="button"
          onClick={() => goTo(step + 1, T)}
          disabled={step >= T - 1}
          aria-label={t.forward}
        >
          <span className="ej-btn-text">{t.forward}</span> →
        </button>
        <button type="button" onClick={() => goTo(T - 1, T)} disabled={step >= T - 1} aria-label={t.last}>
          ⇥
        </button>
      </div>
      <div className="ej-slider">
        <label htmlFor={sliderId}>{t.slider}</label>
        <input
          id={sliderId}
          type="range"
          min={1}
          max={T}
          step={1}
          value={step + 1}
          aria-valuetext={t.status(step + 1, T, chars[step] === ' ' ? '␣' : chars[step])}
          onChange={(e) => {
            setPlaying(false);
            goTo(Number(e.target.value) - 1, T);
          }}
        />
      </div>
      <p className="ej-status" aria-live="polite">
        {t.status(step + 1, T, chars[step] === ' ' ? '␣' : chars[step])}
      </p>
      <p className="ej-keys" id={keysId}>
        {t.keys}
      </p>
    </fieldset>
  );
}
