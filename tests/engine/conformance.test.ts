import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type Backend, tsBackend } from '../../src/engine/backend.ts';
import { formatResult, runFixture } from '../../src/engine/conformance.ts';
import { createWasmBackend } from '../../src/engine/kernels/index.ts';
import type { DType } from '../../src/engine/tensor.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = path.resolve(repoRoot, '../shared/fixtures/torch');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('PyTorch fixtures', () => {
  it('finds the fixtures', () => {
    expect(files.length).toBeGreaterThanOrEqual(36);
  });
  const wasm = createWasmBackend({ memoryBytes: 64 * 1024 * 1024 });
  it('has WebAssembly SIMD (Node ≥ 16)', () => {
    expect(wasm).not.toBeNull();
  });
  const runs: [string, DType, Backend | null][] = [
    ['float64', 'float64', tsBackend],
    ['float32-ts', 'float32', tsBackend],
    ['float32-wasm', 'float32', wasm],
  ];
  for (const [label, dtype, backend] of runs) {
    describe(label, () => {
      for (const f of files) {
        it(f, () => {
          if (!backend) throw new Error('no backend');
          const r = runFixture(JSON.parse(readFileSync(path.join(dir, f), 'utf8')), dtype, f, backend);
          expect(r.pass, formatResult(r)).toBe(true);
          expect(r.compared).toBeGreaterThan(0);
        });
      }
      if (backend && 'liveBlocks' in backend) {
        it('returns all arena storage after the cases (dispose)', () => {
          expect((backend as { liveBlocks: number }).liveBlocks).toBe(0);
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
