/**
 * Splits text into user-perceived characters (extended grapheme clusters), so that a CJK
 * character, an emoji ZWJ sequence (👩‍👩‍👧), a flag (🇨🇳), a letter with combining marks (é as
 * e + U+0301) or a surrogate pair (𠀀) is one token.
 *
 * Uses Intl.Segmenter when the runtime has it (Node ≥ 16 with ICU, all current browsers), else a
 * fallback that keeps surrogate pairs, combining marks, variation selectors, emoji modifiers, ZWJ
 * sequences, regional-indicator pairs, emoji tag sequences and CR LF together.
 */

type SegmenterLike = { segment(text: string): Iterable<{ segment: string }> };

let segmenter: SegmenterLike | null | undefined;

function getSegmenter(): SegmenterLike | null {
  if (segmenter !== undefined) return segmenter;
  const I = (
    globalThis as {
      Intl?: { Segmenter?: new (locale?: string, options?: { granularity: 'grapheme' }) => SegmenterLike };
    }
  ).Intl;
  try {
    segmenter = I?.Segmenter ? new I.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  } catch {
    segmenter = null;
  }
  return segmenter;
}

const MARK = /^\p{M}$/u;
/** Combining marks, ZWNJ, variation selectors, emoji modifiers and tag characters extend a cluster. */
function isExtend(ch: string, cp: number): boolean {
  return (
    MARK.test(ch) ||
    cp === 0x200c ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0x1f3fb && cp <= 0x1f3ff) ||
    (cp >= 0xe0020 && cp <= 0xe007f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef)
  );
}
const ZWJ = 0x200d;
const isRegional = (cp: number) => cp >= 0x1f1e6 && cp <= 0x1f1ff;

/** The fallback splitter (exported for tests); prefer `splitGraphemes`. */
export function splitGraphemesFallback(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let prevCp = -1;
  let riCount = 0; // regional indicators in the current cluster
  for (const ch of text) {
    // for…of iterates code points, so surrogate pairs stay together (lone surrogates are their own token)
    const cp = ch.codePointAt(0) as number;
    let join = false;
    if (cur !== '') {
      if (isExtend(ch, cp) || cp === ZWJ) join = true;
      else if (prevCp === ZWJ)
        join = true; // ZWJ glues the next character (emoji sequences)
      else if (prevCp === 0x0d && cp === 0x0a) join = true;
      else if (isRegional(cp) && isRegional(prevCp) && riCount % 2 === 1) join = true;
    }
    if (join) {
      cur += ch;
    } else {
      if (cur !== '') out.push(cur);
      cur = ch;
      riCount = 0;
    }
    if (isRegional(cp)) riCount++;
    prevCp = cp;
  }
  if (cur !== '') out.push(cur);
  return out;
}

/** Splits `text` into grapheme clusters. */
export function splitGraphemes(text: string): string[] {
  const seg = getSegmenter();
  if (!seg) return splitGraphemesFallback(text);
  const out: string[] = [];
  for (const s of seg.segment(text)) out.push(s.segment);
  return out;
}

/** Compares two strings by Unicode code points (JS `<` compares UTF-16 code units instead). */
export function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done === y.done ? 0 : x.done ? -1 : 1;
    const d = (x.value.codePointAt(0) as number) - (y.value.codePointAt(0) as number);
    if (d !== 0) return d;
  }
}
