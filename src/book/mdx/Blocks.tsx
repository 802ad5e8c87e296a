/** Small, strict components for the page's fixed shape: notes, recap, exercises with hints and solutions. */
import { Children, isValidElement, type ReactNode } from 'react';
import { tFor } from '../i18n';
import { pageIndex } from '../labels';
import { usePage } from '../PageContext';

const noteKinds = ['note', 'history', 'warning', 'tip'] as const;
type NoteKind = (typeof noteKinds)[number];

export function Note({ kind = 'note', children }: { kind?: NoteKind; children: ReactNode }) {
  const { lang } = usePage();
  if (!noteKinds.includes(kind))
    throw new Error(`<Note kind="${kind}">: kind must be one of ${noteKinds.join(', ')}`);
  return (
    <aside className={`note note-${kind}`}>
      <p className="note-title">{tFor(lang)(`note.${kind}`)}</p>
      {children}
    </aside>
  );
}

export function Recap({ children }: { children: ReactNode }) {
  return <div className="recap">{children}</div>;
}

export function Exercises({ children }: { children: ReactNode }) {
  let number = 0;
  const numbered = Children.map(children, (child) =>
    isValidElement(child) && child.type === Exercise ? (
      <Exercise {...(child.props as ExerciseProps)} number={++number} />
    ) : (
      child
    ),
  );
  return <ol className="exercises">{numbered}</ol>;
}

interface ExerciseProps {
  number?: number;
  children: ReactNode;
}

export function Exercise({ number, children }: ExerciseProps) {
  const { lang } = usePage();
  return (
    <li className="exercise">
      <p className="exercise-title">{tFor(lang)('exercises.exercise', { number })}</p>
      {children}
    </li>
  );
}

export function Hint({ children }: { children: ReactNode }) {
  const { lang } = usePage();
  return (
    <details className="hint">
      <summary>{tFor(lang)('exercises.hint')}</summary>
      {children}
    </details>
  );
}

export function Solution({ children }: { children: ReactNode }) {
  const { lang } = usePage();
  return (
    <details className="solution">
      <summary>{tFor(lang)('exercises.solution')}</summary>
      {children}
    </details>
  );
}

/** A static, numbered figure (an image or a drawing) with a caption. */
export function Figure({ id, caption, children }: { id: string; caption: string; children: ReactNode }) {
  const { lang, slug } = usePage();
  const number = pageIndex(lang, slug)?.figures[id]?.number;
  return (
    <figure className="figure" id={id}>
      {children}
      <figcaption>
        {number ? <span className="figure-number">{tFor(lang)('figure.label', { number })}</span> : null}
        <span className="figure-caption-text">{caption}</span>
      </figcaption>
    </figure>
  );
}
