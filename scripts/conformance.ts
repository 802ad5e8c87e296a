/**
 * npm run conformance -- [PATH…] [--dtype float32|float64|all] [--backend ts|wasm|both]
 *
 * Runs every fixture file (or every *.json in a folder; default ../shared/fixtures/torch) through
 * the engine and prints one line per case and configuration — name, PASS/FAIL, the worst error and
 * where — then `N passed, M failed`. Exit code 1 when any case fails.
 *
 * Configurations: float64 (plain TypeScript), and float32 through each selected backend:
 * `ts` (pure TypeScript gemm) and `wasm` (the WebAssembly SIMD kernel, as the book uses it).
 * Defaults: --dtype all, --backend both, i.e. float64, float32-ts and float32-wasm.
 * A file that cannot be parsed, a case that cannot run, or a missing wasm backend counts as failed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Backend, tsBackend } from '../src/engine/backend.ts';
import { type CaseResult, formatResult, runFixture } from '../src/engine/conformance.ts';
import { createWasmBackend } from '../src/engine/kernels/index.ts';
import type { DType } from '../src/engine/tensor.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
let dtypeArg = 'all';
let backendArg = 'both';
const paths: string[] = [];
const value = (i: number, a: string, name: string): [string, number] =>
  a.includes('=') ? [a.slice(name.length + 1), i] : [args[i + 1], i + 1];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--dtype' || a.startsWith('--dtype=')) {
    [dtypeArg, i] = value(i, a, '--dtype');
    if (!['float32', 'float64', 'all'].includes(dtypeArg)) {
      console.error(`--dtype must be float32, float64 or all, got ${dtypeArg}`);
      process.exit(2);
    }
  } else if (a === '--backend' || a.startsWith('--backend=')) {
    [backendArg, i] = value(i, a, '--backend');
    if (!['ts', 'wasm', 'both'].includes(backendArg)) {
      console.error(`--backend must be ts, wasm or both, got ${backendArg}`);
      process.exit(2);
    }
  } else paths.push(a);
}
if (paths.length === 0) paths.push(path.resolve(repoRoot, '../shared/fixtures/torch'));

interface Run {
  label: string;
  dtype: DType;
  backend: Backend | null;
}
const runs: Run[] = [];
if (dtypeArg !== 'float32') runs.push({ label: 'float64', dtype: 'float64', backend: tsBackend });
if (dtypeArg !== 'float64') {
  if (backendArg !== 'wasm') runs.push({ label: 'float32-ts', dtype: 'float32', backend: tsBackend });
  if (backendArg !== 'ts')
    runs.push({ label: 'float32-wasm', dtype: 'float32', backend: createWasmBackend() });
}

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
const fileList = paths.flatMap(files);
for (const run of runs) {
  for (const file of fileList) {
    const base = path.basename(file, '.json');
    let r: CaseResult;
    if (!run.backend) {
      r = { name: base, kind: 'file', pass: false, worst: null, compared: 0, error: 'no WebAssembly SIMD' };
    } else {
      try {
        r = runFixture(JSON.parse(readFileSync(file, 'utf8')), run.dtype, base, run.backend);
      } catch (e) {
        r = { name: base, kind: 'file', pass: false, worst: null, compared: 0, error: (e as Error).message };
      }
    }
    results.push(r);
    console.log(`[${run.label}] ${formatResult(r)}`);
  }
}
const passed = results.filter((r) => r.pass).length;
console.log(`${passed} passed, ${results.length - passed} failed`);
process.exit(results.length - passed > 0 ? 1 : 0);
