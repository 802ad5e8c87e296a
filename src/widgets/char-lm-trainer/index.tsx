/**
 * char-lm-trainer: a character-level language model trained live in a Web Worker. Corpus, cell, sizes,
 * learning rate, clipping and truncation; start/pause/resume/stop/reset; loss, perplexity and
 * gradient-norm charts (runs compared); sampling; save and load the model as PyTorch-named JSON.
 * A trained GRU or LSTM is handed to the gate inspectors through the shared trained-model store: a
 * weight snapshot on pause, on stop and when the reader leaves the page while it trains, and the
 * weights of a model file loaded into the trainer.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { CellKind } from '../../engine/train/index.ts';
import { formatCount, formatFixed, LineChart, roleColor } from '../../viz';
import { TrainerClient, TrainerRequestError } from '../../workers/client.ts';
import type { CorpusSource, WireError } from '../../workers/protocol.ts';
import { ShareLink, UrlNoticeBanner } from '../shared/ShareLink';
import { firstLine, weightsFromSnapshot } from '../shared/trainedModelFile';
import { readModelFileOffThread, trainedModels } from '../shared/trainedModels';
import { readFromUrl, shareUrl, writeToUrl } from '../shared/urlState';
import type { WidgetBaseProps, WidgetLang } from '../types';
import { GradChart } from './GradChart';
import {
  CELLS,
  CORPORA,
  type CorpusChoice,
  defaultSettings,
  HIDDEN_CHOICES,
  LAYER_CHOICES,
  LIMITS,
  MAX_RUNS_SHOWN,
  parseNumber,
  type Settings,
  settingsSchema,
  thin,
  toTrainConfig,
} from './model';
import {
  createTrainerStore,
  type TrainerState,
  TrainerStoreContext,
  useTrainer,
  useTrainerStore,
} from './store';
import { css } from './styles';
import { describeError, text } from './text';

export interface CharLmTrainerProps extends WidgetBaseProps {
  /** Initial corpus (the URL, when it names this figure, wins). */
  corpus?: 'tang' | 'english' | 'own';
  cell?: CellKind;
}

const CHART_REFRESH_MS = 500;
const CELL_ROLE = { rnn: 'h', gru: 'r', lstm: 'i' } as const;
const CELL_DASH = { rnn: '', gru: '6 3', lstm: '2 2' } as const;
const PREFIX: Record<CorpusChoice, string> = { tang: '想要有直升机', english: 'And God said', own: '' };

function toWire(e: unknown): WireError {
  if (e instanceof TrainerRequestError)
    return { code: e.code, corpusCode: e.corpusCode, message: e.message, details: e.details };
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}

export default function CharLmTrainer({ lang, id, corpus, cell }: CharLmTrainerProps) {
  const [init] = useState(() => {
    const base = defaultSettings(corpus ?? 'english', cell ?? 'lstm');
    const schema = settingsSchema(base);
    const { state, notice } = readFromUrl(id, schema);
    return { store: createTrainerStore(state, PREFIX[state.corpus]), schema, notice };
  });
  const { store, schema } = init;
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.settings !== prev.settings) writeToUrl(id, schema, s.settings);
      }),
    [store, id, schema],
  );
  return (
    <TrainerStoreContext.Provider value={store}>
      <style href="unrolled-char-lm-trainer" precedence="default">
        {css}
      </style>
      <UrlNoticeBanner lang={lang} notice={init.notice} />
      <TrainerBody lang={lang} id={id} share={() => shareUrl(id, schema, store.getState().settings)} />
    </TrainerStoreContext.Provider>
  );
}

/** How long a leaving trainer waits for its last weight snapshot before ending the worker anyway. */
const LEAVE_SNAPSHOT_MS = 3000;

/**
 * The worker client, created on first use and ended when the figure goes away. `beforeEnd` (if it
 * returns a promise) runs first when the figure unmounts, e.g. client-side navigation to another
 * chapter; a page that is unloading (pagehide) ends the worker at once.
 */
function useClient(beforeEnd?: (client: TrainerClient) => Promise<void> | null) {
  const store = useTrainerStore();
  const ref = useRef<TrainerClient | null>(null);
  const leave = useRef(beforeEnd);
  leave.current = beforeEnd;
  useEffect(() => {
    const end = () => {
      ref.current?.terminate();
      ref.current = null;
    };
    const unmount = () => {
      const client = ref.current;
      ref.current = null;
      const last = client && !client.isTerminated ? leave.current?.(client) : null;
      if (!client || !last) return client?.terminate();
      const timer = setTimeout(() => client.terminate(), LEAVE_SNAPSHOT_MS);
      void last.finally(() => {
        clearTimeout(timer);
        client.terminate();
      });
    };
    window.addEventListener('pagehide', end);
    return () => {
      window.removeEventListener('pagehide', end);
      unmount();
    };
  }, []);
  return () => {
    if (!ref.current || ref.current.isTerminated) {
      const client = new TrainerClient();
      client.on((event) => store.getState().apply(event));
      ref.current = client;
    }
    return ref.current;
  };
}

function TrainerBody({ lang, id, share }: { lang: WidgetLang; id: string; share: () => string }) {
  const t = text[lang];
  const store = useTrainerStore();
  /** Copies the worker's current GRU/LSTM weights into the shared store (a plain RNN has no gates). */
  const publishSnapshot = async (client: TrainerClient): Promise<void> => {
    const s = store.getState();
    const run = s.runs.find((r) => r.id === s.activeRunId);
    if (!s.info || !run || s.info.config.cell === 'rnn') return;
    const snap = await client.snapshot();
    const cell = snap.config.cell;
    if (snap.runId !== run.id || cell === 'rnn') return;
    const last = run.points.length ? run.points[run.points.length - 1] : null;
    trainedModels.getState().publish({
      key: `${id}#${snap.runId}`,
      origin: 'trainer',
      cell,
      hidden: snap.config.hidden,
      layers: snap.config.layers,
      vocab: snap.vocab,
      weights: weightsFromSnapshot(snap),
      corpus: run.corpus,
      sampleLine: run.corpus === 'own' ? firstLine(s.ownText) : undefined,
      step: last?.step ?? null,
      perplexity: last?.perplexity ?? null,
    });
    store.getState().setPublished({ cell, step: last?.step ?? null });
  };
  // leaving the chapter while a GRU/LSTM trains: keep what it learnt so far
  const getClient = useClient((client) =>
    store.getState().status === 'training' ? publishSnapshot(client).catch(() => {}) : null,
  );
  const onHalt = useRef(() => {});
  onHalt.current = () => void publishSnapshot(getClient()).catch(() => {});
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (prev.status === 'training' && (s.status === 'paused' || s.status === 'stopped')) onHalt.current();
      }),
    [store],
  );
  const status = useTrainer((s) => s.status);
  const busy = useTrainer((s) => s.busy);
  const problem = useTrainer((s) => s.problem);
  const settings = useTrainer((s) => s.settings);
  const hasRuns = useTrainer((s) => s.runs.length > 0);
  const running = status === 'training' || status === 'paused';

  const act = async (fn: () => Promise<unknown>, where: 'train' | 'sample' | 'file' = 'train') => {
    try {
      await fn();
    } catch (e) {
      const error = toWire(e);
      if (error.code !== 'cancelled') store.getState().setProblem({ where, error });
    }
  };

  const start = () =>
    act(async () => {
      const s = store.getState();
      const source: CorpusSource =
        s.settings.corpus === 'own'
          ? { kind: 'text', text: s.ownText, name: 'own' }
          : {
              kind: 'builtin',
              id: s.settings.corpus,
              url: new URL(`${import.meta.env.BASE_URL}corpora/${s.settings.corpus}.txt`, location.href).href,
            };
      s.setProblem(null);
      s.setBusy(true);
      try {
        const info = await getClient().start(toTrainConfig(s.settings), source);
        store.getState().runStarted(info, s.settings);
      } finally {
        store.getState().setBusy(false);
      }
    });

  const reset = () =>
    act(async () => {
      await getClient().reset();
      store.getState().clear();
    });

  const problemId = useId();
  return (
    <div className="clt" data-status={status}>
      <SettingsPanel lang={lang} />
      <div className="clt-buttons">
        <button
          type="button"
          className="clt-primary"
          onClick={start}
          disabled={busy || status === 'preparing'}
        >
          {hasRuns || running ? t.restart : t.start}
        </button>
        {status === 'paused' ? (
          <button type="button" onClick={() => act(() => getClient().resume())}>
            {t.resume}
          </button>
        ) : (
          <button
            type="button"
            onClick={() => act(() => getClient().pause())}
            disabled={status !== 'training'}
          >
            {t.pause}
          </button>
        )}
        <button type="button" onClick={() => act(() => getClient().stop())} disabled={!running}>
          {t.stop}
        </button>
        <button type="button" onClick={reset} disabled={status === 'idle' && !hasRuns}>
          {t.reset}
        </button>
        <ShareLink lang={lang} url={share} />
      </div>
      <p className="clt-status" role="status" aria-live="polite" data-testid="trainer-status">
        {t.status[status]}
      </p>
      {problem?.where === 'train' ? (
        <p
          className="clt-problem"
          role="alert"
          id={problemId}
          data-code={problem.error.corpusCode ?? problem.error.code}
        >
          {describeError(t, problem.error)}
        </p>
      ) : null}
      <Stats lang={lang} />
      <PublishedNotice lang={lang} />
      <Charts lang={lang} />
      <SamplePanel lang={lang} getClient={getClient} act={act} />
      <FilePanel lang={lang} id={id} getClient={getClient} act={act} settings={settings} />
    </div>
  );
}

function NumberField({
  label,
  hint,
  value,
  lo,
  hi,
  step,
  onCommit,
  lang,
}: {
  label: string;
  hint?: string;
  value: number;
  lo: number;
  hi: number;
  step: number;
  onCommit(v: number): void;
  lang: WidgetLang;
}) {
  const [typed, setTyped] = useState(String(value));
  const [invalid, setInvalid] = useState(false);
  const fieldId = useId();
  useEffect(() => setTyped(String(value)), [value]);
  return (
    <div className="clt-field">
      <label htmlFor={fieldId}>{label}</label>
      <input
        id={fieldId}
        type="number"
        inputMode="decimal"
        min={lo}
        max={hi}
        step={step}
        value={typed}
        aria-invalid={invalid || undefined}
        aria-describedby={hint || invalid ? `${fieldId}-hint` : undefined}
        onChange={(e) => {
          setTyped(e.target.value);
          const v = parseNumber(e.target.value, lo, hi);
          setInvalid(v === null);
          if (v !== null) onCommit(v);
        }}
        onBlur={() => setTyped(String(value))}
      />
      {hint || invalid ? (
        <small id={`${fieldId}-hint`} className={invalid ? 'clt-invalid' : undefined}>
          {invalid ? text[lang].invalidNumber(label) : hint}
        </small>
      ) : null}
    </div>
  );
}

function SettingsPanel({ lang }: { lang: WidgetLang }) {
  const t = text[lang];
  const store = useTrainerStore();
  const s = useTrainer((st) => st.settings);
  const ownText = useTrainer((st) => st.ownText);
  const set = store.getState().setSetting;
  const ids = { corpus: useId(), cell: useId(), hidden: useId(), layers: useId(), own: useId() };
  return (
    <fieldset className="clt-settings">
      <legend>{t.settings}</legend>
      <div className="clt-grid">
        <div className="clt-field">
          <label htmlFor={ids.corpus}>{t.corpus}</label>
          <select
            id={ids.corpus}
            value={s.corpus}
            onChange={(e) => {
              const corpus = e.target.value as CorpusChoice;
              set('corpus', corpus);
              store.getState().setSample({ prefix: PREFIX[corpus] });
            }}
          >
            {CORPORA.map((c) => (
              <option key={c} value={c}>
                {t.corpora[c]}
              </option>
            ))}
          </select>
        </div>
        <div className="clt-field">
          <label htmlFor={ids.cell}>{t.cell}</label>
          <select id={ids.cell} value={s.cell} onChange={(e) => set('cell', e.target.value as CellKind)}>
            {CELLS.map((c) => (
              <option key={c} value={c}>
                {t.cells[c]}
              </option>
            ))}
          </select>
        </div>
        <div className="clt-field">
          <label htmlFor={ids.hidden}>{t.hidden}</label>
          <select id={ids.hidden} value={s.hidden} onChange={(e) => set('hidden', Number(e.target.value))}>
            {[...new Set([...HIDDEN_CHOICES, s.hidden])]
              .sort((a, b) => a - b)
              .map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
          </select>
        </div>
        <div className="clt-field">
          <label htmlFor={ids.layers}>{t.layers}</label>
          <select id={ids.layers} value={s.layers} onChange={(e) => set('layers', Number(e.target.value))}>
            {LAYER_CHOICES.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </div>
        <NumberField
          lang={lang}
          label={t.lr}
          value={s.lr}
          lo={LIMITS.lr[0]}
          hi={LIMITS.lr[1]}
          step={0.001}
          onCommit={(v) => set('lr', v)}
        />
        <NumberField
          lang={lang}
          label={t.clip}
          hint={t.clipHint}
          value={s.clip}
          lo={LIMITS.clip[0]}
          hi={LIMITS.clip[1]}
          step={0.1}
          onCommit={(v) => set('clip', v)}
        />
        <NumberField
          lang={lang}
          label={t.seqLen}
          value={s.seqLen}
          lo={LIMITS.seqLen[0]}
          hi={LIMITS.seqLen[1]}
          step={1}
          onCommit={(v) => set('seqLen', Math.round(v))}
        />
      </div>
      {s.corpus === 'own' ? (
        <div className="clt-field clt-own">
          <label htmlFor={ids.own}>{t.ownText}</label>
          <textarea
            id={ids.own}
            rows={5}
            value={ownText}
            placeholder={t.ownTextPlaceholder}
            onChange={(e) => store.getState().setOwnText(e.target.value)}
          />
        </div>
      ) : null}
    </fieldset>
  );
}

function Stats({ lang }: { lang: WidgetLang }) {
  const t = text[lang];
  const info = useTrainer((s) => s.info);
  const last = useTrainer((s) => {
    const run = s.runs.find((r) => r.id === s.activeRunId);
    return run && run.points.length > 0 ? run.points[run.points.length - 1] : null;
  });
  if (!info) return null;
  const locale = lang === 'zh' ? 'zh-CN' : 'en';
  return (
    <p className="clt-stats" data-testid="trainer-stats">
      {t.cells[info.config.cell]} · {t.vocab(info.vocabSize, info.corpusChars)} · {t.backend(info.backend)}
      {last ? (
        <>
          <br />
          <span data-testid="trainer-numbers" data-loss={last.loss} data-step={last.step}>
            {t.stats({
              step: formatCount(last.step),
              epoch: String(last.epoch + 1),
              tps: Math.round(last.tokensPerSecond).toLocaleString(locale),
              loss: formatFixed(last.loss, 3),
              ppl: formatFixed(last.perplexity, 1),
            })}
          </span>
        </>
      ) : null}
    </p>
  );
}

/** Says that the model is now in the gate inspectors (or why a plain RNN is not). */
function PublishedNotice({ lang }: { lang: WidgetLang }) {
  const t = text[lang];
  const published = useTrainer((s) => s.published);
  const rnnDone = useTrainer(
    (s) => s.info?.config.cell === 'rnn' && (s.status === 'paused' || s.status === 'stopped'),
  );
  if (published)
    return (
      <p className="clt-hint" role="status" data-testid="trainer-published">
        {t.published(
          published.cell.toUpperCase(),
          published.step === null ? null : formatCount(published.step),
        )}
      </p>
    );
  return rnnDone ? <p className="clt-hint">{t.rnnNotPublished}</p> : null;
}

/**
 * The store's runs, re-read at most every `ms` (progress arrives up to 10 times a second; redrawing
 * three charts that often costs the main thread more than the reader gains).
 */
function useThrottledRuns(ms: number): TrainerState['runs'] {
  const store = useTrainerStore();
  const [runs, setRuns] = useState(() => store.getState().runs);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = 0;
    const flush = () => {
      timer = null;
      last = performance.now();
      setRuns(store.getState().runs);
    };
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.runs === prev.runs || timer) return;
      const wait = Math.max(0, last + ms - performance.now());
      // a new or cleared run shows at once
      timer = setTimeout(flush, s.runs.length !== prev.runs.length ? 0 : wait);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [store, ms]);
  return runs;
}

function Charts({ lang }: { lang: WidgetLang }) {
  const t = text[lang];
  const runs = useThrottledRuns(CHART_REFRESH_MS);
  const activeRunId = useTrainer((s) => s.activeRunId);
  const shown = runs.filter((r) => r.points.length > 0).slice(-MAX_RUNS_SHOWN);
  const active = runs.find((r) => r.id === activeRunId);
  if (shown.length === 0) return null;
  const activePts = thin(active?.points ?? [], 200);
  return (
    <div className="clt-charts">
      <LineChart
        maxTableRows={30}
        title={t.lossChart}
        xLabel={t.step}
        yLabel={t.loss}
        series={shown.map((r, k) => {
          const pts = thin(r.points, 200);
          return {
            name: t.runName(r.cell.toUpperCase(), runs.indexOf(r) + 1),
            values: pts.map((p) => p.loss),
            x: pts.map((p) => p.step),
            color: roleColor(CELL_ROLE[r.cell]),
            dash: CELL_DASH[r.cell] || (k % 2 ? '8 2' : undefined),
          };
        })}
      />
      {activePts.length > 0 && active ? (
        <>
          <LineChart
            maxTableRows={30}
            title={t.pplChart}
            xLabel={t.step}
            yLabel={t.ppl}
            logY
            series={[
              {
                name: t.ppl,
                values: activePts.map((p) => p.perplexity),
                x: activePts.map((p) => p.step),
                color: roleColor(CELL_ROLE[active.cell]),
              },
            ]}
          />
          <GradChart
            points={activePts}
            clip={active.clip}
            title={t.gradChart}
            xLabel={t.step}
            yLabel={t.gradNorm}
            thresholdLabel={t.threshold}
            clippedLabel={t.clippedMark}
          />
        </>
      ) : null}
    </div>
  );
}

type Act = (fn: () => Promise<unknown>, where?: 'train' | 'sample' | 'file') => Promise<void>;

function SamplePanel({
  lang,
  getClient,
  act,
}: {
  lang: WidgetLang;
  getClient: () => TrainerClient;
  act: Act;
}) {
  const t = text[lang];
  const store = useTrainerStore();
  const sample = useTrainer((s) => s.sample);
  const problem = useTrainer((s) => s.problem);
  const hasModel = useTrainer((s) => s.status !== 'idle' && s.status !== 'preparing');
  const [greedy, setGreedy] = useState(false);
  const ids = { prefix: useId(), greedy: useId() };
  const run = () =>
    act(async () => {
      const s = store.getState();
      s.setSample({ busy: true });
      s.setProblem(null);
      try {
        const result = await getClient().sample({
          prefix: s.sample.prefix,
          temperature: s.sample.temperature,
          length: s.sample.length,
          greedy,
          seed: s.sample.seed,
        });
        store.getState().setSample({ result, seed: s.sample.seed + 1 });
      } finally {
        store.getState().setSample({ busy: false });
      }
    }, 'sample');
  return (
    <section className="clt-sample" aria-label={t.sampleHeading}>
      <h4>{t.sampleHeading}</h4>
      <div className="clt-grid">
        <div className="clt-field">
          <label htmlFor={ids.prefix}>{t.prefix}</label>
          <input
            id={ids.prefix}
            type="text"
            value={sample.prefix}
            maxLength={200}
            onChange={(e) => store.getState().setSample({ prefix: e.target.value })}
          />
        </div>
        <NumberField
          lang={lang}
          label={t.temperature}
          value={sample.temperature}
          lo={LIMITS.temperature[0]}
          hi={LIMITS.temperature[1]}
          step={0.1}
          onCommit={(v) => store.getState().setSample({ temperature: v })}
        />
        <NumberField
          lang={lang}
          label={t.length}
          value={sample.length}
          lo={LIMITS.sampleLength[0]}
          hi={LIMITS.sampleLength[1]}
          step={10}
          onCommit={(v) => store.getState().setSample({ length: Math.round(v) })}
        />
        <div className="clt-field clt-check">
          <input
            id={ids.greedy}
            type="checkbox"
            checked={greedy}
            onChange={(e) => setGreedy(e.target.checked)}
          />
          <label htmlFor={ids.greedy}>{t.greedy}</label>
        </div>
      </div>
      <button type="button" onClick={run} disabled={!hasModel || sample.busy}>
        {sample.busy ? t.sampling : t.sample}
      </button>
      {!hasModel ? <p className="clt-hint">{t.noModel}</p> : null}
      {problem?.where === 'sample' ? (
        <p className="clt-problem" role="alert">
          {describeError(t, problem.error)}
        </p>
      ) : null}
      {sample.result ? (
        <>
          {sample.result.unknown.length > 0 ? (
            <p className="clt-hint" data-testid="sample-unknown">
              {t.unknownChars(sample.result.unknown.join(' '))}
            </p>
          ) : null}
          <output className="clt-output" aria-label={t.sampleOutput} data-testid="sample-output">
            <strong>{sample.result.prefix}</strong>
            {sample.result.generated}
          </output>
        </>
      ) : null}
    </section>
  );
}

function FilePanel({
  lang,
  id,
  getClient,
  act,
}: {
  lang: WidgetLang;
  id: string;
  getClient: () => TrainerClient;
  act: Act;
  settings: Settings;
}) {
  const t = text[lang];
  const store = useTrainerStore();
  const problem = useTrainer((s) => s.problem);
  const loadedInfo = useTrainer((s) => s.loadedInfo);
  const hasModel = useTrainer((s) => s.status !== 'idle' && s.status !== 'preparing');
  const fileId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const save = () =>
    act(async () => {
      const { bytes, fileName } = await getClient().save();
      const url = URL.createObjectURL(new Blob([bytes], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    }, 'file');
  const load = (file: File) =>
    act(async () => {
      store.getState().setProblem(null);
      const json = await file.text();
      const r = await getClient().load(json);
      store.getState().loaded(
        {
          cell: r.architecture.cell,
          hidden: r.architecture.hidden,
          layers: r.architecture.layers,
          vocabSize: r.vocabSize,
        },
        r.runId,
      );
      // a GRU/LSTM file goes to the gate inspectors too (read again off the main thread, weights kept)
      if (r.architecture.cell === 'rnn') return;
      const read = await readModelFileOffThread(json);
      if (!read.ok) return;
      trainedModels.getState().publish({
        ...read.model,
        key: `${id}#${r.runId}`,
        origin: 'file',
        fileName: file.name,
      });
      store.getState().setPublished({ cell: read.model.cell, step: read.model.step });
    }, 'file');
  return (
    <section className="clt-file" aria-label={t.fileHeading}>
      <h4>{t.fileHeading}</h4>
      <div className="clt-buttons">
        <button type="button" onClick={save} disabled={!hasModel}>
          {t.save}
        </button>
        {/* the browser's own file control speaks the browser's language, not the page's: a button opens it */}
        <button type="button" onClick={() => fileRef.current?.click()}>
          {t.load}
        </button>
        <input
          ref={fileRef}
          id={fileId}
          type="file"
          className="viz-sr-only"
          tabIndex={-1}
          aria-hidden="true"
          accept=".json,application/json"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void load(f);
          }}
        />
      </div>
      {loadedInfo ? (
        <p className="clt-hint" role="status">
          {t.loadedModel({
            cell: loadedInfo.cell,
            hidden: loadedInfo.hidden,
            layers: loadedInfo.layers,
            vocab: loadedInfo.vocabSize,
          })}
        </p>
      ) : null}
      {problem?.where === 'file' ? (
        <p className="clt-problem" role="alert" data-code={problem.error.code}>
          {describeError(t, problem.error)}
        </p>
      ) : null}
    </section>
  );
}
