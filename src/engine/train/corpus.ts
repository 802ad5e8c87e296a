/**
 * Corpus preparation for training: the checks of `validateCorpus` (same error codes and messages), a
 * linear-time grapheme split, and the vocabulary.
 *
 * Why not `validateCorpus` directly: `Intl.Segmenter` in V8 is quadratic in the length of the string
 * it segments (366 KB of English took minutes in Node 20). `splitGraphemesChunked` cuts the text at
 * places where UAX #29 always puts a cluster boundary and segments each piece, which gives exactly
 * the same clusters in linear time.
 */
import {
  type CorpusErrorCode,
  type CorpusOptions,
  splitGraphemes,
  utf8Length,
  Vocab,
  type VocabOptions,
} from '../text/index.ts';

/** Characters between which a grapheme boundary is guaranteed (ASCII, CJK ideographs, CJK punctuation). */
function isPlain(c: number): boolean {
  return (
    (c >= 0x20 && c <= 0x7e) ||
    c === 0x0a ||
    c === 0x09 ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3000 && c <= 0x3029) ||
    (c >= 0xff01 && c <= 0xff5e)
  );
}

/** Where `splitGraphemesChunked` may cut: the next safe index at or after `from` (or text.length). */
function nextCut(text: string, from: number): number {
  for (let i = Math.max(1, from); i < text.length; i++)
    if (isPlain(text.charCodeAt(i)) && isPlain(text.charCodeAt(i - 1))) return i;
  return text.length;
}

/**
 * Same clusters as `splitGraphemes(text)`, in linear time: pieces of about `chunk` UTF-16 units are
 * cut only between two "plain" characters (no rule of UAX #29 joins those), then segmented.
 */
export function splitGraphemesChunked(text: string, chunk = 256): string[] {
  const out: string[] = [];
  const it = splitGraphemesIncremental(text, out, chunk, Number.POSITIVE_INFINITY);
  while (!it.next().done);
  return out;
}

/**
 * The incremental form: appends clusters to `out`, yielding the fraction done after about every
 * `yieldEvery` UTF-16 units, so a worker can answer messages in between.
 */
export function* splitGraphemesIncremental(
  text: string,
  out: string[],
  chunk = 256,
  yieldEvery = 16384,
): Generator<number, void> {
  let start = 0;
  let sinceYield = 0;
  while (start < text.length) {
    const end = nextCut(text, start + chunk);
    for (const g of splitGraphemes(text.slice(start, end))) out.push(g);
    sinceYield += end - start;
    start = end;
    if (sinceYield >= yieldEvery && start < text.length) {
      sinceYield = 0;
      yield start / text.length;
    }
  }
}

export interface PreparedCorpus {
  /** The cleaned text (CRLF → LF, NFC, trimmed). */
  text: string;
  tokens: string[];
  distinct: number;
}

/** A rejected corpus: the code the UI translates, an English message, the numbers behind it. */
export class CorpusError extends Error {
  readonly code: CorpusErrorCode;
  readonly details?: Record<string, number>;
  constructor(code: CorpusErrorCode, message: string, details?: Record<string, number>) {
    super(message);
    this.name = 'CorpusError';
    this.code = code;
    this.details = details;
  }
}

function isBadChar(c: number): boolean {
  return (
    (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d) ||
    (c >= 0x7f && c <= 0x9f) ||
    c === 0xfffd
  );
}

/**
 * `validateCorpus`'s checks and messages (empty, whitespace-only, too-large, binary, single-character,
 * too-short), with the linear split. Throws a `CorpusError`; returns the cleaned corpus.
 */
export function prepareCorpus(raw: string, options: CorpusOptions = {}): PreparedCorpus {
  const it = prepareCorpusIncremental(raw, options, Number.POSITIVE_INFINITY);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}

/** `prepareCorpus` in slices: yields the fraction split so far; returns the corpus (or throws `CorpusError`). */
export function* prepareCorpusIncremental(
  raw: string,
  options: CorpusOptions = {},
  yieldEvery = 16384,
): Generator<number, PreparedCorpus> {
  const numSteps = options.numSteps ?? 32;
  const maxBytes = options.maxBytes ?? 5_000_000;
  const maxControl = options.maxControlFraction ?? 0.01;
  if (typeof raw !== 'string' || raw.length === 0) throw new CorpusError('empty', 'The corpus is empty.');
  const rawBytes = raw.length > maxBytes / 3 ? utf8Length(raw) : 0;
  let text = raw.replace(/\r\n?/g, '\n').trim();
  if (text.length === 0) throw new CorpusError('whitespace-only', 'The corpus contains only whitespace.');
  const bytes = rawBytes > maxBytes ? utf8Length(text) : 0;
  if (bytes > maxBytes) {
    throw new CorpusError(
      'too-large',
      `The corpus is too large: ${bytes.toLocaleString('en')} bytes after trimming, the limit is ${maxBytes.toLocaleString('en')}.`,
      { bytes, maxBytes },
    );
  }
  let bad = 0;
  let nul = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isBadChar(c)) bad++;
    if (c === 0) nul++;
  }
  if (nul > 0 || bad > maxControl * text.length) {
    throw new CorpusError(
      'binary',
      `The corpus looks like binary data, not text: ${bad} of ${text.length} characters are control or replacement characters.`,
      { bad, length: text.length },
    );
  }
  if (options.normalize !== false) text = text.normalize('NFC');
  const tokens: string[] = [];
  yield* splitGraphemesIncremental(text, tokens, 256, yieldEvery);
  const distinct = new Set(tokens).size;
  if (distinct < 2) {
    throw new CorpusError(
      'single-character',
      `The corpus uses a single distinct character (“${tokens[0]}”); a language model needs at least two.`,
      { distinct },
    );
  }
  const prepared = { text, tokens, distinct };
  checkCorpusLength(prepared, numSteps, options.batchSize);
  return prepared;
}

/** Throws `CorpusError('too-short')` unless the corpus fills one batch of `batchSize` × `numSteps` at any offset. */
export function checkCorpusLength(corpus: PreparedCorpus, numSteps: number, batchSize?: number): void {
  const length = corpus.tokens.length;
  const need = batchSize ? numSteps * batchSize + numSteps + 1 : numSteps + 1;
  if (length < need) {
    throw new CorpusError(
      'too-short',
      `The corpus is too short: ${length} characters, at least ${need} are needed for ${
        batchSize ? `a batch of ${batchSize} sequences` : 'one sequence'
      } of ${numSteps} steps.`,
      { length, need },
    );
  }
}

/** The vocabulary of a prepared corpus (id 0 is `<unk>`; by descending frequency). */
export function buildVocab(corpus: PreparedCorpus, options: VocabOptions = {}): Vocab {
  return Vocab.build(corpus.tokens, options);
}
