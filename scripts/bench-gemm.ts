/**
 * GEMM throughput: WebAssembly SIMD kernel vs the plain TypeScript loop, in GFLOP/s.
 *   npx tsx scripts/bench-gemm.ts [--json]
 */
import { createTsBackend, createWasmBackend } from '../src/engine/kernels/index';
import type { Backend } from '../src/engine/kernels/types';

const json = process.argv.includes('--json');
const shapes: [string, boolean, boolean, number, number, number][] = [
  ['256³', false, false, 256, 256, 256],
  ['256³ Aᵀ', true, false, 256, 256, 256],
  ['256³ Bᵀ', false, true, 256, 256, 256],
  ['step x·W (B=16,H=128,4H)', false, false, 16, 512, 128],
  ['step B=1 (W2)', false, false, 1, 512, 128],
  ['seq proj (TB=512,H=128,4H)', false, false, 512, 512, 128],
  ['dW = Xᵀ·dG (128×512, K=512)', true, false, 128, 512, 512],
  ['dH = dG·Wᵀ (16×128, K=512)', false, true, 16, 128, 512],
  ['head (512×64, K=128)', false, false, 512, 64, 128],
];

function measure(be: Backend, tA: boolean, tB: boolean, M: number, N: number, K: number): number {
  const A = be.allocF32(M * K);
  const B = be.allocF32(K * N);
  const C = be.allocF32(M * N);
  for (let i = 0; i < A.length; i++) A[i] = Math.sin(i);
  for (let i = 0; i < B.length; i++) B[i] = Math.cos(i);
  const lda = tA ? M : K;
  const ldb = tB ? K : N;
  const flops = 2 * M * N * K;
  const run = (n: number) => {
    for (let r = 0; r < n; r++) be.gemmF32(tA, tB, M, N, K, 1, A, lda, B, ldb, 0, C, N);
  };
  // calibrate to ~150 ms per sample, 5 samples, median
  let n = 1;
  for (;;) {
    const t0 = performance.now();
    run(n);
    const dt = performance.now() - t0;
    if (dt > 30) {
      n = Math.max(1, Math.round((n * 150) / dt));
      break;
    }
    n *= 4;
  }
  const rates: number[] = [];
  for (let s = 0; s < 5; s++) {
    const t0 = performance.now();
    run(n);
    rates.push((flops * n) / ((performance.now() - t0) * 1e6));
  }
  rates.sort((a, b) => a - b);
  return rates[2];
}

const wasm = createWasmBackend();
const ts = createTsBackend();
if (!json)
  console.log(`${'shape'.padEnd(32)} ${'wasm GFLOP/s'.padStart(13)} ${'ts GFLOP/s'.padStart(11)}  ratio`);
for (const [label, tA, tB, M, N, K] of shapes) {
  wasm?.reset();
  const w = wasm ? measure(wasm, tA, tB, M, N, K) : Number.NaN;
  const t = measure(ts, tA, tB, M, N, K);
  if (json) {
    console.log(
      JSON.stringify({ shape: label, M, N, K, transA: tA, transB: tB, wasm: w, ts: t, unit: 'GFLOP/s' }),
    );
  } else {
    console.log(
      `${label.padEnd(32)} ${w.toFixed(2).padStart(13)} ${t.toFixed(2).padStart(11)}  ${(w / t).toFixed(1)}×`,
    );
  }
}
