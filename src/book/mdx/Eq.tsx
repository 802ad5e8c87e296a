import { Children, isValidElement, type ReactNode } from 'react';
import { appStore, useAppState } from '../appStore';
import { tFor } from '../i18n';
import { pageIndex } from '../labels';
import { usePage } from '../PageContext';

/**
 * A numbered display equation; its number comes from the book index, so <Ref> and the page agree. With two
 * `$$` blocks inside, the first is the row-vector batch form (as d2l writes it) and the second the column-vector
 * form (as PyTorch's docs write it); the reader's preference picks one (`data-notation` on <html>, set before
 * the first paint, so the prerendered page never flashes the wrong form).
 */
export function Eq({ id, children }: { id: string; children: ReactNode }) {
  const { lang, slug } = usePage();
  const number = pageIndex(lang, slug)?.equations[id];
  const forms = Children.toArray(children).filter(isValidElement);
  const numberLabel = number ? <span className="equation-number">({number})</span> : null;
  if (forms.length < 2) {
    return (
      <div className="equation" id={id}>
        <div className="equation-body">{children}</div>
        {numberLabel}
      </div>
    );
  }
  return (
    <div className="equation equation-forms" id={id}>
      <div className="equation-body">
        <div className="eq-form eq-form-row">{forms[0]}</div>
        <div className="eq-form eq-form-column">{forms[1]}</div>
      </div>
      <NotationToggle />
      {numberLabel}
    </div>
  );
}

/** A small switch beside an equation that has both forms; it changes the preference for the whole book. */
function NotationToggle() {
  const { lang } = usePage();
  const t = tFor(lang);
  const form = useAppState((state) => state.notation, 'row');
  const next = form === 'row' ? 'column' : 'row';
  return (
    <button
      type="button"
      className="notation-toggle"
      aria-label={next === 'column' ? t('notation.showColumn') : t('notation.showRow')}
      title={next === 'column' ? t('notation.showColumn') : t('notation.showRow')}
      onClick={() => appStore.getState().setNotation(next)}
    >
      <span aria-hidden="true">
        ⇄ {next === 'column' ? t('notation.columnShort') : t('notation.rowShort')}
      </span>
    </button>
  );
}

/** The book-wide choice, for the notation page. */
export function NotationSwitch() {
  const { lang } = usePage();
  const t = tFor(lang);
  const form = useAppState((state) => state.notation, 'row');
  return (
    <fieldset className="notation-switch">
      <legend>{t('notation.form')}</legend>
      {(['row', 'column'] as const).map((value) => (
        <label key={value}>
          <input
            type="radio"
            name="notation-form"
            value={value}
            checked={form === value}
            onChange={() => appStore.getState().setNotation(value)}
          />{' '}
          {t(`notation.${value}`)}
        </label>
      ))}
    </fieldset>
  );
}
