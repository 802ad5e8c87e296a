import { compareCodePoints, splitGraphemes } from './graphemes';

export const UNK = '<unk>';

export interface VocabOptions {
  /** Tokens seen fewer times than this become `<unk>`. Default 1 (keep everything). */
  minFreq?: number;
  /** Maximum vocabulary size including `<unk>`; the rarest tokens beyond it become `<unk>`. */
  maxSize?: number;
}

/**
 * A character vocabulary. Id 0 is always `<unk>`; the other tokens follow by descending frequency,
 * ties broken by ascending code point, so the same corpus always gives the same ids.
 */
export class Vocab {
  readonly tokens: readonly string[];
  readonly unkId = 0;
  private readonly index: Map<string, number>;

  private constructor(tokens: readonly string[]) {
    this.tokens = tokens;
    this.index = new Map(tokens.map((t, i) => [t, i]));
  }

  /** Builds from a token list (e.g. `splitGraphemes(text)`) or from text. */
  static build(source: string | readonly string[], options: VocabOptions = {}): Vocab {
    const tokens = typeof source === 'string' ? splitGraphemes(source) : source;
    const minFreq = options.minFreq ?? 1;
    const maxSize = options.maxSize ?? Number.POSITIVE_INFINITY;
    if (!(maxSize >= 1)) throw new RangeError(`maxSize must be ≥ 1 (it includes ${UNK}), got ${maxSize}`);
    const counts = new Map<string, number>();
    for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
    counts.delete(UNK);
    const kept = [...counts.entries()]
      .filter(([, n]) => n >= minFreq)
      .sort((a, b) => b[1] - a[1] || compareCodePoints(a[0], b[0]))
      .slice(0, Math.max(0, maxSize - 1))
      .map(([t]) => t);
    return new Vocab([UNK, ...kept]);
  }

  /** Restores a vocabulary saved with `toJSON` (validates it). */
  static fromTokens(tokens: readonly string[]): Vocab {
    if (tokens[0] !== UNK) throw new Error(`vocabulary must start with ${UNK}`);
    if (new Set(tokens).size !== tokens.length) throw new Error('vocabulary has duplicate tokens');
    return new Vocab([...tokens]);
  }

  get size(): number {
    return this.tokens.length;
  }

  /** Id of one token (`<unk>`'s id when unknown). */
  id(token: string): number {
    return this.index.get(token) ?? this.unkId;
  }

  /** Encodes text (split into graphemes) or a token list into ids. */
  encode(source: string | readonly string[]): Int32Array {
    const tokens = typeof source === 'string' ? splitGraphemes(source) : source;
    const out = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) out[i] = this.index.get(tokens[i]) ?? 0;
    return out;
  }

  /** Decodes ids to text; `<unk>` decodes to `unkText` (default "<unk>"). */
  decode(ids: ArrayLike<number>, unkText: string = UNK): string {
    let s = '';
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i];
      if (!Number.isInteger(id) || id < 0 || id >= this.tokens.length)
        throw new RangeError(`token id ${id} out of range`);
      s += id === 0 ? unkText : this.tokens[id];
    }
    return s;
  }

  /** Fraction of `ids` that are `<unk>`. */
  unknownRate(ids: ArrayLike<number>): number {
    let n = 0;
    for (let i = 0; i < ids.length; i++) if (ids[i] === 0) n++;
    return ids.length === 0 ? 0 : n / ids.length;
  }

  toJSON(): { tokens: string[] } {
    return { tokens: [...this.tokens] };
  }
}
