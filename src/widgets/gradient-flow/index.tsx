/**
 * gradient-flow: backpropagation through time made visible. ‖∂L/∂h_t‖ for a loss at the last step, for
 * tanh and ReLU RNNs, a GRU and an LSTM on the same seed and inputs, as the spectral radius of W_hh, the
 * input scale and the length change; the eigenvalues of W_hh, the Jacobian product, clipping; the unrolled
 * graph with edges sized by the gradient; and what truncation drops.
 */
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { publishReading } from '../shared/figureReadings';
import { ShareLink, UrlNoticeBanner } from '../shared/ShareLink';
import { readFromUrl, shareUrl, writeToUrl } from '../shared/urlState';
import type { Bilingual, WidgetBaseProps, WidgetLang } from '../types';
import { Controls } from './Controls';
import { ErrorNote } from './ErrorNote';
import { GraphView } from './GraphView';
import type { FlowPart } from './linked';
import { computeFlow, type FlowResult, ingredients, netKeyOf } from './model';
import { NormsView } from './NormsView';
import {
  createFlowStore,
  FlowStoreContext,
  schema,
  settingsFromProps,
  settingsOf,
  useFlow,
  VIEWS,
} from './store';
import { strings } from './strings';
import { FlowStyles } from './styles';
import { TruncationView } from './TruncationView';

export interface GradientFlowProps extends WidgetBaseProps {
  view?: 'norms' | 'graph' | 'truncation';
  cell?: 'rnn' | 'gru' | 'lstm';
  length?: number;
}

export default function GradientFlow({ lang, id, view, cell, length }: GradientFlowProps) {
  const [{ store, notice }] = useState(() => {
    const initial = settingsFromProps({ view, cell, length });
    const fromUrl = readFromUrl(id, schema);
    const hasUrl = typeof location !== 'undefined' && new URLSearchParams(location.search).has(id);
    return { store: createFlowStore(initial, hasUrl ? fromUrl.state : initial), notice: fromUrl.notice };
  });
  useEffect(() => store.subscribe((s) => writeToUrl(id, schema, settingsOf(s))), [store, id]);
  return (
    <FlowStoreContext.Provider value={store}>
      <FlowStyles />
      <UrlNoticeBanner lang={lang} notice={notice} />
      <FlowBody lang={lang} id={id} />
      <ShareLink lang={lang} url={() => shareUrl(id, schema, settingsOf(store.getState()))} />
    </FlowStoreContext.Provider>
  );
}

const busyText: Bilingual<string> = { en: 'Updating…', zh: '正在更新……' };

function FlowBody({ lang, id }: { lang: WidgetLang; id: string }) {
  const t = strings[lang];
  const view = useFlow((s) => s.view);
  const setView = useFlow((s) => s.set);
  const seed = useFlow((s) => s.seed);
  const T = useFlow((s) => s.T);
  const radius = useFlow((s) => s.radius);
  const inputScale = useFlow((s) => s.inputScale);
  const cell = useFlow((s) => s.cell);
  const activation = useFlow((s) => s.activation);
  const selected = netKeyOf(cell, activation);
  const setup = useMemo(() => ({ seed, T, radius, inputScale }), [seed, T, radius, inputScale]);
  // sliders answer at once; the engine work (a few ms) follows in a deferred render
  const deferred = useDeferredValue(setup);
  const deferredSelected = useDeferredValue(selected);
  const ing = useMemo(() => ingredients(deferred.seed), [deferred.seed]);
  const flow = useMemo((): FlowResult | Error => {
    if (view === 'truncation') return new Error('not needed');
    try {
      return computeFlow(deferred, deferredSelected, ing);
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  }, [deferred, deferredSelected, ing, view]);
  const stale = deferred !== setup || deferredSelected !== selected;
  // what the norms show, for questions answered by setting the figure (quiz 'figure' questions)
  useEffect(() => {
    if (flow instanceof Error) return publishReading(id, null);
    const { T, radius, inputScale } = flow.setup;
    const c = flow.cells[deferredSelected];
    publishReading(id, {
      kind: 'gradient-flow',
      values: { net: deferredSelected, T, radius, inputScale, dhFirst: c.dhNorm[0], dhLast: c.dhNorm[T - 1] },
    });
  }, [id, flow, deferredSelected]);
  useEffect(() => () => publishReading(id, null), [id]);
  // math linked to the figure (norms view): the symbol, chart or control in focus
  const [linked, setLinked] = useState<FlowPart | null>(null);
  const link = useMemo(
    () => (view === 'norms' ? { part: linked, set: setLinked } : undefined),
    [view, linked],
  );
  return (
    <div className="gf" data-view={view}>
      <fieldset className="gf-tabs">
        <legend className="viz-sr-only">{t.viewGroup}</legend>
        {VIEWS.map((v) => (
          <button
            key={v}
            type="button"
            aria-pressed={view === v}
            data-view-button={v}
            onClick={() => setView('view', v)}
          >
            {t.views[v]}
          </button>
        ))}
      </fieldset>
      <Controls lang={lang} link={link} />
      <p className="gf-status" aria-live="polite">
        {stale ? busyText[lang] : ''}
      </p>
      {view === 'truncation' ? (
        <TruncationView lang={lang} setup={deferred} ing={ing} />
      ) : flow instanceof Error ? (
        <ErrorNote lang={lang} message={flow.message} />
      ) : view === 'graph' ? (
        <GraphView lang={lang} flow={flow} selected={deferredSelected} />
      ) : (
        <NormsView lang={lang} flow={flow} selected={deferredSelected} link={link} />
      )}
    </div>
  );
}
