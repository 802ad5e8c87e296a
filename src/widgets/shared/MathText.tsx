/**
 * Text with inline `$…$` math, typeset with KaTeX in the browser (for strings that come from props, such as
 * quiz questions; MDX prose is typeset at build time). Reader text is never inserted as HTML: only KaTeX's own
 * output is.
 */
import katex from 'katex';
import { Fragment, useMemo } from 'react';
import { katexMacros } from '../../viz/notation';

export function splitMath(text: string): { math: boolean; value: string }[] {
  const parts: { math: boolean; value: string }[] = [];
  const pattern = /\$([^$]+)\$/g;
  let last = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match.index > last) parts.push({ math: false, value: text.slice(last, match.index) });
    parts.push({ math: true, value: match[1] });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ math: false, value: text.slice(last) });
  return parts;
}

export function renderTex(tex: string, displayMode = false): string {
  return katex.renderToString(tex, { macros: { ...katexMacros }, throwOnError: false, displayMode, output: 'html' });
}

export function MathText({ text }: { text: string }) {
  const parts = useMemo(() => splitMath(text), [text]);
  return (
    <>
      {parts.map((part, index) =>
        part.math ? (
          // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX output of a TeX string, not reader HTML.
          <span key={index} dangerouslySetInnerHTML={{ __html: renderTex(part.value) }} />
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of a fixed string never reorder.
          <Fragment key={index}>{part.value}</Fragment>
        ),
      )}
    </>
  );
}
