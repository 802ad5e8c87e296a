/**
 * npm run conformance -- [--dtype float32|float64] [PATH…]
 * Runs every fixture file (or every *.json in a folder) through the engine and prints one line
 * per case, then `N passed, M failed`. Exit code 1 when any case fails.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CaseResult, formatResult, runFixture } from '../src/engine/conformance.ts';
import type { DType } from '../src/engine/tensor.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
let dtype: DType = 'float64';
const paths: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--dtype' || a.startsWith('--dtype=')) {
    const v = a.includes('=') ? a.slice(8) : args[++i];
    if (v !== 'float32' && v !== 'float64') {
      console.error(`--dtype must be float32 or float64, got ${v}`);
      process.exit(2);
    }
    dtype = v;
  } else paths.push(a);
}
if (paths.length === 0) paths.push(path.resolve(repoRoot, '../shared/fixtures/torch'));

function files(p: string): string[] {
  try {
    if (statSync(p).isDirectory()) {
      return readdirSync(p)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => path.join(p, f));
    }
  } catch {
    // not found: reported below as a failed case
  }
  return [p];
}

const results: CaseResult[] = [];
for (const p of paths) {
  for (const file of files(p)) {
    const base = path.basename(file, '.json');
    let r: CaseResult;
    try {
      r = runFixture(JSON.parse(readFileSync(file, 'utf8')), dtype, base);
    } catch (e) {
      r = { name: base, kind: 'file', pass: false, worst: null, compared: 0, error: (e as Error).message };
    }
    results.push(r);
    console.log(formatResult(r));
  }
}
const passed = results.filter((r) => r.pass).length;
console.log(`${passed} passed, ${results.length - passed} failed`);
process.exit(results.length - passed > 0 ? 1 : 0);
