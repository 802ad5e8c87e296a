/**
 * Assembles the hand-written WebAssembly SIMD GEMM kernel at build time.
 *
 *   npx tsx scripts/build-kernels.ts          # writes src/engine/kernels/gemm.wasm.generated.ts
 *   npx tsx scripts/build-kernels.ts --wat    # also prints the WAT text
 *
 * The WAT text is generated here (register blocks are unrolled by code, not by hand) and assembled
 * with the `wabt` package. The engine never compiles WAT at run time: it only decodes the base64
 * bytes written below. The module must stay under 4 KB so that browsers allow a synchronous
 * `new WebAssembly.Module` on the main thread.
 *
 * Kernel contract (all pointers and strides in BYTES, f32 elements):
 *   gemm(M, N, K, alpha, pA, sAi, sAk, pB, sBk, beta, pC, sCi)
 *     C[i,j] = alpha * sum_k A(i,k) * B[k,j] + beta * C[i,j]
 *     A(i,k) at pA + i*sAi + k*sAk  (so a transposed A costs nothing: swap the strides)
 *     B[k,j] at pB + k*sBk + 4*j     (B with contiguous columns)
 *     C[i,j] at pC + i*sCi + 4*j
 *     when beta == 0, C is not read (NaN/garbage in C does not propagate).
 *   gemm_nt(M, N, K, alpha, pA, sAi, pB, sBj, beta, pC, sCi)
 *     C[i,j] = alpha * sum_k A[i,k] * B[j,k] + beta * C[i,j]   (C = A·Bᵀ, rows of A and B contiguous in k)
 *     dot products in f32x4 along k, reduced with shuffles; the K mod 4 tail is added by a scalar pass.
 *   transpose(pSrc, rows, cols, sSrc, pDst)
 *     dst (cols x rows, contiguous) [c,r] = src[r,c] at pSrc + r*sSrc + 4*c
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import wabtInit from 'wabt';

const here = dirname(fileURLToPath(import.meta.url));
const outFile = resolve(here, '../src/engine/kernels/gemm.wasm.generated.ts');

/** Code for one register block of R rows × V f32x4 vectors (R × 4V outputs) at (i, j). */
function block(R: number, V: number): string {
  const acc = (r: number, v: number) => `$c${r}${v}`;
  const lines: string[] = [];
  for (let r = 0; r < R; r++)
    for (let v = 0; v < V; v++) lines.push(`(local.set ${acc(r, v)} (v128.const i32x4 0 0 0 0))`);
  lines.push('(local.set $pa (i32.add (local.get $pA) (i32.mul (local.get $i) (local.get $sAi))))');
  lines.push('(local.set $pb (i32.add (local.get $pB) (i32.shl (local.get $j) (i32.const 2))))');
  lines.push('(local.set $k (local.get $K))');
  lines.push('(block $kend (loop $kloop');
  lines.push('  (br_if $kend (i32.eqz (local.get $k)))');
  for (let v = 0; v < V; v++)
    lines.push(`  (local.set $b${v} (v128.load offset=${16 * v} align=4 (local.get $pb)))`);
  const rowAddr = [
    '(local.get $pa)',
    '(i32.add (local.get $pa) (local.get $sAi))',
    '(i32.add (local.get $pa) (local.get $sAi2))',
    '(i32.add (local.get $pa) (local.get $sAi3))',
  ];
  for (let r = 0; r < R; r++) {
    lines.push(`  (local.set $a (v128.load32_splat align=4 ${rowAddr[r]}))`);
    for (let v = 0; v < V; v++)
      lines.push(
        `  (local.set ${acc(r, v)} (f32x4.add (local.get ${acc(r, v)}) (f32x4.mul (local.get $a) (local.get $b${v}))))`,
      );
  }
  lines.push('  (local.set $pa (i32.add (local.get $pa) (local.get $sAk)))');
  lines.push('  (local.set $pb (i32.add (local.get $pb) (local.get $sBk)))');
  lines.push('  (local.set $k (i32.sub (local.get $k) (i32.const 1)))');
  lines.push('  (br $kloop)))');
  // store: C = alpha*acc (+ beta*C)
  lines.push(
    '(local.set $pc (i32.add (i32.add (local.get $pC) (i32.mul (local.get $i) (local.get $sCi))) (i32.shl (local.get $j) (i32.const 2))))',
  );
  for (let r = 0; r < R; r++) {
    const cp =
      r === 0 ? '(local.get $pc)' : `(i32.add (local.get $pc) (i32.mul (local.get $sCi) (i32.const ${r})))`;
    lines.push(`(local.set $cp ${cp})`);
    for (let v = 0; v < V; v++) {
      lines.push(`(local.set $a (f32x4.mul (local.get ${acc(r, v)}) (local.get $va)))`);
      lines.push(
        `(if (i32.eqz (local.get $beta0)) (then (local.set $a (f32x4.add (local.get $a) (f32x4.mul (v128.load offset=${16 * v} align=4 (local.get $cp)) (local.get $vb))))))`,
      );
      lines.push(`(v128.store offset=${16 * v} align=4 (local.get $cp) (local.get $a))`);
    }
  }

  return lines.join('\n');
}

/** Column sweep for a group of R rows starting at $i: vector blocks of the given widths, then scalar columns. */
function columnSweep(R: number, widthsV: number[]): string {
  const parts: string[] = ['(local.set $j (i32.const 0))'];
  for (const V of widthsV) {
    const W = 4 * V;
    parts.push(`(block $je${V} (loop $jl${V}
  (br_if $je${V} (i32.gt_s (i32.add (local.get $j) (i32.const ${W})) (local.get $N)))
  ${block(R, V)}
  (local.set $j (i32.add (local.get $j) (i32.const ${W})))
  (br $jl${V})))`);
  }
  // scalar remainder: rows i..i+R-1, columns j..N-1
  parts.push(`(call $scalar (local.get $i) (i32.add (local.get $i) (i32.const ${R})) (local.get $j) (local.get $N) (local.get $K)
  (local.get $alpha) (local.get $pA) (local.get $sAi) (local.get $sAk) (local.get $pB) (local.get $sBk) (i32.const 4) (local.get $beta) (local.get $pC) (local.get $sCi))`);
  return parts.join('\n');
}

/** NT kernel block: R rows of A × Q rows of B, dot products along contiguous k (K4 = K rounded down to 4). */
function dotBlock(R: number, Q: number): string {
  const acc = (r: number, q: number) => `$d${r}${q}`;
  const L: string[] = [];
  for (let r = 0; r < R; r++)
    for (let q = 0; q < Q; q++) L.push(`(local.set ${acc(r, q)} (v128.const i32x4 0 0 0 0))`);
  L.push('(local.set $pa (i32.add (local.get $pA) (i32.mul (local.get $i) (local.get $sAi))))');
  L.push('(local.set $pb (i32.add (local.get $pB) (i32.mul (local.get $j) (local.get $sBj))))');
  L.push('(local.set $k (local.get $K4))');
  L.push('(block $kend (loop $kloop');
  L.push('  (br_if $kend (i32.eqz (local.get $k)))');
  const bAddr = [
    '(local.get $pb)',
    '(i32.add (local.get $pb) (local.get $sBj))',
    '(i32.add (local.get $pb) (local.get $sBj2))',
    '(i32.add (local.get $pb) (local.get $sBj3))',
  ];
  const aAddr = ['(local.get $pa)', '(i32.add (local.get $pa) (local.get $sAi))'];
  for (let q = 0; q < Q; q++) L.push(`  (local.set $b${q} (v128.load align=4 ${bAddr[q]}))`);
  for (let r = 0; r < R; r++) {
    L.push(`  (local.set $a (v128.load align=4 ${aAddr[r]}))`);
    for (let q = 0; q < Q; q++)
      L.push(
        `  (local.set ${acc(r, q)} (f32x4.add (local.get ${acc(r, q)}) (f32x4.mul (local.get $a) (local.get $b${q}))))`,
      );
  }
  L.push('  (local.set $pa (i32.add (local.get $pa) (i32.const 16)))');
  L.push('  (local.set $pb (i32.add (local.get $pb) (i32.const 16)))');
  L.push('  (local.set $k (i32.sub (local.get $k) (i32.const 4)))');
  L.push('  (br $kloop)))');
  L.push(
    '(local.set $pc (i32.add (i32.add (local.get $pC) (i32.mul (local.get $i) (local.get $sCi))) (i32.shl (local.get $j) (i32.const 2))))',
  );
  for (let r = 0; r < R; r++) {
    const cp = r === 0 ? '(local.get $pc)' : '(i32.add (local.get $pc) (local.get $sCi))';
    L.push(`(local.set $cp ${cp})`);
    if (Q === 4) {
      const sh = (x: string, y: string, lanes: number[]) =>
        `(i8x16.shuffle ${lanes.flatMap((l) => [4 * l, 4 * l + 1, 4 * l + 2, 4 * l + 3]).join(' ')} ${x} ${y})`;
      const g = (q: number) => `(local.get ${acc(r, q)})`;
      L.push(`(local.set $t0 (f32x4.add ${sh(g(0), g(1), [0, 4, 1, 5])} ${sh(g(0), g(1), [2, 6, 3, 7])}))`);
      L.push(`(local.set $t1 (f32x4.add ${sh(g(2), g(3), [0, 4, 1, 5])} ${sh(g(2), g(3), [2, 6, 3, 7])}))`);
      L.push(
        `(local.set $a (f32x4.mul (local.get $va) (f32x4.add ${sh('(local.get $t0)', '(local.get $t1)', [0, 1, 4, 5])} ${sh('(local.get $t0)', '(local.get $t1)', [2, 3, 6, 7])})))`,
      );
      L.push(
        '(if (i32.eqz (local.get $beta0)) (then (local.set $a (f32x4.add (local.get $a) (f32x4.mul (local.get $vb) (v128.load align=4 (local.get $cp)))))))',
      );
      L.push('(v128.store align=4 (local.get $cp) (local.get $a))');
    } else {
      const v = `(local.get ${acc(r, 0)})`;
      L.push(
        `(local.set $s (f32.mul (local.get $alpha) (f32.add (f32.add (f32x4.extract_lane 0 ${v}) (f32x4.extract_lane 1 ${v})) (f32.add (f32x4.extract_lane 2 ${v}) (f32x4.extract_lane 3 ${v})))))`,
      );
      L.push(
        '(if (i32.eqz (local.get $beta0)) (then (local.set $s (f32.add (local.get $s) (f32.mul (local.get $beta) (f32.load (local.get $cp)))))))',
      );
      L.push('(f32.store (local.get $cp) (local.get $s))');
    }
  }
  return L.join('\n');
}

function dotSweep(R: number): string {
  return `(local.set $j (i32.const 0))
(block $je4 (loop $jl4
  (br_if $je4 (i32.gt_s (i32.add (local.get $j) (i32.const 4)) (local.get $N)))
  ${dotBlock(R, 4)}
  (local.set $j (i32.add (local.get $j) (i32.const 4)))
  (br $jl4)))
(block $je1 (loop $jl1
  (br_if $je1 (i32.ge_s (local.get $j) (local.get $N)))
  ${dotBlock(R, 1)}
  (local.set $j (i32.add (local.get $j) (i32.const 1)))
  (br $jl1)))`;
}

function wat(): string {
  const accLocals: string[] = [];
  for (let r = 0; r < 4; r++) for (let v = 0; v < 4; v++) accLocals.push(`(local $c${r}${v} v128)`);
  return `(module
(import "env" "memory" (memory 1))
(func $scalar (param $i0 i32) (param $i1 i32) (param $j0 i32) (param $N i32) (param $K i32)
  (param $alpha f32) (param $pA i32) (param $sAi i32) (param $sAk i32) (param $pB i32) (param $sBk i32) (param $sBj i32)
  (param $beta f32) (param $pC i32) (param $sCi i32)
  (local $i i32) (local $j i32) (local $k i32) (local $pa i32) (local $pb i32) (local $s f32) (local $cp i32)
  (local.set $i (local.get $i0))
  (block $ie (loop $il
    (br_if $ie (i32.ge_s (local.get $i) (local.get $i1)))
    (local.set $j (local.get $j0))
    (block $je (loop $jl
      (br_if $je (i32.ge_s (local.get $j) (local.get $N)))
      (local.set $s (f32.const 0))
      (local.set $pa (i32.add (local.get $pA) (i32.mul (local.get $i) (local.get $sAi))))
      (local.set $pb (i32.add (local.get $pB) (i32.mul (local.get $j) (local.get $sBj))))
      (local.set $k (local.get $K))
      (block $ke (loop $kl
        (br_if $ke (i32.eqz (local.get $k)))
        (local.set $s (f32.add (local.get $s) (f32.mul (f32.load (local.get $pa)) (f32.load (local.get $pb)))))
        (local.set $pa (i32.add (local.get $pa) (local.get $sAk)))
        (local.set $pb (i32.add (local.get $pb) (local.get $sBk)))
        (local.set $k (i32.sub (local.get $k) (i32.const 1)))
        (br $kl)))
      (local.set $cp (i32.add (i32.add (local.get $pC) (i32.mul (local.get $i) (local.get $sCi))) (i32.shl (local.get $j) (i32.const 2))))
      (local.set $s (f32.mul (local.get $s) (local.get $alpha)))
      (if (f32.ne (local.get $beta) (f32.const 0))
        (then (local.set $s (f32.add (local.get $s) (f32.mul (local.get $beta) (f32.load (local.get $cp)))))))
      (f32.store (local.get $cp) (local.get $s))
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br $jl)))
    (local.set $i (i32.add (local.get $i) (i32.const 1)))
    (br $il))))
(func (export "gemm") (param $M i32) (param $N i32) (param $K i32) (param $alpha f32)
  (param $pA i32) (param $sAi i32) (param $sAk i32) (param $pB i32) (param $sBk i32)
  (param $beta f32) (param $pC i32) (param $sCi i32)
  (local $i i32) (local $j i32) (local $k i32) (local $pa i32) (local $pb i32) (local $pc i32) (local $cp i32)
  (local $sAi2 i32) (local $sAi3 i32) (local $beta0 i32)
  (local $a v128) (local $b0 v128) (local $b1 v128) (local $b2 v128) (local $b3 v128) (local $va v128) (local $vb v128)
  ${accLocals.join(' ')}
  (local.set $sAi2 (i32.shl (local.get $sAi) (i32.const 1)))
  (local.set $sAi3 (i32.add (local.get $sAi2) (local.get $sAi)))
  (local.set $va (f32x4.splat (local.get $alpha)))
  (local.set $vb (f32x4.splat (local.get $beta)))
  (local.set $beta0 (f32.eq (local.get $beta) (f32.const 0)))
  (local.set $i (i32.const 0))
  (block $ie4 (loop $il4
    (br_if $ie4 (i32.gt_s (i32.add (local.get $i) (i32.const 4)) (local.get $M)))
    ${columnSweep(4, [2])}
    (local.set $i (i32.add (local.get $i) (i32.const 4)))
    (br $il4)))
  (block $ie1 (loop $il1
    (br_if $ie1 (i32.ge_s (local.get $i) (local.get $M)))
    ${columnSweep(1, [2])}
    (local.set $i (i32.add (local.get $i) (i32.const 1)))
    (br $il1))))
(func (export "gemm_nt") (param $M i32) (param $N i32) (param $K i32) (param $alpha f32)
  (param $pA i32) (param $sAi i32) (param $pB i32) (param $sBj i32)
  (param $beta f32) (param $pC i32) (param $sCi i32)
  (local $i i32) (local $j i32) (local $k i32) (local $K4 i32) (local $pa i32) (local $pb i32) (local $pc i32) (local $cp i32)
  (local $sBj2 i32) (local $sBj3 i32) (local $beta0 i32) (local $s f32)
  (local $a v128) (local $b0 v128) (local $b1 v128) (local $b2 v128) (local $b3 v128) (local $va v128) (local $vb v128) (local $t0 v128) (local $t1 v128)
  (local $d00 v128) (local $d01 v128) (local $d02 v128) (local $d03 v128) (local $d10 v128) (local $d11 v128) (local $d12 v128) (local $d13 v128)
  (local.set $K4 (i32.and (local.get $K) (i32.const -4)))
  (local.set $sBj2 (i32.shl (local.get $sBj) (i32.const 1)))
  (local.set $sBj3 (i32.add (local.get $sBj2) (local.get $sBj)))
  (local.set $va (f32x4.splat (local.get $alpha)))
  (local.set $vb (f32x4.splat (local.get $beta)))
  (local.set $beta0 (f32.eq (local.get $beta) (f32.const 0)))
  (local.set $i (i32.const 0))
  (block $ie2 (loop $il2
    (br_if $ie2 (i32.gt_s (i32.add (local.get $i) (i32.const 2)) (local.get $M)))
    ${dotSweep(2)}
    (local.set $i (i32.add (local.get $i) (i32.const 2)))
    (br $il2)))
  (block $ie1 (loop $il1
    (br_if $ie1 (i32.ge_s (local.get $i) (local.get $M)))
    ${dotSweep(1)}
    (local.set $i (i32.add (local.get $i) (i32.const 1)))
    (br $il1)))
  ;; the K mod 4 tail: C += alpha * A[:, K4:] · B[:, K4:]ᵀ
  (if (i32.lt_s (local.get $K4) (local.get $K))
    (then (call $scalar (i32.const 0) (local.get $M) (i32.const 0) (local.get $N) (i32.sub (local.get $K) (local.get $K4))
      (local.get $alpha) (i32.add (local.get $pA) (i32.shl (local.get $K4) (i32.const 2))) (local.get $sAi) (i32.const 4)
      (i32.add (local.get $pB) (i32.shl (local.get $K4) (i32.const 2))) (i32.const 4) (local.get $sBj)
      (f32.const 1) (local.get $pC) (local.get $sCi)))))
(func (export "transpose") (param $pS i32) (param $rows i32) (param $cols i32) (param $sS i32) (param $pD i32)
  (local $r i32) (local $c i32) (local $ps i32) (local $pd i32)
  (block $re (loop $rl
    (br_if $re (i32.ge_s (local.get $r) (local.get $rows)))
    (local.set $ps (i32.add (local.get $pS) (i32.mul (local.get $r) (local.get $sS))))
    (local.set $pd (i32.add (local.get $pD) (i32.shl (local.get $r) (i32.const 2))))
    (local.set $c (i32.const 0))
    (block $ce (loop $cl
      (br_if $ce (i32.ge_s (local.get $c) (local.get $cols)))
      (f32.store (local.get $pd) (f32.load (local.get $ps)))
      (local.set $ps (i32.add (local.get $ps) (i32.const 4)))
      (local.set $pd (i32.add (local.get $pd) (i32.shl (local.get $rows) (i32.const 2))))
      (local.set $c (i32.add (local.get $c) (i32.const 1)))
      (br $cl)))
    (local.set $r (i32.add (local.get $r) (i32.const 1)))
    (br $rl))))
)`;
}

const SIMD_PROBE_WAT = '(module (func (result v128) (i32x4.splat (i32.const 0))))';

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

async function main(): Promise<void> {
  const wabt = await wabtInit();
  const assemble = (name: string, text: string): Uint8Array => {
    const mod = wabt.parseWat(name, text, { simd: true });
    mod.validate();
    const { buffer } = mod.toBinary({ log: false, write_debug_names: false });
    mod.destroy();
    return buffer;
  };
  const text = wat();
  if (process.argv.includes('--wat')) console.log(text);
  const gemm = assemble('gemm.wat', text);
  const probe = assemble('probe.wat', SIMD_PROBE_WAT);
  if (gemm.length >= 4096) {
    throw new Error(
      `gemm.wasm is ${gemm.length} bytes; it must stay under 4096 for a synchronous compile on a browser main thread`,
    );
  }
  const out = `// GENERATED by scripts/build-kernels.ts: do not edit. Rebuild with \`npx tsx scripts/build-kernels.ts\`.
// WebAssembly SIMD GEMM kernel (${gemm.length} bytes) and a tiny SIMD probe module, as base64.
export const GEMM_WASM_BASE64 =
  '${toBase64(gemm)}';
export const SIMD_PROBE_WASM_BASE64 = '${toBase64(probe)}';
`;
  writeFileSync(outFile, out);
  console.log(`wrote ${outFile} (gemm ${gemm.length} bytes, probe ${probe.length} bytes)`);
}

await main();
