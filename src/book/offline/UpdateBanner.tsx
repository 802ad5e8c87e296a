import { useStore } from 'zustand';
import { tFor } from '../i18n';
import type { Lang } from '../toc';
import { applyUpdate, offlineStore } from './register';

/** "A new version is available — reload", in the page's language. */
export function UpdateBanner({ lang }: { lang: Lang }) {
  const t = tFor(lang);
  const show = useStore(offlineStore, (state) => state.updateReady && !state.dismissed);
  if (!show) return null;
  return (
    <div className="update-banner" role="status">
      <span>{t('update.available')}</span>
      <button type="button" className="update-reload" onClick={applyUpdate}>
        {t('update.reload')}
      </button>
      <button type="button" onClick={() => offlineStore.setState({ dismissed: true })}>
        {t('update.dismiss')}
      </button>
    </div>
  );
}
