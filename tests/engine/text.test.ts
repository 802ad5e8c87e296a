import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareCodePoints,
  randomPartition,
  sequentialPartition,
  splitGraphemes,
  splitGraphemesFallback,
  UNK,
  utf8Length,
  Vocab,
  validateCorpus,
} from '../../src/engine/text/index';

/** Small seeded generator with the engine's `{ next(): number }` shape. */
function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return {
    next() {
      s ^= s << 13;
      s >>>= 0;
      s ^= s >>> 17;
      s ^= s << 5;
      s >>>= 0;
      return s / 2 ** 32;
    },
  };
}

const HARD: [string, string[]][] = [
  ['想要有直升机', ['想', '要', '有', '直', '升', '机']],
  ['e\u0301a', ['e\u0301', 'a']], // combining acute
  ['Z\u0351\u036b\u0343x', ['Z\u0351\u036b\u0343', 'x']], // stacked combining marks
  ['👩‍👩‍👧!', ['👩‍👩‍👧', '!']], // ZWJ family
  ['👍🏽ok', ['👍🏽', 'o', 'k']], // skin-tone modifier
  ['🇨🇳🇫🇷', ['🇨🇳', '🇫🇷']], // two flags (regional-indicator pairs)
  ['🏴󠁧󠁢󠁳󠁣󠁴󠁿x', ['🏴󠁧󠁢󠁳󠁣󠁴󠁿', 'x']], // tag sequence (Scotland)
  ['𠀀𝄞a', ['𠀀', '𝄞', 'a']], // astral plane: surrogate pairs
  ['❤️a', ['❤️', 'a']], // variation selector 16
  ['a\r\nb', ['a', '\r\n', 'b']],
];

describe('graphemes', () => {
  for (const [text, want] of HARD) {
    it(`splits ${JSON.stringify(text)} (Intl.Segmenter and fallback)`, () => {
      expect(splitGraphemes(text)).toEqual(want);
      expect(splitGraphemesFallback(text)).toEqual(want);
    });
  }

  it('fallback never splits a surrogate pair and round-trips any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const parts = splitGraphemesFallback(s);
        expect(parts.join('')).toBe(s);
        for (const p of parts) {
          const first = p.charCodeAt(0);
          expect(first >= 0xdc00 && first <= 0xdfff).toBe(false);
        }
        expect(splitGraphemes(s).join('')).toBe(s);
      }),
      { numRuns: 300, seed: 1 },
    );
  });

  it('compares by code point, not UTF-16 unit', () => {
    expect('\uffff' < '𠀀').toBe(false); // the trap
    expect(compareCodePoints('\uffff', '𠀀')).toBeLessThan(0);
    expect(compareCodePoints('ab', 'a')).toBeGreaterThan(0);
    expect(compareCodePoints('a', 'a')).toBe(0);
  });
});

describe('Vocab', () => {
  it('orders by frequency then code point, with <unk> first', () => {
    const v = Vocab.build('bbaacc𠀀\uffffd');
    expect(v.tokens).toEqual([UNK, 'a', 'b', 'c', 'd', '\uffff', '𠀀']);
    expect(v.size).toBe(7);
  });

  it('applies minFreq and maxSize, mapping the rest to <unk>', () => {
    const v = Vocab.build('aaabbc', { minFreq: 2 });
    expect(v.tokens).toEqual([UNK, 'a', 'b']);
    expect(Array.from(v.encode('abcx'))).toEqual([1, 2, 0, 0]);
    expect(v.decode(v.encode('abcx'))).toBe(`ab${UNK}${UNK}`);
    expect(v.decode([0], '?')).toBe('?');
    const w = Vocab.build('aaabbc', { maxSize: 2 });
    expect(w.tokens).toEqual([UNK, 'a']);
    expect(w.unknownRate(w.encode('aab'))).toBeCloseTo(1 / 3);
  });

  it('keeps hard graphemes whole', () => {
    const text = '想要有直升机👩‍👩‍👧e\u0301🇨🇳';
    const v = Vocab.build(text);
    expect(v.size).toBe(1 + 9);
    expect(v.decode(v.encode(text))).toBe(text);
  });

  it('round-trips through JSON and rejects bad saved vocabularies', () => {
    const v = Vocab.build('hello world');
    const w = Vocab.fromTokens(JSON.parse(JSON.stringify(v)).tokens);
    expect(w.tokens).toEqual(v.tokens);
    expect(() => Vocab.fromTokens(['a', UNK])).toThrow(/start with/);
    expect(() => Vocab.fromTokens([UNK, 'a', 'a'])).toThrow(/duplicate/);
    expect(() => v.decode([99])).toThrow(RangeError);
  });

  it('encode→decode round-trips any text with no unknowns (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 60 }),
        fc.string({ unit: 'binary', maxLength: 30 }),
        (a, b) => {
          const text = a + b;
          const v = Vocab.build(text);
          expect(v.decode(v.encode(text))).toBe(text);
          expect(v.unknownRate(v.encode(text))).toBe(0);
          // deterministic
          expect(Vocab.build(text).tokens).toEqual(v.tokens);
        },
      ),
      { numRuns: 300, seed: 2 },
    );
  });
});

describe('validateCorpus', () => {
  const bad = (text: string, options = {}) => {
    const r = validateCorpus(text, options);
    if (r.ok) throw new Error('expected rejection');
    expect(r.message.length).toBeGreaterThan(10);
    return r.code;
  };

  it('rejects bad corpora with the right codes', () => {
    expect(bad('')).toBe('empty');
    expect(bad(' \n\t\r\n  ')).toBe('whitespace-only');
    expect(bad('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')).toBe('single-character');
    expect(bad('😀😀😀😀')).toBe('single-character');
    expect(bad('abc', { numSteps: 32 })).toBe('too-short');
    expect(bad(`${'x'.repeat(100)}y`, { numSteps: 8, batchSize: 16 })).toBe('too-short');
    expect(bad('ab'.repeat(600_000), { maxBytes: 1_000_000 })).toBe('too-large');
    expect(bad('ab'.repeat(3_000_000))).toBe('too-large'); // default 5 MB
    expect(bad(`hello\u0000world ${'text '.repeat(20)}`)).toBe('binary');
    expect(bad(`${'\u0001\u0002\ufffd'.repeat(50)}${'plain text '.repeat(100)}`)).toBe('binary');
  });

  it('accepts real text, cleans it, and reports the too-large size in bytes', () => {
    const r = validateCorpus('  床前明月光，疑是地上霜。\r\n举头望明月，低头思故乡。  ', { numSteps: 8 });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.text).toBe('床前明月光，疑是地上霜。\n举头望明月，低头思故乡。');
      expect(r.tokens.length).toBe(25);
    }
    const big = validateCorpus('汉'.repeat(400_000), { maxBytes: 1_000_000 });
    expect(big.ok).toBe(false);
    if (!big.ok) expect(big.details?.bytes).toBe(1_200_000);
    expect(utf8Length('a\u00e9汉𠀀')).toBe(1 + 2 + 3 + 4);
  });

  it('normalises to NFC', () => {
    const r = validateCorpus('e\u0301 and \u00e9 are the same', { numSteps: 4 });
    expect(r.ok && r.text.startsWith('\u00e9 and \u00e9')).toBe(true);
  });
});

describe('partitioning', () => {
  const corpus = Int32Array.from({ length: 1000 }, (_, i) => i); // token = its position

  it('sequential: every position of the covered range once per epoch, targets shifted, state carried', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 17 }),
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 200, max: 1000 }),
        (B, T, seed, n) => {
          const c = corpus.subarray(0, n);
          const plan = sequentialPartition(c, B, T, rng(seed));
          expect(plan.offset).toBeGreaterThanOrEqual(0);
          expect(plan.offset).toBeLessThanOrEqual(T);
          const seen = new Uint8Array(n);
          let prev: Int32Array | null = null;
          for (const { X, Y } of plan.batches(true)) {
            for (let k = 0; k < T * B; k++) {
              expect(Y[k]).toBe(X[k] + 1);
              seen[X[k]]++;
            }
            if (prev) for (let b = 0; b < B; b++) expect(X[b]).toBe(prev[(T - 1) * B + b] + 1); // continues
            prev = X;
          }
          const stream = Math.floor((n - plan.offset - 1) / B);
          const covered = plan.numBatches * T;
          for (let p = 0; p < n; p++) {
            const rel = p - plan.offset;
            const inside = rel >= 0 && rel < B * stream && rel % stream < covered;
            expect(seen[p]).toBe(inside ? 1 : 0);
          }
          expect(plan.carriesState).toBe(true);
        },
      ),
      { numRuns: 30, seed: 11 },
    );
  });

  it('random: every subsequence once per epoch, in a seeded random order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 1e9 }),
        (B, T, seed) => {
          const plan = randomPartition(corpus, B, T, rng(seed));
          expect(plan.offset).toBeLessThan(T);
          const seen = new Uint8Array(corpus.length);
          for (const { X, Y } of plan.batches()) {
            for (let k = 0; k < T * B; k++) {
              expect(Y[k]).toBe(X[k] + 1);
              seen[X[k]]++;
            }
            for (let b = 0; b < B; b++) {
              expect((X[b] - plan.offset) % T).toBe(0); // starts on the grid
              for (let t = 1; t < T; t++) expect(X[t * B + b]).toBe(X[b] + t); // time-major, contiguous in time
            }
          }
          const used = plan.numBatches * B * T;
          let total = 0;
          for (let p = 0; p < seen.length; p++) {
            expect(seen[p]).toBeLessThanOrEqual(1);
            total += seen[p];
            if (p < plan.offset) expect(seen[p]).toBe(0);
          }
          expect(total).toBe(used);
          expect(plan.carriesState).toBe(false);
        },
      ),
      { numRuns: 30, seed: 12 },
    );
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const collect = (seed: number, f: typeof randomPartition) =>
      Array.from(f(corpus, 4, 5, rng(seed)).batches(true), (b) => Array.from(b.X));
    expect(collect(5, randomPartition)).toEqual(collect(5, randomPartition));
    expect(collect(5, randomPartition)).not.toEqual(collect(6, randomPartition));
    expect(collect(9, sequentialPartition)).toEqual(collect(9, sequentialPartition));
  });

  it('fill writes time-major batches without allocating and rejects bad arguments', () => {
    const plan = sequentialPartition(corpus, 2, 3, { next: () => 0 });
    const X = new Int32Array(6);
    const Y = new Int32Array(6);
    plan.fill(0, X, Y);
    const L = Math.floor(999 / 2);
    expect(Array.from(X)).toEqual([0, L, 1, L + 1, 2, L + 2]);
    expect(Array.from(Y)).toEqual([1, L + 1, 2, L + 2, 3, L + 3]);
    expect(() => plan.fill(plan.numBatches, X, Y)).toThrow(RangeError);
    expect(() => randomPartition(corpus.subarray(0, 10), 4, 5, rng(1))).toThrow(/too short/);
    expect(() => sequentialPartition(corpus, 0, 5, rng(1))).toThrow(/batchSize/);
  });
});
