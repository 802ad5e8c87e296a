import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatResult, runFixture } from '../../src/engine/conformance.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = path.resolve(repoRoot, '../shared/fixtures/torch');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('PyTorch fixtures', () => {
  it('finds the fixtures', () => {
    expect(files.length).toBeGreaterThanOrEqual(36);
  });
  for (const dtype of ['float64', 'float32'] as const) {
    describe(dtype, () => {
      for (const f of files) {
        it(f, () => {
          const r = runFixture(JSON.parse(readFileSync(path.join(dir, f), 'utf8')), dtype, f);
          expect(r.pass, formatResult(r)).toBe(true);
          expect(r.compared).toBeGreaterThan(0);
        });
      }
    });
  }
});

describe('runFixture failures', () => {
  it('reports an unknown kind, a broken file and a wrong value as failures', () => {
    expect(runFixture({ format: 'rnn-fixture/1', kind: 'nope', name: 'x' }).pass).toBe(false);
    expect(runFixture(null).pass).toBe(false);
    const f = JSON.parse(readFileSync(path.join(dir, 'module-rnn-tanh-l1-uni.json'), 'utf8'));
    f.output.data[3] += 1e-3;
    const r = runFixture(f);
    expect(r.pass).toBe(false);
    expect(r.worst?.where).toBe('output[3]');
  });
});
