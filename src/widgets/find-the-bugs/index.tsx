/**
 * find-the-bugs: the practice chapter's broken PyTorch script. The reader marks the lines they suspect,
 * checks the marks, asks for hints, reveals each bug with its explanation and fix, applies fixes, and runs
 * the script as it would behave — re-enacted with our engine — against the corrected one.
 */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { formatFixed, formatPercent, LineChart, neutral, roleColor } from '../../viz';
import { ShareLink, UrlNoticeBanner } from '../shared/ShareLink';
import { readFromUrl, shareUrl, writeToUrl } from '../shared/urlState';
import type { WidgetBaseProps, WidgetLang } from '../types';
import { CRASH_MESSAGE, SETUP, smooth, softmaxFloor } from './model';
import { ALL_FIXES, BUG_IDS, BUG_LINES, FIX_IDS, type FixId, NO_FIXES, scriptWith } from './script';
import { createFtbStore, type FtbState, fixesOf, schema, toBits } from './store';
import { FTB_CSS } from './styles';
import { type FtbText, text } from './text';

const settingsOf = (s: FtbState) => ({
  marked: s.marked.join(','),
  revealed: toBits(s.revealed),
  applied: toBits(s.applied),
  seed: s.seed,
});

const reducedMotion = () =>
  typeof matchMedia !== 'undefined' && matchMedia('(prefers-reduced-motion: reduce)').matches;

export default function FindTheBugs({ lang, id }: WidgetBaseProps) {
  const [{ store, notice }] = useState(() => {
    const { state, notice } = readFromUrl(id, schema);
    return { store: createFtbStore(state, { live: !reducedMotion() }), notice };
  });
  useEffect(() => {
    const unsub = store.subscribe((s, p) => {
      if (s.marked !== p.marked || s.revealed !== p.revealed || s.applied !== p.applied)
        writeToUrl(id, schema, settingsOf(s));
    });
    return () => {
      unsub();
      store.getState().dispose();
    };
  }, [store, id]);
  const t = text[lang];
  return (
    <div className="find-the-bugs">
      <style href="unrolled-find-the-bugs" precedence="default">
        {FTB_CSS}
      </style>
      <UrlNoticeBanner lang={lang} notice={notice} />
      <p className="ftb-instructions">{t.instructions}</p>
      <ScriptView t={t} store={store} />
      <MarkCheck t={t} store={store} />
      <BugList t={t} store={store} />
      <RunPanel t={t} lang={lang} store={store} />
      <ShareLink lang={lang} url={() => shareUrl(id, schema, settingsOf(store.getState()))} />
    </div>
  );
}

type P = { t: FtbText; store: StoreApi<FtbState> };

const bugNumber = (f: FixId) => BUG_IDS.indexOf(f as (typeof BUG_IDS)[number]) + 1;

function ScriptView({ t, store }: P) {
  const marked = useStore(store, (s) => s.marked);
  const revealed = useStore(store, (s) => s.revealed);
  const applied = useStore(store, (s) => s.applied);
  const lines = scriptWith(fixesOf(applied));
  const bugsOn = (n: number | null) => (n === null ? [] : revealed.filter((f) => BUG_LINES[f].includes(n)));
  return (
    // biome-ignore lint/a11y/useSemanticElements: a listing of code lines, each with a mark button
    <div className="ftb-script" role="group" aria-label={t.scriptLabel}>
      {lines.map((line, k) => {
        const bugs = bugsOn(line.number);
        const isMarked = line.number !== null && marked.includes(line.number);
        const blank = line.text.trim() === '';
        const hash = line.text.indexOf('#');
        const code =
          hash >= 0 && !line.text.slice(0, hash).includes("'") ? line.text.slice(0, hash) : line.text;
        const comment = code.length < line.text.length ? line.text.slice(code.length) : '';
        return (
          <div
            // biome-ignore lint/suspicious/noArrayIndexKey: lines are positions in a fixed listing
            key={k}
            className={`ftb-line${isMarked ? ' ftb-marked' : ''}${bugs.length ? ' ftb-buggy' : ''}${line.changed ? ' ftb-changed' : ''}`}
            data-line={line.number ?? undefined}
          >
            {line.number === null ? (
              <span className="ftb-gutter ftb-inserted" aria-hidden="true">
                +
              </span>
            ) : blank ? (
              <span className="ftb-gutter ftb-blank">
                {line.number}
                <span className="ftb-flag" aria-hidden="true" />
              </span>
            ) : (
              <button
                type="button"
                className="ftb-gutter"
                aria-pressed={isMarked}
                aria-label={t.markLine(line.number)}
                onClick={() => store.getState().toggleMark(line.number as number)}
              >
                {line.number}
                <span className="ftb-flag" aria-hidden="true">
                  {isMarked ? '⚑' : ''}
                </span>
              </button>
            )}
            <code className="ftb-code">
              {code}
              {comment ? <span className="ftb-comment">{comment}</span> : null}
            </code>
            {bugs.length || line.changed ? (
              <span className="ftb-badges">
                {bugs.map((f) => (
                  <span key={f} className="ftb-badge">
                    {f === 'random-labels' ? t.flaw.split(' (')[0].split('（')[0] : t.bug(bugNumber(f))}
                  </span>
                ))}
                {line.changed ? <span className="ftb-badge ftb-badge-fixed">✓ {t.fixLabel}</span> : null}
              </span>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

function MarkCheck({ t, store }: P) {
  const marked = useStore(store, (s) => s.marked);
  const checked = useStore(store, (s) => s.checked);
  return (
    <div className="ftb-check">
      <div className="ftb-buttons">
        <button type="button" onClick={() => store.getState().check()} disabled={!marked.length}>
          {t.check}
        </button>
        <button type="button" onClick={() => store.getState().clearMarks()} disabled={!marked.length}>
          {t.clear}
        </button>
      </div>
      <div aria-live="polite" className="ftb-check-result">
        {checked ? (
          <>
            <p data-found={checked.found.length}>
              <strong>{t.result(checked.found.length)}</strong>
            </p>
            {checked.wrong.length ? <p>{t.wrongLines(checked.wrong.join(', '))}</p> : null}
            {checked.crashLineMarked ? <p>{t.crashLine}</p> : null}
            {checked.flawFound ? <p>{t.flawLine}</p> : null}
          </>
        ) : null}
      </div>
    </div>
  );
}

function BugList({ t, store }: P) {
  const hints = useStore(store, (s) => s.hints);
  const revealed = useStore(store, (s) => s.revealed);
  const applied = useStore(store, (s) => s.applied);
  return (
    <ol className="ftb-bugs">
      {FIX_IDS.map((f) => {
        const b = t.bugs[f];
        const shown = revealed.includes(f);
        const headingId = `ftb-${f}`;
        return (
          <li
            key={f}
            className={`ftb-bug${shown ? ' ftb-bug-shown' : ''}`}
            data-bug={f}
            aria-labelledby={headingId}
          >
            <h4 id={headingId}>
              {f === 'random-labels' ? t.flaw : t.bug(bugNumber(f))}
              {shown ? `: ${b.title}` : ''}
            </h4>
            {!shown ? (
              <div className="ftb-buttons">
                <button
                  type="button"
                  onClick={() => store.getState().showHint(f)}
                  disabled={hints.includes(f)}
                >
                  {t.hint}
                </button>
                <button type="button" onClick={() => store.getState().reveal(f)}>
                  {t.reveal}
                </button>
              </div>
            ) : null}
            {hints.includes(f) && !shown ? (
              <p className="ftb-hint">
                <strong>{t.hint}:</strong> {b.hint}
              </p>
            ) : null}
            {shown ? (
              <div className="ftb-explain">
                <p className="ftb-where">{t.lines(BUG_LINES[f].join(', '))}</p>
                <p>{b.explain}</p>
                {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
                <pre tabIndex={0}>
                  <code>{b.fix}</code>
                </pre>
                <label className="ftb-apply">
                  <input
                    type="checkbox"
                    checked={applied.includes(f)}
                    onChange={(e) => store.getState().setApplied(f, e.target.checked)}
                  />{' '}
                  {t.apply}
                </label>
              </div>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

function RunPanel({ t, lang, store }: P & { lang: WidgetLang }) {
  const run = useStore(store, (s) => s.run);
  const applied = useStore(store, (s) => s.applied);
  const reference = useStore(store, (s) => s.reference);
  const referenceRunning = useStore(store, (s) => s.referenceRunning);
  const busy = run.status === 'running' || referenceRunning;
  const res = run.result;
  const runFixes = FIX_IDS.filter((f) => run.fixes[f]);
  const name = (f: FixId) =>
    f === 'random-labels' ? t.flaw.split(' (')[0].split('（')[0] : t.bug(bugNumber(f));
  const fmt = (v: number) => formatFixed(v, 4);
  const series = [];
  if (res?.losses.length)
    series.push({
      name: t.thisRun,
      values: smooth(res.losses),
      color: roleColor('grad'),
      dash: '6 3',
    });
  if (reference && !FIX_IDS.every((f) => run.fixes[f]))
    series.push({ name: t.corrected, values: smooth(reference.losses), color: roleColor('h') });
  if (series.length) {
    const n = Math.max(...series.map((s) => s.values.length));
    series.push({ name: t.ln2, values: new Array(n).fill(Math.LN2), color: neutral('muted'), dash: '2 3' });
    if (!run.fixes['softmax-before-ce'])
      series.push({
        name: t.floor,
        values: new Array(n).fill(softmaxFloor()),
        color: roleColor('f'),
        dash: '8 2 2 2',
      });
  }
  return (
    <section className="ftb-run" aria-label={t.output}>
      <p className="ftb-reenact">ⓘ {t.reenact}</p>
      <div className="ftb-buttons">
        <button type="button" onClick={() => store.getState().startRun(NO_FIXES)} disabled={busy}>
          {t.runBroken}
        </button>
        <button type="button" onClick={() => store.getState().startRun(fixesOf(applied))} disabled={busy}>
          {t.run}
        </button>
        <button type="button" onClick={() => store.getState().startRun(ALL_FIXES)} disabled={busy}>
          {t.runCorrected}
        </button>
        {busy ? (
          <button type="button" onClick={() => store.getState().stop()}>
            {t.stop}
          </button>
        ) : null}
      </div>
      <p className="ftb-applied">{t.applied(applied.length ? applied.map(name).join(', ') : t.none)}</p>
      <div className="ftb-status" role="status" data-status={run.status}>
        {run.status === 'running' ? t.running(run.step, run.total) : ''}
        {run.status !== 'running' && referenceRunning ? `${t.runCorrected}…` : ''}
      </div>
      {run.status !== 'idle' ? (
        <>
          <h4 className="ftb-output-title">
            {t.output}
            {run.status === 'done'
              ? ` — ${t.applied(runFixes.length ? runFixes.map(name).join(', ') : t.none)}`
              : ''}
          </h4>
          <pre
            className="ftb-console"
            data-crashed={res?.crashed ? 'true' : 'false'}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
            tabIndex={0}
          >
            {res?.crashed
              ? `Traceback (most recent call last):\n  File "train.py", line 35, in <module>\n    logits = model(xb)\n  File "train.py", line 26, in forward\n    out, h = self.rnn(e)\n${CRASH_MESSAGE}`
              : (res?.printed ?? [])
                  .map((p) => `epoch ${p.epoch}  batch ${p.batch}  loss ${fmt(p.loss)}`)
                  .join('\n')}
          </pre>
          {res && !res.crashed ? (
            <p className="ftb-diag">
              {t.diagnostics(res.distinctIds, formatFixed(res.labelMean, 2))}{' '}
              {res.heldOutAccuracy !== null ? (
                <span data-accuracy={res.heldOutAccuracy}>
                  {t.heldOut(formatPercent(res.heldOutAccuracy, 0))}
                </span>
              ) : null}
            </p>
          ) : res?.crashed ? (
            <p className="ftb-diag">{t.crashed}</p>
          ) : null}
          {series.length ? (
            <div className="ftb-chart" lang={lang === 'zh' ? 'zh-Hans' : 'en'}>
              <LineChart
                title={t.chartTitle}
                xLabel={t.step}
                yLabel={t.loss}
                series={series}
                yDomain={[
                  0,
                  Math.max(1, ...series.flatMap((s) => Array.from(s.values).filter(Number.isFinite))),
                ]}
                height={230}
              />
            </div>
          ) : null}
        </>
      ) : null}
      <p className="ftb-setup">
        n = {SETUP.samples}, T = {SETUP.seqLen}, |V| = {SETUP.vocab}, batch = {SETUP.batch}, epochs ={' '}
        {SETUP.epochs}
      </p>
    </section>
  );
}
