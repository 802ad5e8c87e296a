import { describe, expect, it } from 'vitest';
import {
  buildVocab,
  createSlotSession,
  makeDataset,
  readSlots,
  slotStep,
  TAGS,
  tag,
  tokenize,
} from '../../src/widgets/slot-filling/model';

const tagIds = (names: string[]) => names.map((n) => TAGS.indexOf(n as (typeof TAGS)[number]));

describe('slot-filling model', () => {
  it('generates tagged requests deterministically, with <unk> in realistic places', () => {
    const a = makeDataset(5);
    expect(makeDataset(5)).toEqual(a);
    for (const s of a) expect(s.words.length).toBe(s.tags.length);
    expect(a.some((s) => s.words.includes('<unk>'))).toBe(true);
    const first = a[0];
    expect(first.words[0]).toBe('arrive');
    expect(TAGS[first.tags[1]]).toBe('B-dest');
  });

  it('maps unknown words to <unk> and shows which ones', () => {
    const v = buildVocab(makeDataset(1));
    const t = tokenize('Arrive Kaohsiung, on May 5th!', v);
    expect(t.words).toEqual(['arrive', 'kaohsiung', 'on', 'may', '5th']);
    expect(t.ids[1]).toBe(0);
    expect(t.unknown).toEqual([false, true, false, false, false]);
  });

  it('reads slots off BIO tags and reports orphan I- tags', () => {
    const words = ['fly', 'to', 'new', 'york', 'on', 'may', '5th'];
    const r = readSlots(words, tagIds(['O', 'O', 'B-dest', 'I-dest', 'O', 'B-time', 'I-time']));
    expect(r.slots.map((s) => [s.slot, s.value])).toEqual([
      ['dest', 'new york'],
      ['time', 'may 5th'],
    ]);
    expect(readSlots(['on', 'may'], tagIds(['O', 'I-time'])).orphans).toEqual([1]);
    const two = readSlots(['milan', 'zurich'], tagIds(['B-dep', 'B-dep']));
    expect(two.slots).toHaveLength(2);
  });

  it('both taggers learn; the verb decides the city’s tag', () => {
    const s = createSlotSession(1);
    while (s.epoch < 8) slotStep(s);
    const last = s.history[s.history.length - 1];
    expect(last.bi).toBeGreaterThan(0.9);
    expect(last.uni).toBeGreaterThan(0.85);
    const arrive = tag(s.taggers.bi, tokenize('arrive taipei on november 2nd', s.vocab).ids);
    const leave = tag(s.taggers.bi, tokenize('leave taipei on november 2nd', s.vocab).ids);
    expect(TAGS[arrive.tags[1]]).toBe('B-dest');
    expect(TAGS[leave.tags[1]]).toBe('B-dep');
  }, 60_000);
});
