import { splitGraphemes } from './graphemes';

/** Why a corpus was rejected; the UI translates the code, `message` is English. */
export type CorpusErrorCode =
  | 'empty'
  | 'whitespace-only'
  | 'too-large'
  | 'binary'
  | 'single-character'
  | 'too-short';

export type CorpusResult =
  | {
      ok: true /** the cleaned text */;
      text: string /** its grapheme tokens */;
      tokens: string[];
      distinct: number;
    }
  | {
      ok: false;
      code: CorpusErrorCode;
      message: string /** numbers behind the message, for the UI */;
      details?: Record<string, number>;
    };

export interface CorpusOptions {
  /** Sequence length the corpus must cover at least once (plus one target). Default 32. */
  numSteps?: number;
  /** When given, the corpus must fill at least one minibatch of this many sequences at any offset. */
  batchSize?: number;
  /** Largest accepted size in UTF-8 bytes after cleaning. Default 5 MB (5,000,000). */
  maxBytes?: number;
  /** Largest accepted fraction of control / U+FFFD characters before the text counts as binary. Default 0.01. */
  maxControlFraction?: number;
  /** Unicode NFC normalisation (so é typed two ways is one character). Default true. */
  normalize?: boolean;
}

/** UTF-8 length without encoding (no TextEncoder in the engine's lib). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

function isBadChar(c: number): boolean {
  // C0 controls except tab, LF, VT, FF, CR; DEL; C1 controls; the replacement character (bad decoding)
  return (
    (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d) ||
    (c >= 0x7f && c <= 0x9f) ||
    c === 0xfffd
  );
}

/**
 * Cleans (CRLF → LF, NFC, trim) and checks a corpus. Never throws: returns a typed result.
 */
export function validateCorpus(raw: string, options: CorpusOptions = {}): CorpusResult {
  const numSteps = options.numSteps ?? 32;
  const maxBytes = options.maxBytes ?? 5_000_000;
  const maxControl = options.maxControlFraction ?? 0.01;
  if (typeof raw !== 'string' || raw.length === 0) {
    return { ok: false, code: 'empty', message: 'The corpus is empty.' };
  }
  // size first, on the raw text, so a huge paste is refused before any expensive work
  const rawBytes = raw.length > maxBytes / 3 ? utf8Length(raw) : 0;
  let text = raw.replace(/\r\n?/g, '\n').trim();
  if (text.length === 0) {
    return { ok: false, code: 'whitespace-only', message: 'The corpus contains only whitespace.' };
  }
  const bytes = rawBytes > maxBytes ? utf8Length(text) : 0;
  if (bytes > maxBytes) {
    return {
      ok: false,
      code: 'too-large',
      message: `The corpus is too large: ${bytes.toLocaleString('en')} bytes after trimming, the limit is ${maxBytes.toLocaleString('en')}.`,
      details: { bytes, maxBytes },
    };
  }
  let bad = 0;
  let nul = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isBadChar(c)) bad++;
    if (c === 0) nul++;
  }
  if (nul > 0 || bad > maxControl * text.length) {
    return {
      ok: false,
      code: 'binary',
      message: `The corpus looks like binary data, not text: ${bad} of ${text.length} characters are control or replacement characters.`,
      details: { bad, length: text.length },
    };
  }
  if (options.normalize !== false) text = text.normalize('NFC');
  const tokens = splitGraphemes(text);
  const distinct = new Set(tokens).size;
  if (distinct < 2) {
    return {
      ok: false,
      code: 'single-character',
      message: `The corpus uses a single distinct character (“${tokens[0]}”); a language model needs at least two.`,
      details: { distinct },
    };
  }
  // one sequence of numSteps inputs needs numSteps + 1 tokens; a full batch at the worst random offset needs more
  const need = options.batchSize ? numSteps * options.batchSize + numSteps + 1 : numSteps + 1;
  if (tokens.length < need) {
    return {
      ok: false,
      code: 'too-short',
      message: `The corpus is too short: ${tokens.length} characters, at least ${need} are needed for ${
        options.batchSize ? `a batch of ${options.batchSize} sequences` : 'one sequence'
      } of ${numSteps} steps.`,
      details: { length: tokens.length, need },
    };
  }
  return { ok: true, text, tokens, distinct };
}
