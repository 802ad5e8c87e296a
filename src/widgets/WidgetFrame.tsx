/**
 * The figure every widget sits in (DESIGN's widget contract): `<figure data-widget=KIND id=…>` with a numbered
 * caption, an error boundary with a reset button, and the widget body rendered only in the browser (the
 * prerendered page shows the caption and a placeholder of the same size).
 *
 * The caption is a level-3 heading: figures sit in `##` sections, and the panels inside a widget are `<h4>`s, so
 * the page's outline steps down one level at a time (h2, figure h3, panel h4) for screen-reader navigation.
 *
 * A figure's body mounts when the figure comes within a screen's height of the viewport (or when the page is
 * printed), not at page load: a chapter holds several live figures, and building all of them at once would hold a
 * phone's main thread for seconds while the reader is still on the first paragraph. Once mounted it stays
 * mounted, so its state and any training survive scrolling away and back.
 */
import { type ReactNode, useEffect, useRef, useState } from 'react';
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
  const mounted = useMountWhenNear<HTMLElement>();
  return (
    <figure ref={mounted.ref} className="widget" data-widget={kind} id={id} aria-labelledby={`${id}-caption`}>
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
            {/* A real space: the accessible name joins inline spans as they are, "Figure 1.2The cell". */}
            {number && caption ? ' ' : null}
            {caption ? <span className="figure-caption-text">{caption}</span> : null}
          </h3>
        ) : null}
      </figcaption>
      <div className="widget-body">
        {mounted.near ? (
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

/** Within this distance of the viewport (one screen above or below) a figure starts to mount. */
const NEAR_MARGIN = '100% 0px 100% 0px';

/**
 * `near` turns true, once and for good, when the element comes within a screen's height of the viewport, or when
 * the page is about to print. Without IntersectionObserver (old browsers, jsdom) it turns true after the first
 * render, as every figure used to.
 */
function useMountWhenNear<E extends Element>() {
  const ref = useRef<E>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setNear(true);
          stop();
        }
      },
      { rootMargin: NEAR_MARGIN },
    );
    const print = () => {
      setNear(true);
      stop();
    };
    function stop() {
      observer.disconnect();
      window.removeEventListener('beforeprint', print);
    }
    observer.observe(element);
    window.addEventListener('beforeprint', print);
    return stop;
  }, []);
  return { ref, near };
}
