import type { ReactNode } from 'react';
import { pageIndex } from '../labels';
import { usePage } from '../PageContext';

/** A numbered display equation; its number comes from the book index, so <Ref> and the page agree. */
export function Eq({ id, children }: { id: string; children: ReactNode }) {
  const { lang, slug } = usePage();
  const number = pageIndex(lang, slug)?.equations[id];
  return (
    <div className="equation" id={id}>
      <div className="equation-body">{children}</div>
      {number ? <span className="equation-number">({number})</span> : null}
    </div>
  );
}
