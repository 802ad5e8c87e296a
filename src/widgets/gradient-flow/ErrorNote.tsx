/** A message that something diverged or failed, with a reset button (the figure never crashes). */
import type { WidgetLang } from '../types';
import { useFlow } from './store';
import { strings } from './strings';

export function ErrorNote({ lang, message }: { lang: WidgetLang; message: string }) {
  const reset = useFlow((s) => s.reset);
  return (
    <p className="gf-alert" role="alert">
      {message}
      <button type="button" onClick={reset}>
        {strings[lang].reset}
      </button>
    </p>
  );
}
