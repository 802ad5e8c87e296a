/**
 * The header's search box. The index (built at build time, both languages) and MiniSearch load on the first
 * focus. ↓ moves from the box into the results, ↑/↓ move between them, Enter opens one (Enter in the box opens
 * the first), Escape closes. On phones the box is an icon that expands over the header.
 */
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { tFor } from '../i18n';
import type { Lang } from '../toc';
import type { SearchHit } from './engine';

type Engine = typeof import('./engine');
type Status = 'idle' | 'loading' | 'ready' | 'failed';

let enginePromise: Promise<Engine> | undefined;
function loadEngine(): Promise<Engine> {
  enginePromise ??= import('./engine').catch((error: unknown) => {
    enginePromise = undefined;
    throw error;
  });
  return enginePromise;
}

export function Search({ lang }: { lang: Lang }) {
  const t = tFor(lang);
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<Status>('idle');
  const [engine, setEngine] = useState<Engine | null>(null);
  const [open, setOpen] = useState(false);
  const [expanded, setExpanded] = useState(false);
  const root = useRef<HTMLElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const resultsId = useId();
  const hintId = useId();

  const load = () => {
    if (engine || status === 'loading') return;
    setStatus('loading');
    loadEngine().then(
      (loaded) => {
        setEngine(loaded);
        setStatus('ready');
      },
      () => setStatus('failed'),
    );
  };

  const hits: SearchHit[] = engine && query.trim() ? engine.search(query, lang) : [];

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) input.current?.focus();
  };

  useEffect(() => {
    if (expanded) input.current?.focus();
  }, [expanded]);

  const links = () => [...(list.current?.querySelectorAll<HTMLAnchorElement>('a') ?? [])];

  const onInputKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && hits.length > 0) {
      event.preventDefault();
      setOpen(true);
      requestAnimationFrame(() => links()[0]?.focus());
    } else if (event.key === 'Enter' && hits.length > 0) {
      event.preventDefault();
      setOpen(false);
      setExpanded(false);
      void navigate(hits[0].href);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (open && query) setOpen(false);
      else if (query) setQuery('');
      else {
        setExpanded(false);
        input.current?.blur();
      }
    }
  };

  const onResultKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const all = links();
    const index = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = index + (event.key === 'ArrowDown' ? 1 : -1);
      if (next < 0) input.current?.focus();
      else all[Math.min(next, all.length - 1)]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      all[event.key === 'Home' ? 0 : all.length - 1]?.focus();
    }
  };

  const showPanel = open && query.trim().length > 0;
  return (
    <search
      ref={root}
      className={`search${expanded ? ' search-expanded' : ''}`}
      onBlur={(event) => {
        if (!root.current?.contains(event.relatedTarget as Node | null)) {
          setOpen(false);
          if (!query) setExpanded(false);
        }
      }}
    >
      <button
        type="button"
        className="icon-button search-toggle"
        aria-label={t('search.open')}
        aria-expanded={expanded}
        onClick={() => setExpanded(true)}
      >
        <SearchIcon />
      </button>
      <div className="search-box">
        <input
          ref={input}
          type="search"
          className="search-input"
          placeholder={t('search.placeholder')}
          aria-label={t('search.label')}
          aria-describedby={hintId}
          aria-controls={resultsId}
          autoComplete="off"
          spellCheck={false}
          enterKeyHint="search"
          value={query}
          onFocus={() => {
            load();
            setOpen(true);
          }}
          onChange={(event) => {
            setQuery(event.target.value);
            setOpen(true);
          }}
          onKeyDown={onInputKey}
        />
        <button
          type="button"
          className="icon-button search-close"
          aria-label={t('search.close')}
          onClick={() => {
            setQuery('');
            setOpen(false);
            setExpanded(false);
          }}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <span id={hintId} hidden>
        {t('search.hint')}
      </span>
      <div className="search-panel" hidden={!showPanel}>
        <p className="search-status" role="status">
          {!showPanel
            ? ''
            : status === 'failed'
              ? t('search.failed')
              : status !== 'ready'
                ? t('search.loading')
                : hits.length === 0
                  ? t('search.none', { query: query.trim() })
                  : t('search.count', { count: hits.length })}
        </p>
        <ul id={resultsId} ref={list} className="search-results" onKeyDown={onResultKey}>
          {hits.map((hit) => (
            <li key={hit.id}>
              <Link
                to={hit.href}
                hrefLang={hit.lang === 'zh' ? 'zh-Hans' : 'en'}
                lang={hit.lang === lang ? undefined : hit.lang === 'zh' ? 'zh-Hans' : 'en'}
                onClick={() => {
                  setOpen(false);
                  setExpanded(false);
                }}
              >
                <span className="search-hit-title">{hit.title}</span>
                <span className="search-hit-page">
                  {hit.page}
                  {hit.lang !== lang ? (
                    <span className="search-hit-lang">{t('search.otherLanguage')}</span>
                  ) : null}
                </span>
                <span className="search-hit-snippet">
                  {hit.snippet.map((part, index) =>
                    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one snippet never reorder.
                    part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
                  )}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </search>
  );
}

function SearchIcon() {
  return (
    <svg
      aria-hidden="true"
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.2"
    >
      <circle cx="10.5" cy="10.5" r="6.5" />
      <path d="M15.5 15.5 21 21" strokeLinecap="round" />
    </svg>
  );
}
