/**
 * The figure every widget sits in (DESIGN's widget contract): `<figure data-widget=KIND id=…>` with a numbered
 * caption, an error boundary with a reset button, and the widget body rendered only in the browser (the
 * prerendered page shows the caption and a placeholder of the same size).
 *
 * The caption is a level-3 heading: figures sit in `##` sections, and the panels inside a widget are `<h4>`s, so
 * the page's outline steps down one level at a time (h2, figure h3, panel h4) for screen-reader navigation.
 */
import { type ReactNode, useEffect, useState } from 'react';
import { ErrorBoundary } from './shared/ErrorBoundary';
import type { Bilingual, WidgetLang } from './types';

const frameStrings: Bilingual<{ failed: string; reset: string; loading: string; figure: string }> = {
  en: {
    failed: 'This figure stopped working',
    reset: 'Reset the figure',
    loading: 'Loading the live figure…',
    figure: 'Figure',
  },
  zh: { failed: '这个图出错了', reset: '重置此图', loading: '正在加载交互图……', figure: '图' },
};

export interface WidgetFrameProps {
  kind: string;
  id: string;
  lang: WidgetLang;
  /** "2.4": the figure's number in its chapter; the caption reads "Figure 2.4". */
  number?: string;
  caption?: ReactNode;
  children: ReactNode;
}

export function WidgetFrame({ kind, id, lang, number, caption, children }: WidgetFrameProps) {
  const text = frameStrings[lang];
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return (
    <figure className="widget" data-widget={kind} id={id} aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>
        {number || caption ? (
          <h3 className="figure-title">
            {number ? (
              <span className="figure-number">
                {text.figure}
                {lang === 'zh' ? ' ' : '\u00a0'}
                {number}
              </span>
            ) : null}
            {caption ? <span className="figure-caption-text">{caption}</span> : null}
          </h3>
        ) : null}
      </figcaption>
      <div className="widget-body">
        {mounted ? (
          <ErrorBoundary
            fallback={(error, reset) => (
              <div className="widget-error" role="alert">
                <p>
                  <strong>{text.failed}:</strong> {error.message}
                </p>
                <button type="button" onClick={reset}>
                  {text.reset}
                </button>
              </div>
            )}
          >
            {children}
          </ErrorBoundary>
        ) : (
          <div className="widget-placeholder">{text.loading}</div>
        )}
      </div>
    </figure>
  );
}
