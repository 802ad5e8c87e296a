/**
 * mlp-vs-rnn: an MLP applied to each step on its own beside an RNN, both trained in the page on "is x_t the
 * same symbol as x_{t−2}?". The RNN climbs to high accuracy; the MLP, which sees only x_t, stays at chance.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { formatPercent, LineChart, neutral, roleColor, THEME, VizStyles } from '../../viz';
import { ShareLink, UrlNoticeBanner } from '../shared/ShareLink';
import { readFromUrl, shareUrl, writeToUrl } from '../shared/urlState';
import type { WidgetBaseProps, WidgetLang } from '../types';
import {
  ALPHABET,
  compare,
  exampleSequence,
  mlpTable,
  parseSequence,
  TOTAL_STEPS,
  trainSteps,
} from './model';
import { Sub } from './Sub';
import { createMvrStore, MvrContext, mvrSchema, urlStateOf, useMvr, useMvrStore } from './store';
import { text } from './strings';
import './styles.css';

/** Each model's colour, dash and glyph: colour is never the only signal. */
const LOOK = {
  mlp: { color: roleColor('x'), dash: '6 4', glyph: THEME.x.glyph },
  rnn: { color: roleColor('h'), dash: undefined, glyph: THEME.h.glyph },
} as const;

/** Work per animation frame, so the page never blocks for long (one step of both models ≈ 1–2 ms). */
const SLICE_MS = 12;
/** How often the figure redraws while training. */
const PUBLISH_MS = 150;

export default function MlpVsRnn({ lang, id }: WidgetBaseProps) {
  const [schema] = useState(mvrSchema);
  const [{ store, notice }] = useState(() => {
    const { state, notice } = readFromUrl(id, schema);
    return { store: createMvrStore(state), notice };
  });
  useEffect(
    () =>
      store.subscribe((s) => {
        // the address bar is updated when training rests, not on every slice
        if (!s.running) writeToUrl(id, schema, urlStateOf(s));
      }),
    [store, id, schema],
  );
  return (
    <MvrContext.Provider value={store}>
      <div className="mvr">
        <VizStyles />
        <UrlNoticeBanner lang={lang} notice={notice} />
        <TrainingLoop />
        <Training lang={lang} />
        <TestSequence lang={lang} />
        <ShareLink lang={lang} url={() => shareUrl(id, schema, urlStateOf(store.getState()))} />
      </div>
    </MvrContext.Provider>
  );
}

/** Runs training in slices of about SLICE_MS per animation frame while the store says so. */
function TrainingLoop() {
  const store = useMvrStore();
  const running = useMvr((s) => s.running);
  useEffect(() => {
    if (!running) return;
    let frame = 0;
    let published = performance.now();
    const slice = () => {
      const start = performance.now();
      const s = store.getState();
      // A frame either trains for the slice's budget (deterministic: only the number of steps matters) or
      // redraws, a few times a second; never both, so no frame holds the main thread for training plus a
      // React render and its layout.
      if (s.exp.step >= s.target || start - published > PUBLISH_MS) {
        published = start;
        s.advance(0);
      } else {
        while (performance.now() - start < SLICE_MS && s.exp.step < s.target) trainSteps(s.exp, 1);
        if (s.exp.step >= s.target) s.advance(0);
      }
      const finished = s.exp.step >= s.target;
      if (!finished && store.getState().running) frame = requestAnimationFrame(slice);
    };
    frame = requestAnimationFrame(slice);
    return () => cancelAnimationFrame(frame);
  }, [running, store]);
  return null;
}

function Training({ lang }: { lang: WidgetLang }) {
  const t = text[lang];
  useMvr((s) => s.version);
  const exp = useMvr((s) => s.exp);
  const seed = useMvr((s) => s.seed);
  const running = useMvr((s) => s.running);
  const train = useMvr((s) => s.train);
  const pause = useMvr((s) => s.pause);
  const restart = useMvr((s) => s.restart);
  const reroll = useMvr((s) => s.reroll);
  const last = exp.history[exp.history.length - 1];
  const steps = exp.history.map((h) => h.step);
  const done = exp.step >= TOTAL_STEPS;
  return (
    <div className="mvr-training">
      <p className="mvr-task">{t.task}</p>
      <div className="mvr-controls">
        {running ? (
          <button type="button" onClick={pause}>
            ❚❚ {t.pause}
          </button>
        ) : (
          <button type="button" onClick={train} disabled={done}>
            ▶ {exp.step > 0 ? t.resume : t.train}
          </button>
        )}
        <button type="button" onClick={restart} disabled={exp.step === 0 && !running}>
          {t.restart}
        </button>
        <button type="button" onClick={reroll}>
          {t.reroll}
        </button>
        <span className="mvr-seed">
          {t.seed} <output>{seed}</output>
        </span>
      </div>
      <div className="mvr-progress">
        <progress max={TOTAL_STEPS} value={exp.step} aria-label={t.progress(exp.step)} />
        <span>{t.progress(exp.step)}</span>
      </div>
      <div className="mvr-scores" aria-live={running ? 'off' : 'polite'}>
        {(['mlp', 'rnn'] as const).map((k) => (
          <div key={k} className={`mvr-score mvr-score-${k}`} style={{ borderColor: LOOK[k].color }}>
            <span className="mvr-score-name">
              <span aria-hidden="true" style={{ color: LOOK[k].color }}>
                {LOOK[k].glyph}{' '}
              </span>
              {k === 'mlp' ? t.mlp : t.rnn}{' '}
              <small>
                (<Sub text={k === 'mlp' ? t.mlpWhat : t.rnnWhat} />)
              </small>
            </span>
            <span className="mvr-score-value" data-model={k}>
              {formatPercent(last[k], 0)}
            </span>
            <span className="mvr-score-label">{t.accuracy}</span>
          </div>
        ))}
      </div>
      <div className="mvr-chart">
        <LineChart
          title={t.chartTitle}
          xLabel={t.steps}
          yLabel={t.percent}
          yDomain={[0, 100]}
          format={(v) => String(Math.round(v))}
          series={[
            { name: t.rnn, values: exp.history.map((h) => 100 * h.rnn), x: steps, color: LOOK.rnn.color },
            {
              name: t.mlp,
              values: exp.history.map((h) => 100 * h.mlp),
              x: steps,
              color: LOOK.mlp.color,
              dash: LOOK.mlp.dash,
            },
            {
              name: t.chance,
              values: [50, 50],
              x: [0, Math.max(TOTAL_STEPS, 1)],
              color: neutral('muted'),
              dash: '2 3',
            },
          ]}
        />
      </div>
    </div>
  );
}

function TestSequence({ lang }: { lang: WidgetLang }) {
  const t = text[lang];
  const version = useMvr((s) => s.version);
  const exp = useMvr((s) => s.exp);
  const value = useMvr((s) => s.text);
  const seed = useMvr((s) => s.seed);
  const setText = useMvr((s) => s.setText);
  const inputId = useId();
  const parsed = useMemo(() => parseSequence(value), [value]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the models change in place; version marks it
  const rows = useMemo(() => (parsed.ok ? compare(exp, parsed.symbols) : []), [parsed, exp, version]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: as above
  const table = useMemo(() => mlpTable(exp), [exp, version]);
  const [exampleCount, setExampleCount] = useState(0);
  const scored = rows.filter((r) => r.truth !== null);
  const rightOf = (k: 'mlp' | 'rnn') => scored.filter((r) => (r[k] > 0.5 ? 1 : 0) === r.truth).length;
  return (
    <div className="mvr-test">
      <div className="mvr-test-input">
        <label htmlFor={inputId}>{t.testLabel}</label>
        <div className="mvr-test-row">
          <input
            id={inputId}
            type="text"
            value={value}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => setText(e.target.value)}
          />
          <button
            type="button"
            onClick={() => {
              setExampleCount(exampleCount + 1);
              setText(exampleSequence(seed * 31 + exampleCount + 1));
            }}
          >
            {t.example}
          </button>
        </div>
      </div>
      <div role="status" aria-live="polite" className="mvr-messages">
        {!parsed.ok && parsed.reason === 'unknown' ? (
          <p className="mvr-warning">⚠ {t.unknown(parsed.unknown.join(' '))}</p>
        ) : null}
        {!parsed.ok && parsed.reason === 'empty' ? <p className="mvr-warning">⚠ {t.empty}</p> : null}
        {parsed.ok && parsed.truncated ? <p className="mvr-warning">⚠ {t.truncated}</p> : null}
      </div>
      {parsed.ok ? (
        <>
          <p className="mvr-test-scores">
            {t.score(t.mlp, rightOf('mlp'), scored.length)} · {t.score(t.rnn, rightOf('rnn'), scored.length)}
          </p>
          <div className="mvr-table-wrap">
            <table className="mvr-table">
              <caption>{t.tableCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.colStep}</th>
                  <th scope="col">
                    <Sub text={t.colInput} />
                  </th>
                  <th scope="col">
                    <Sub text={t.colTwoBack} />
                  </th>
                  <th scope="col">{t.colAnswer}</th>
                  <th scope="col">
                    <span aria-hidden="true" style={{ color: LOOK.mlp.color }}>
                      {LOOK.mlp.glyph}{' '}
                    </span>
                    {t.mlp}
                  </th>
                  <th scope="col">
                    <span aria-hidden="true" style={{ color: LOOK.rnn.color }}>
                      {LOOK.rnn.glyph}{' '}
                    </span>
                    {t.rnn}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.t}>
                    <td>{r.t + 1}</td>
                    <td className="mvr-symbol" data-symbol={r.char}>
                      {r.char}
                    </td>
                    <td className="mvr-symbol">{r.t >= 2 ? rows[r.t - 2].char : '—'}</td>
                    <td>
                      {r.truth === null ? (
                        <small>
                          <Sub text={t.notScored} />
                        </small>
                      ) : r.truth ? (
                        t.yes
                      ) : (
                        t.no
                      )}
                    </td>
                    <Prediction lang={lang} kind="mlp" p={r.mlp} truth={r.truth} />
                    <Prediction lang={lang} kind="rnn" p={r.rnn} truth={r.truth} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      <section className="mvr-lookup" aria-label={t.lookupTitle}>
        <h4>{t.lookupTitle}</h4>
        <ul>
          {ALPHABET.map((ch, s) => (
            <li key={ch}>
              <span className="mvr-symbol">{ch}</span> → P(“{t.yes}”) = {formatPercent(table[s], 1)}
            </li>
          ))}
        </ul>
        <p>{t.lookupNote}</p>
      </section>
    </div>
  );
}

function Prediction({
  lang,
  kind,
  p,
  truth,
}: {
  lang: WidgetLang;
  kind: 'mlp' | 'rnn';
  p: number;
  truth: 0 | 1 | null;
}) {
  const t = text[lang];
  const answer = p > 0.5 ? 1 : 0;
  const verdict = truth === null ? null : answer === truth;
  const name = kind === 'mlp' ? t.mlp : t.rnn;
  return (
    <td className="mvr-pred" data-model={kind}>
      <span className="mvr-bar" aria-hidden="true">
        <span style={{ width: `${(p * 100).toFixed(1)}%`, background: LOOK[kind].color }} />
      </span>
      <span className="mvr-p" title={t.pYes(name, formatPercent(p, 1))}>
        {formatPercent(p, 0)} {answer ? t.yes : t.no}
      </span>{' '}
      {verdict === null ? null : (
        <span className={verdict ? 'mvr-right' : 'mvr-wrong'}>
          {verdict ? '✓' : '✗'}
          <span className="viz-sr-only">{verdict ? t.right : t.wrong}</span>
        </span>
      )}
    </td>
  );
}
