/**
 * Text with inline `$…$` math, typeset with KaTeX in the browser (for strings that come from props, such as
 * quiz questions; MDX prose is typeset at build time). Reader text is never inserted as HTML: only KaTeX's own
 * output is.
 */
import katex from 'katex';
import { Fragment, useMemo } from 'react';
import { katexMacros } from '../../viz/notation';

export interface TextPart {
  math: boolean;
  value: string;
  /** Where the part starts in the text: a stable key. */
  at: number;
}

export function splitMath(text: string): TextPart[] {
  const parts: TextPart[] = [];
  const pattern = /\$([^$]+)\$/g;
  let last = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match.index > last) parts.push({ math: false, value: text.slice(last, match.index), at: last });
    parts.push({ math: true, value: match[1], at: match.index });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ math: false, value: text.slice(last), at: last });
  return parts;
}

/** A readable plain-text form of text with `$…$` math, for accessible names: TeX commands lose their backslash. */
export function plainText(text: string): string {
  return splitMath(text)
    .map((part) =>
      part.math
        ? part.value
            .replace(/\\(mathbf|mathrm|operatorname|boldsymbol)\{([^}]*)\}/g, '$2')
            .replace(/\\/g, '')
            .replace(/[{}]/g, '')
        : part.value,
    )
    .join('')
    .trim();
}

export function renderTex(tex: string, displayMode = false): string {
  return katex.renderToString(tex, {
    macros: { ...katexMacros },
    throwOnError: false,
    displayMode,
    // MathML gives screen readers the formula; KaTeX marks its HTML rendering aria-hidden.
    output: 'htmlAndMathml',
  });
}

export function MathText({ text }: { text: string }) {
  const parts = useMemo(() => splitMath(text), [text]);
  return (
    <>
      {parts.map((part) =>
        part.math ? (
          // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX output of a TeX string, not reader HTML.
          <span key={part.at} dangerouslySetInnerHTML={{ __html: renderTex(part.value) }} />
        ) : (
          <Fragment key={part.at}>{part.value}</Fragment>
        ),
      )}
    </>
  );
}
