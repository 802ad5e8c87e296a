/** "Copy link" for a figure, and the notice shown when a link could not be used as it was. */
import { useState } from 'react';
import type { Bilingual, WidgetLang } from '../types';
import type { UrlNotice } from './urlState';

const text: Bilingual<{ copy: string; copied: string; failed: string } & Record<UrlNotice, string>> = {
  en: {
    copy: 'Copy link to this state',
    copied: 'Link copied',
    failed: 'Could not copy; the address bar has the link',
    malformed: 'The link’s figure settings could not be read, so the figure starts from its defaults.',
    outdated: 'The link was made for an older version of this figure, so it starts from its defaults.',
    adjusted: 'Some settings in the link were out of range and were adjusted.',
  },
  zh: {
    copy: '复制指向当前状态的链接',
    copied: '链接已复制',
    failed: '无法复制；地址栏中就是该链接',
    malformed: '无法读取链接中的图设置，此图从默认状态开始。',
    outdated: '该链接是为此图的旧版本生成的，此图从默认状态开始。',
    adjusted: '链接中的部分设置超出范围，已被调整。',
  },
};

export function ShareLink({ lang, url }: { lang: WidgetLang; url: () => string }) {
  const t = text[lang];
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    const link = url();
    try {
      history.replaceState(history.state, '', link);
      await navigator.clipboard.writeText(link);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
  };
  return (
    <span className="share-link">
      <button type="button" onClick={copy}>
        {t.copy}
      </button>
      <span aria-live="polite" className="share-status">
        {status === 'copied' ? t.copied : status === 'failed' ? t.failed : ''}
      </span>
    </span>
  );
}

export function UrlNoticeBanner({ lang, notice }: { lang: WidgetLang; notice?: UrlNotice }) {
  if (!notice) return null;
  return (
    <p className="url-notice" role="status">
      {text[lang][notice]}
    </p>
  );
}
