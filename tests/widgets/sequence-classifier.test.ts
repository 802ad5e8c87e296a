import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine';
import {
  createSession,
  encode,
  labelOf,
  MAX_LEN,
  MIN_LEN,
  makeDataset,
  predict,
  sessionStep,
} from '../../src/widgets/sequence-classifier/model';

describe('sequence-classifier model', () => {
  it('labels by counting a’s against b’s, ties excluded from the data', () => {
    expect(labelOf(encode('aab').ids)).toBe(0);
    expect(labelOf(encode('abbc').ids)).toBe(1);
    expect(labelOf(encode('abc').ids)).toBeNull();
    const data = makeDataset(createRng(3), 10);
    expect(data).toHaveLength(MAX_LEN - MIN_LEN + 1);
    for (const bucket of data) {
      expect(bucket.filter((e) => e.label === 1)).toHaveLength(5);
      for (const e of bucket) expect(labelOf(e.ids)).toBe(e.label);
    }
  });

  it('flags unknown characters and reads them as <unk>', () => {
    const e = encode('aXb!');
    expect(e.ids).toEqual([1, 0, 2, 0]);
    expect(e.unknown).toEqual(['x', '!']);
  });

  it('starts near ln 2, learns, and is deterministic from the seed', () => {
    const s = createSession('gru', 1);
    expect(Math.abs(s.history[0].trainLoss - Math.LN2)).toBeLessThan(0.1);
    while (s.epoch < 4) sessionStep(s);
    expect(s.history[s.history.length - 1].testAccuracy).toBeGreaterThan(0.85);
    const again = createSession('gru', 1);
    while (again.epoch < 1) sessionStep(again);
    expect(again.losses).toEqual(s.losses.slice(0, again.losses.length));
    const p = predict(s.model, encode('bbbab').ids);
    expect(p?.pB[4]).toBeGreaterThan(0.5);
    expect(p?.hidden.length).toBe(16 * 5);
    expect(predict(s.model, [])).toBeNull();
  }, 30_000);
});
