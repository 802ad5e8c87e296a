import { Fragment } from 'react';

/** Plain text with TeX-like subscripts ("x_t", "h_{t−1}") written as <sub>, for labels in HTML. */
export function Sub({ text }: { text: string }) {
  const parts = text.split(/(_\{[^}]*\}|_[^\s{,.:;)）：，]+)/);
  return (
    <>
      {parts.map((part, k) =>
        part.startsWith('_') ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of a fixed string
          <sub key={k}>{part.replace(/^_\{?|\}$/g, '')}</sub>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of a fixed string
          <Fragment key={k}>{part}</Fragment>
        ),
      )}
    </>
  );
}
