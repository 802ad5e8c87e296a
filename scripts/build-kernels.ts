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

/**
 * Fused float32 cell activations (a second module, so that each stays under 4 KB), on the same memory.
 * All pointers in BYTES; widths in f32 elements; only whole f32x4 vectors are processed (columns
 * j < H & ~3), the caller finishes the H mod 4 tail.
 *   lstm_fwd(pPre, pCp, pG, pC, pTc, pH, B, H)   pre (B, 4H) → gates (B, 4H), c, tanh(c), h (B, H)
 *   gru_fwd(pPre, pSh, pHp, pG, pAux, pH, B, H)  PyTorch GRU: pre (B, 3H) input side (+ folded b_hr, b_hz),
 *     sh (B, 3H) hidden side incl. b_hn; writes pre (full pre-activations), gates, aux = sh[:, 2H:], h
 *   tanh2(pSrc, pD1, pD2, n)                     d1 = d2 = tanh(src), n elements (n & ~3 of them)
 *   lstm_bwd(pG, pTc, pCp, pDh, pDc, pDcOut, pDa, pDpre, B, H, beta)  the LSTM cell's backwardStep
 *     pointwise part (no peepholes): da (B,4H), dPre += da, dc (in place), dcOut = beta·dcOut + dc⊙f
 *   gru_bwd(pG, pAux, pHp, pDh, pSx, pSh, pDX, pDH, B, H)  PyTorch GRU backwardStep pointwise part:
 *     sx, sh (B,3H) and dPreX += sx, dPreH += sh
 *   gather_rows(pT, ld, pTok, n, pD, w, pBias)   D[r, :w] = T[tok[r], :w] + bias (token input, T = W_ihᵀ)
 *   gather_cols(pW, I, pTok, n, pD, w, pBias)    D[r, j] = W[j, tok[r]] + bias[j] (few rows: no transpose)
 *   scatter_rows(pS, n, pTok, pD, w)             D[tok[r], :w] += S[r, :w] (dW_ihᵀ for token input)
 * exp: x clamped to [−87.3, 88.3], x = k·ln2 + r (Cody–Waite), Cephes' degree-6 polynomial (~1 ulp);
 * σ(a) = 1/(1 + e^{−a}); tanh(a) = m/(m + 2) with m = e^{2a} − 1 computed without cancellation.
 */
function f4(x: number): string {
  return `(v128.const f32x4 ${x} ${x} ${x} ${x})`;
}
function actWat(): string {
  const poly = [
    1.98756915e-4, 1.3981999507e-3, 8.3334519073e-3, 4.1665795894e-2, 1.6666665459e-1, 5.0000001201e-1,
  ];
  let pl = '(local.get $kp0)';
  for (let i = 1; i < poly.length; i++)
    pl = `(f32x4.add (f32x4.mul ${pl} (local.get $er)) (local.get $kp${i}))`;
  // vector loop over rows b and column vectors v, with named row/col byte offsets
  const loop2 = (body: string) => `(local.set $b (i32.const 0))
  (local.set $H4 (i32.and (local.get $H) (i32.const -4)))
  (block $be (loop $bl
    (br_if $be (i32.ge_s (local.get $b) (local.get $B)))
    (local.set $j (i32.const 0))
    (block $je (loop $jl
      (br_if $je (i32.ge_s (local.get $j) (local.get $H4)))
      (local.set $os (i32.shl (i32.add (i32.mul (local.get $b) (local.get $H)) (local.get $j)) (i32.const 2)))
      (local.set $og (i32.shl (i32.add (i32.mul (local.get $b) (local.get $GH)) (local.get $j)) (i32.const 2)))
      ${body}
      (local.set $j (i32.add (local.get $j) (i32.const 4)))
      (br $jl)))
    (local.set $b (i32.add (local.get $b) (i32.const 1)))
    (br $bl)))`;
  const ld = (base: string, off: string, blk = 0) =>
    `(v128.load offset=0 align=4 (i32.add (i32.add (local.get ${base}) (local.get ${off})) (i32.mul (local.get $Hb) (i32.const ${blk}))))`;
  const st = (base: string, off: string, val: string, blk = 0) =>
    `(v128.store align=4 (i32.add (i32.add (local.get ${base}) (local.get ${off})) (i32.mul (local.get $Hb) (i32.const ${blk}))) ${val})`;
  // e^x inline: a block expression using the locals $ex, $ek, $er (declared in every function)
  // e^x − 1 − (e^x for `exp`) inline: a block expression using the locals $ex, $ek, $er, $es.
  // x = k·ln2 + r; q = e^r − 1 = r + r²·P(r); s = 2^k; e^x = s·q + s; e^x − 1 = s·q + (s − 1),
  // exact in q when k = 0, so tanh keeps its relative accuracy near 0.
  const expCore = (x: string, minus1: boolean) => `(block (result v128)
    (local.set $ex (f32x4.min (f32x4.max ${x} (local.get $klo)) (local.get $khi)))
    (local.set $ek (f32x4.nearest (f32x4.mul (local.get $ex) (local.get $kl2e))))
    (local.set $er (f32x4.sub (f32x4.sub (local.get $ex) (f32x4.mul (local.get $ek) (local.get $kln2a)))
      (f32x4.mul (local.get $ek) (local.get $kln2b))))
    (local.set $es (i32x4.shl (i32x4.add (i32x4.trunc_sat_f32x4_s (local.get $ek)) (i32x4.splat (i32.const 127))) (i32.const 23)))
    (f32x4.add
      (f32x4.mul (f32x4.add (f32x4.mul ${pl} (f32x4.mul (local.get $er) (local.get $er))) (local.get $er)) (local.get $es))
      ${minus1 ? '(f32x4.sub (local.get $es) (local.get $k1))' : '(local.get $es)'}))`;
  const expIn = (x: string) => expCore(x, false);
  const sig = (x: string) =>
    `(f32x4.div (local.get $k1) (f32x4.add (local.get $k1) ${expIn(`(f32x4.neg ${x})`)}))`;
  // tanh(a) = m / (m + 2), m = e^{2a} − 1
  const tanh = (x: string) =>
    `(block (result v128) (local.set $ex ${expCore(`(f32x4.add ${x} ${x})`, true)}) (f32x4.div (local.get $ex) (f32x4.add (local.get $ex) (local.get $k2))))`;
  // the constants of exp, set once per call (a v128.const costs 18 bytes at every use)
  const consts: [string, number][] = [
    ['$klo', -87.3],
    ['$khi', 88.3],
    ['$kl2e', Math.LOG2E],
    ['$kln2a', 0.693359375],
    ['$kln2b', -2.1219444e-4],
    ['$k1', 1],
    ['$k2', 2],
    ...poly.map((c, i): [string, number] => [`$kp${i}`, c]),
  ];
  const constLocals = consts.map(([n]) => `(local ${n} v128)`).join(' ');
  const constInit = consts.map(([n, v]) => `(local.set ${n} ${f4(v)})`).join('\n  ');
  const locals = `(local $ex v128) (local $ek v128) (local $er v128) (local $es v128) (local $b i32) (local $j i32) (local $H4 i32) (local $os i32) (local $og i32) (local $Hb i32) (local $GH i32)
  (local $i v128) (local $f v128) (local $g v128) (local $o v128) (local $c v128) (local $t v128)`;
  return `(module
(import "env" "memory" (memory 1))
${'' /* exp, σ and tanh are inlined at every use (V8 does not inline wasm calls) */}
(func (export "lstm_fwd") (param $pPre i32) (param $pCp i32) (param $pG i32) (param $pC i32) (param $pTc i32) (param $pH i32)
  (param $B i32) (param $H i32)
  ${locals} ${constLocals}
  ${constInit}
  (local.set $Hb (i32.shl (local.get $H) (i32.const 2)))
  (local.set $GH (i32.shl (local.get $H) (i32.const 2)))
  ${loop2(`(local.set $i ${sig(ld('$pPre', '$og', 0))})
      (local.set $f ${sig(ld('$pPre', '$og', 1))})
      (local.set $g ${tanh(ld('$pPre', '$og', 2))})
      (local.set $o ${sig(ld('$pPre', '$og', 3))})
      (local.set $c (f32x4.add (f32x4.mul (local.get $f) ${ld('$pCp', '$os')}) (f32x4.mul (local.get $i) (local.get $g))))
      (local.set $t ${tanh('(local.get $c)')})
      ${st('$pG', '$og', '(local.get $i)', 0)}
      ${st('$pG', '$og', '(local.get $f)', 1)}
      ${st('$pG', '$og', '(local.get $g)', 2)}
      ${st('$pG', '$og', '(local.get $o)', 3)}
      ${st('$pC', '$os', '(local.get $c)')}
      ${st('$pTc', '$os', '(local.get $t)')}
      ${st('$pH', '$os', '(f32x4.mul (local.get $o) (local.get $t))')}`)})
(func (export "gru_fwd") (param $pPre i32) (param $pSh i32) (param $pHp i32) (param $pG i32) (param $pAux i32) (param $pH i32)
  (param $B i32) (param $H i32)
  ${locals} ${constLocals}
  ${constInit}
  (local.set $Hb (i32.shl (local.get $H) (i32.const 2)))
  (local.set $GH (i32.mul (local.get $H) (i32.const 3)))
  ${loop2(`(local.set $c (f32x4.add ${ld('$pPre', '$og', 0)} ${ld('$pSh', '$og', 0)}))
      ${st('$pPre', '$og', '(local.get $c)', 0)}
      (local.set $i ${sig('(local.get $c)')})
      (local.set $c (f32x4.add ${ld('$pPre', '$og', 1)} ${ld('$pSh', '$og', 1)}))
      ${st('$pPre', '$og', '(local.get $c)', 1)}
      (local.set $f ${sig('(local.get $c)')})
      (local.set $t ${ld('$pSh', '$og', 2)})
      ${st('$pAux', '$os', '(local.get $t)')}
      (local.set $c (f32x4.add ${ld('$pPre', '$og', 2)} (f32x4.mul (local.get $i) (local.get $t))))
      ${st('$pPre', '$og', '(local.get $c)', 2)}
      (local.set $g ${tanh('(local.get $c)')})
      ${st('$pG', '$og', '(local.get $i)', 0)}
      ${st('$pG', '$og', '(local.get $f)', 1)}
      ${st('$pG', '$og', '(local.get $g)', 2)}
      ${st('$pH', '$os', `(f32x4.add (f32x4.mul (f32x4.sub ${f4(1)} (local.get $f)) (local.get $g)) (f32x4.mul (local.get $f) ${ld('$pHp', '$os')}))`)}`)})
(func (export "lstm_bwd") (param $pG i32) (param $pTc i32) (param $pCp i32) (param $pDh i32) (param $pDc i32)
  (param $pDcO i32) (param $pDa i32) (param $pDp i32) (param $B i32) (param $H i32) (param $beta f32)
  ${locals} (local $dh v128) (local $x v128) (local $vbeta v128)
  (local.set $vbeta (f32x4.splat (local.get $beta)))
  (local.set $Hb (i32.shl (local.get $H) (i32.const 2)))
  (local.set $GH (i32.shl (local.get $H) (i32.const 2)))
  ${loop2(`(local.set $i ${ld('$pG', '$og', 0)})
      (local.set $f ${ld('$pG', '$og', 1)})
      (local.set $g ${ld('$pG', '$og', 2)})
      (local.set $o ${ld('$pG', '$og', 3)})
      (local.set $t ${ld('$pTc', '$os')})
      (local.set $dh ${ld('$pDh', '$os')})
      ;; da_o = dh·tanh(c)·o(1−o); dc = dcIn + dh·o·(1 − tanh²c)
      (local.set $x (f32x4.mul (f32x4.mul (local.get $dh) (local.get $t)) (f32x4.mul (local.get $o) (f32x4.sub ${f4(1)} (local.get $o)))))
      ${st('$pDa', '$og', '(local.get $x)', 3)}
      ${st('$pDp', '$og', `(f32x4.add ${ld('$pDp', '$og', 3)} (local.get $x))`, 3)}
      (local.set $c (f32x4.add ${ld('$pDc', '$os')} (f32x4.mul (f32x4.mul (local.get $dh) (local.get $o)) (f32x4.sub ${f4(1)} (f32x4.mul (local.get $t) (local.get $t))))))
      ${st('$pDc', '$os', '(local.get $c)')}
      ;; da_i = dc·g·i(1−i); da_f = dc·c_{t−1}·f(1−f); da_g = dc·i·(1−g²)
      (local.set $x (f32x4.mul (f32x4.mul (local.get $c) (local.get $g)) (f32x4.mul (local.get $i) (f32x4.sub ${f4(1)} (local.get $i)))))
      ${st('$pDa', '$og', '(local.get $x)', 0)}
      ${st('$pDp', '$og', `(f32x4.add ${ld('$pDp', '$og', 0)} (local.get $x))`, 0)}
      (local.set $x (f32x4.mul (f32x4.mul (local.get $c) ${ld('$pCp', '$os')}) (f32x4.mul (local.get $f) (f32x4.sub ${f4(1)} (local.get $f)))))
      ${st('$pDa', '$og', '(local.get $x)', 1)}
      ${st('$pDp', '$og', `(f32x4.add ${ld('$pDp', '$og', 1)} (local.get $x))`, 1)}
      (local.set $x (f32x4.mul (f32x4.mul (local.get $c) (local.get $i)) (f32x4.sub ${f4(1)} (f32x4.mul (local.get $g) (local.get $g)))))
      ${st('$pDa', '$og', '(local.get $x)', 2)}
      ${st('$pDp', '$og', `(f32x4.add ${ld('$pDp', '$og', 2)} (local.get $x))`, 2)}
      ;; dc_{t−1} = beta·dcOut + dc·f
      ${st('$pDcO', '$os', `(f32x4.add (f32x4.mul (local.get $vbeta) ${ld('$pDcO', '$os')}) (f32x4.mul (local.get $c) (local.get $f)))`)}`)})
(func (export "gru_bwd") (param $pG i32) (param $pAux i32) (param $pHp i32) (param $pDh i32) (param $pSx i32)
  (param $pSh i32) (param $pDX i32) (param $pDH i32) (param $B i32) (param $H i32)
  ${locals} (local $dh v128) (local $x v128)
  (local.set $Hb (i32.shl (local.get $H) (i32.const 2)))
  (local.set $GH (i32.mul (local.get $H) (i32.const 3)))
  ${loop2(`(local.set $i ${ld('$pG', '$og', 0)})
      (local.set $f ${ld('$pG', '$og', 1)})
      (local.set $g ${ld('$pG', '$og', 2)})
      (local.set $dh ${ld('$pDh', '$os')})
      ;; da_n = dh·(1−z)·(1−n²); da_z = dh·(h_{t−1} − n)·z(1−z); da_r = da_n·(W_hn h + b_hn)·r(1−r)
      (local.set $c (f32x4.mul (f32x4.mul (local.get $dh) (f32x4.sub ${f4(1)} (local.get $f))) (f32x4.sub ${f4(1)} (f32x4.mul (local.get $g) (local.get $g)))))
      (local.set $x (f32x4.mul (f32x4.mul (local.get $dh) (f32x4.sub ${ld('$pHp', '$os')} (local.get $g))) (f32x4.mul (local.get $f) (f32x4.sub ${f4(1)} (local.get $f)))))
      (local.set $t (f32x4.mul (f32x4.mul (local.get $c) ${ld('$pAux', '$os')}) (f32x4.mul (local.get $i) (f32x4.sub ${f4(1)} (local.get $i)))))
      ${st('$pSx', '$og', '(local.get $t)', 0)}
      ${st('$pSx', '$og', '(local.get $x)', 1)}
      ${st('$pSx', '$og', '(local.get $c)', 2)}
      ${st('$pSh', '$og', '(local.get $t)', 0)}
      ${st('$pSh', '$og', '(local.get $x)', 1)}
      (local.set $o (f32x4.mul (local.get $c) (local.get $i)))
      ${st('$pSh', '$og', '(local.get $o)', 2)}
      ${st('$pDX', '$og', `(f32x4.add ${ld('$pDX', '$og', 0)} (local.get $t))`, 0)}
      ${st('$pDX', '$og', `(f32x4.add ${ld('$pDX', '$og', 1)} (local.get $x))`, 1)}
      ${st('$pDX', '$og', `(f32x4.add ${ld('$pDX', '$og', 2)} (local.get $c))`, 2)}
      ${st('$pDH', '$og', `(f32x4.add ${ld('$pDH', '$og', 0)} (local.get $t))`, 0)}
      ${st('$pDH', '$og', `(f32x4.add ${ld('$pDH', '$og', 1)} (local.get $x))`, 1)}
      ${st('$pDH', '$og', `(f32x4.add ${ld('$pDH', '$og', 2)} (local.get $o))`, 2)}`)})
(func (export "gather_rows") (param $pT i32) (param $ld i32) (param $pTok i32) (param $n i32) (param $pD i32)
  (param $w i32) (param $pBias i32) (local $r i32) (local $j i32) (local $ps i32) (local $pd i32) (local $w4 i32)
  (local.set $w4 (i32.and (local.get $w) (i32.const -4)))
  (block $re (loop $rl
    (br_if $re (i32.ge_s (local.get $r) (local.get $n)))
    (local.set $ps (i32.add (local.get $pT)
      (i32.shl (i32.mul (i32.load (i32.add (local.get $pTok) (i32.shl (local.get $r) (i32.const 2)))) (local.get $ld)) (i32.const 2))))
    (local.set $pd (i32.add (local.get $pD) (i32.shl (i32.mul (local.get $r) (local.get $w)) (i32.const 2))))
    (local.set $j (i32.const 0))
    (block $je (loop $jl
      (br_if $je (i32.ge_s (local.get $j) (local.get $w4)))
      (v128.store align=4 (i32.add (local.get $pd) (i32.shl (local.get $j) (i32.const 2)))
        (f32x4.add (v128.load align=4 (i32.add (local.get $ps) (i32.shl (local.get $j) (i32.const 2))))
          (v128.load align=4 (i32.add (local.get $pBias) (i32.shl (local.get $j) (i32.const 2))))))
      (local.set $j (i32.add (local.get $j) (i32.const 4)))
      (br $jl)))
    (block $te (loop $tl
      (br_if $te (i32.ge_s (local.get $j) (local.get $w)))
      (f32.store (i32.add (local.get $pd) (i32.shl (local.get $j) (i32.const 2)))
        (f32.add (f32.load (i32.add (local.get $ps) (i32.shl (local.get $j) (i32.const 2))))
          (f32.load (i32.add (local.get $pBias) (i32.shl (local.get $j) (i32.const 2))))))
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br $tl)))
    (local.set $r (i32.add (local.get $r) (i32.const 1)))
    (br $rl))))
(func (export "scatter_rows") (param $pS i32) (param $n i32) (param $pTok i32) (param $pD i32) (param $w i32)
  (local $r i32) (local $j i32) (local $ps i32) (local $pd i32) (local $w4 i32) (local $a i32)
  (local.set $w4 (i32.and (local.get $w) (i32.const -4)))
  (block $re (loop $rl
    (br_if $re (i32.ge_s (local.get $r) (local.get $n)))
    (local.set $pd (i32.add (local.get $pD)
      (i32.shl (i32.mul (i32.load (i32.add (local.get $pTok) (i32.shl (local.get $r) (i32.const 2)))) (local.get $w)) (i32.const 2))))
    (local.set $ps (i32.add (local.get $pS) (i32.shl (i32.mul (local.get $r) (local.get $w)) (i32.const 2))))
    (local.set $j (i32.const 0))
    (block $je (loop $jl
      (br_if $je (i32.ge_s (local.get $j) (local.get $w4)))
      (local.set $a (i32.add (local.get $pd) (i32.shl (local.get $j) (i32.const 2))))
      (v128.store align=4 (local.get $a) (f32x4.add (v128.load align=4 (local.get $a))
        (v128.load align=4 (i32.add (local.get $ps) (i32.shl (local.get $j) (i32.const 2))))))
      (local.set $j (i32.add (local.get $j) (i32.const 4)))
      (br $jl)))
    (block $te (loop $tl
      (br_if $te (i32.ge_s (local.get $j) (local.get $w)))
      (local.set $a (i32.add (local.get $pd) (i32.shl (local.get $j) (i32.const 2))))
      (f32.store (local.get $a) (f32.add (f32.load (local.get $a))
        (f32.load (i32.add (local.get $ps) (i32.shl (local.get $j) (i32.const 2))))))
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br $tl)))
    (local.set $r (i32.add (local.get $r) (i32.const 1)))
    (br $rl))))
(func (export "gather_cols") (param $pW i32) (param $I i32) (param $pTok i32) (param $n i32) (param $pD i32)
  (param $w i32) (param $pBias i32) (local $r i32) (local $j i32) (local $pw i32) (local $b f32)
  (block $je (loop $jl
    (br_if $je (i32.ge_s (local.get $j) (local.get $w)))
    (local.set $pw (i32.add (local.get $pW) (i32.shl (i32.mul (local.get $j) (local.get $I)) (i32.const 2))))
    (local.set $b (f32.load (i32.add (local.get $pBias) (i32.shl (local.get $j) (i32.const 2)))))
    (local.set $r (i32.const 0))
    (block $re (loop $rl
      (br_if $re (i32.ge_s (local.get $r) (local.get $n)))
      (f32.store (i32.add (local.get $pD) (i32.shl (i32.add (i32.mul (local.get $r) (local.get $w)) (local.get $j)) (i32.const 2)))
        (f32.add (f32.load (i32.add (local.get $pw)
          (i32.shl (i32.load (i32.add (local.get $pTok) (i32.shl (local.get $r) (i32.const 2)))) (i32.const 2)))) (local.get $b)))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $rl)))
    (local.set $j (i32.add (local.get $j) (i32.const 1)))
    (br $jl))))
(func (export "tanh2") (param $pS i32) (param $pD1 i32) (param $pD2 i32) (param $n i32) (local $e i32) (local $t v128)
  (local $ex v128) (local $ek v128) (local $er v128) (local $es v128) ${constLocals}
  ${constInit}
  (local.set $e (i32.add (local.get $pS) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2))))
  (block $de (loop $dl
    (br_if $de (i32.ge_u (local.get $pS) (local.get $e)))
    (local.set $t ${tanh('(v128.load align=4 (local.get $pS))')})
    (v128.store align=4 (local.get $pD1) (local.get $t))
    (v128.store align=4 (local.get $pD2) (local.get $t))
    (local.set $pS (i32.add (local.get $pS) (i32.const 16)))
    (local.set $pD1 (i32.add (local.get $pD1) (i32.const 16)))
    (local.set $pD2 (i32.add (local.get $pD2) (i32.const 16)))
    (br $dl))))
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
  // two modules (forward: lstm_fwd, gru_fwd, tanh2; backward and tokens: lstm_bwd, gru_bwd,
  // gather_rows, gather_cols, scatter_rows), each under 4 KB
  const all = actWat();
  const head = all.slice(0, all.indexOf('(func (export "lstm_fwd")'));
  const iBwd = all.indexOf('(func (export "lstm_bwd")');
  const iTanh = all.indexOf('(func (export "tanh2")');
  const iEnd = all.lastIndexOf(')');
  const fwdText = `${head}${all.slice(all.indexOf('(func (export "lstm_fwd")'), iBwd)}${all.slice(iTanh, iEnd)})`;
  const bwdText = `${head}${all.slice(iBwd, iTanh)})`;
  if (process.argv.includes('--wat')) console.log(fwdText, bwdText);
  const act = assemble('act.wat', fwdText);
  const actBwd = assemble('act-bwd.wat', bwdText);
  for (const [name, b] of [
    ['act.wasm', act],
    ['act-bwd.wasm', actBwd],
  ] as const)
    if (b.length >= 4096) throw new Error(`${name} is ${b.length} bytes; it must stay under 4096`);
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
// Fused float32 cell kernels (see build-kernels.ts): lstm_fwd, gru_fwd, tanh2 (${act.length} bytes)
// and lstm_bwd, gru_bwd, gather_rows, gather_cols, scatter_rows (${actBwd.length} bytes).
export const ACT_WASM_BASE64 =
  '${toBase64(act)}';
export const ACT_BWD_WASM_BASE64 =
  '${toBase64(actBwd)}';
`;
  writeFileSync(outFile, out);
  console.log(
    `wrote ${outFile} (gemm ${gemm.length} bytes, act ${act.length} + ${actBwd.length} bytes, probe ${probe.length} bytes)`,
  );
}

await main();
