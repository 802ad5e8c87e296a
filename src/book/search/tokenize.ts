/**
 * One tokenizer for the search index (built in Node) and the reader's query (in the browser), so both sides
 * cut text the same way. Latin text splits into lower-case words. Chinese has no spaces, so a run of Han
 * characters is indexed as its single characters and its character bigrams; a query of two or more characters
 * looks up its bigrams (all of them must match), which finds words and phrases: 遗忘门 → 遗忘 + 忘门.
 */

const RUNS = /[\p{Script=Han}]+|[\p{L}\p{N}]+/gu;
const HAN = /^\p{Script=Han}/u;

export const isHan = (term: string): boolean => HAN.test(term);

function bigrams(chars: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

/** Every term a document is found by. */
export function indexTokens(text: string): string[] {
  const out: string[] = [];
  for (const [run] of text.matchAll(RUNS)) {
    if (isHan(run)) {
      const chars = [...run];
      out.push(...chars, ...bigrams(chars));
    } else out.push(run.toLowerCase());
  }
  return out;
}

/** The terms a query asks for. */
export function queryTokens(text: string): string[] {
  const out: string[] = [];
  for (const [run] of text.matchAll(RUNS)) {
    if (isHan(run)) {
      const chars = [...run];
      out.push(...(chars.length === 1 ? chars : bigrams(chars)));
    } else out.push(run.toLowerCase());
  }
  return out;
}
