/**
 * Small dense linear algebra for the gradient-flow figure: eigenvalues of a real square matrix (reduction
 * to Hessenberg form, then the shifted double-step QR iteration of Francis, after Numerical Recipes' elmhes
 * and hqr), the spectral radius, singular values and the spectral norm. Matrices are row-major
 * `ArrayLike<number>` of n·n values. Pure functions, no allocation beyond the copies they return.
 */

export interface Complex {
  re: number;
  im: number;
}

const sign = (a: number, b: number) => (b >= 0 ? Math.abs(a) : -Math.abs(a));

/** The eigenvalues of the n×n row-major matrix `m` (complex pairs adjacent), or NaNs when it has no finite ones. */
export function eigenvalues(m: ArrayLike<number>, n: number): Complex[] {
  const nan = () => Array.from({ length: n }, () => ({ re: Number.NaN, im: Number.NaN }));
  for (let k = 0; k < n * n; k++) if (!Number.isFinite(m[k])) return nan();
  const a: number[][] = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => m[i * n + j]),
  );
  hessenberg(a, n);
  const out = hqr(a, n);
  return out ?? nan();
}

/** Reduce to upper Hessenberg form in place by stabilised elementary similarity transforms (elmhes). */
function hessenberg(a: number[][], n: number): void {
  for (let m = 1; m < n - 1; m++) {
    let x = 0;
    let i = m;
    for (let j = m; j < n; j++) {
      if (Math.abs(a[j][m - 1]) > Math.abs(x)) {
        x = a[j][m - 1];
        i = j;
      }
    }
    if (i !== m) {
      for (let j = m - 1; j < n; j++) [a[i][j], a[m][j]] = [a[m][j], a[i][j]];
      for (let j = 0; j < n; j++) [a[j][i], a[j][m]] = [a[j][m], a[j][i]];
    }
    if (x !== 0) {
      for (i = m + 1; i < n; i++) {
        let y = a[i][m - 1];
        if (y !== 0) {
          y /= x;
          a[i][m - 1] = y;
          for (let j = m; j < n; j++) a[i][j] -= y * a[m][j];
          for (let j = 0; j < n; j++) a[j][m] += y * a[j][i];
        }
      }
    }
  }
  for (let i = 2; i < n; i++) for (let j = 0; j < i - 1; j++) a[i][j] = 0;
}

/** Eigenvalues of an upper Hessenberg matrix (destroyed) by the Francis double-shift QR iteration. */
function hqr(a: number[][], n: number): Complex[] | null {
  const wr = new Array<number>(n).fill(0);
  const wi = new Array<number>(n).fill(0);
  let anorm = 0;
  for (let i = 0; i < n; i++) for (let j = Math.max(i - 1, 0); j < n; j++) anorm += Math.abs(a[i][j]);
  let nn = n - 1;
  let t = 0;
  let p = 0;
  let q = 0;
  let r = 0;
  let s = 0;
  let w = 0;
  let x = 0;
  let y = 0;
  let z = 0;
  while (nn >= 0) {
    let its = 0;
    let l: number;
    do {
      for (l = nn; l >= 1; l--) {
        s = Math.abs(a[l - 1][l - 1]) + Math.abs(a[l][l]);
        if (s === 0) s = anorm;
        if (Math.abs(a[l][l - 1]) + s === s) {
          a[l][l - 1] = 0;
          break;
        }
      }
      x = a[nn][nn];
      if (l === nn) {
        wr[nn] = x + t;
        wi[nn] = 0;
        nn--;
      } else {
        y = a[nn - 1][nn - 1];
        w = a[nn][nn - 1] * a[nn - 1][nn];
        if (l === nn - 1) {
          p = 0.5 * (y - x);
          q = p * p + w;
          z = Math.sqrt(Math.abs(q));
          x += t;
          if (q >= 0) {
            z = p + sign(z, p);
            wr[nn - 1] = wr[nn] = x + z;
            if (z !== 0) wr[nn] = x - w / z;
            wi[nn - 1] = wi[nn] = 0;
          } else {
            wr[nn - 1] = wr[nn] = x + p;
            wi[nn] = z;
            wi[nn - 1] = -z;
          }
          nn -= 2;
        } else {
          if (its === 60) return null;
          if (its === 10 || its === 20 || its === 40) {
            // exceptional shift
            t += x;
            for (let i = 0; i <= nn; i++) a[i][i] -= x;
            s = Math.abs(a[nn][nn - 1]) + Math.abs(a[nn - 1][nn - 2]);
            y = x = 0.75 * s;
            w = -0.4375 * s * s;
          }
          ++its;
          let m: number;
          for (m = nn - 2; m >= l; m--) {
            z = a[m][m];
            r = x - z;
            s = y - z;
            p = (r * s - w) / a[m + 1][m] + a[m][m + 1];
            q = a[m + 1][m + 1] - z - r - s;
            r = a[m + 2][m + 1];
            s = Math.abs(p) + Math.abs(q) + Math.abs(r);
            p /= s;
            q /= s;
            r /= s;
            if (m === l) break;
            const u = Math.abs(a[m][m - 1]) * (Math.abs(q) + Math.abs(r));
            const v = Math.abs(p) * (Math.abs(a[m - 1][m - 1]) + Math.abs(z) + Math.abs(a[m + 1][m + 1]));
            if (u + v === v) break;
          }
          for (let i = m + 2; i <= nn; i++) {
            a[i][i - 2] = 0;
            if (i !== m + 2) a[i][i - 3] = 0;
          }
          for (let k = m; k <= nn - 1; k++) {
            if (k !== m) {
              p = a[k][k - 1];
              q = a[k + 1][k - 1];
              r = 0;
              if (k !== nn - 1) r = a[k + 2][k - 1];
              x = Math.abs(p) + Math.abs(q) + Math.abs(r);
              if (x !== 0) {
                p /= x;
                q /= x;
                r /= x;
              }
            }
            s = sign(Math.sqrt(p * p + q * q + r * r), p);
            if (s !== 0) {
              if (k === m) {
                if (l !== m) a[k][k - 1] = -a[k][k - 1];
              } else a[k][k - 1] = -s * x;
              p += s;
              x = p / s;
              y = q / s;
              z = r / s;
              q /= p;
              r /= p;
              for (let j = k; j <= nn; j++) {
                p = a[k][j] + q * a[k + 1][j];
                if (k !== nn - 1) {
                  p += r * a[k + 2][j];
                  a[k + 2][j] -= p * z;
                }
                a[k + 1][j] -= p * y;
                a[k][j] -= p * x;
              }
              const mmin = nn < k + 3 ? nn : k + 3;
              for (let i = l; i <= mmin; i++) {
                p = x * a[i][k] + y * a[i][k + 1];
                if (k !== nn - 1) {
                  p += z * a[i][k + 2];
                  a[i][k + 2] -= p * r;
                }
                a[i][k + 1] -= p * q;
                a[i][k] -= p;
              }
            }
          }
        }
      }
    } while (l < nn - 1);
  }
  const out: Complex[] = [];
  for (let i = 0; i < n; i++) out.push({ re: wr[i], im: wi[i] });
  return out;
}

/** ρ(W): the largest modulus of an eigenvalue (NaN when it cannot be computed). */
export function spectralRadius(m: ArrayLike<number>, n: number): number {
  let r = 0;
  for (const e of eigenvalues(m, n)) {
    const a = Math.hypot(e.re, e.im);
    if (!Number.isFinite(a)) return Number.NaN;
    if (a > r) r = a;
  }
  return r;
}

/** The Gram matrix MᵀM of an r×c row-major matrix (c×c). */
export function gram(m: ArrayLike<number>, rows: number, cols: number): Float64Array {
  const g = new Float64Array(cols * cols);
  for (let i = 0; i < cols; i++)
    for (let j = i; j < cols; j++) {
      let s = 0;
      for (let k = 0; k < rows; k++) s += m[k * cols + i] * m[k * cols + j];
      g[i * cols + j] = s;
      g[j * cols + i] = s;
    }
  return g;
}

/** Singular values of an n×n matrix, largest first (square roots of the eigenvalues of MᵀM). */
export function singularValues(m: ArrayLike<number>, n: number): number[] {
  // scale first, so that MᵀM neither overflows nor underflows
  let big = 0;
  for (let k = 0; k < n * n; k++) big = Math.max(big, Math.abs(m[k]));
  if (!Number.isFinite(big)) return new Array(n).fill(Number.NaN);
  if (big === 0) return new Array(n).fill(0);
  const scaled = Float64Array.from({ length: n * n }, (_, k) => m[k] / big);
  return eigenvalues(gram(scaled, n, n), n)
    .map((e) => Math.sqrt(Math.max(0, e.re)) * big)
    .sort((a, b) => b - a);
}

/** The spectral norm ‖M‖₂ = σ_max of an n×n matrix. */
export function spectralNorm(m: ArrayLike<number>, n: number): number {
  return singularValues(m, n)[0];
}

/**
 * ‖M‖₂ by power iteration on MᵀM (cheap for the many small matrices of a Jacobian product); `start`, when
 * given, is a warm start and receives the final right singular vector.
 */
export function spectralNormPower(
  m: ArrayLike<number>,
  n: number,
  start?: Float64Array,
  iterations = 40,
): number {
  let big = 0;
  for (let k = 0; k < n * n; k++) big = Math.max(big, Math.abs(m[k]));
  if (!Number.isFinite(big)) return Number.NaN;
  if (big === 0) return 0;
  const v = start ?? new Float64Array(n).fill(1 / Math.sqrt(n));
  const u = new Float64Array(n);
  const w = new Float64Array(n);
  let sigma = 0;
  for (let it = 0; it < iterations; it++) {
    // u = (M/big) v, w = (M/big)ᵀ u
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += (m[i * n + j] / big) * v[j];
      u[i] = s;
    }
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += (m[i * n + j] / big) * u[i];
      w[j] = s;
    }
    const wn = Math.hypot(...w);
    if (wn === 0) {
      // v was in the null space: restart from another direction
      for (let j = 0; j < n; j++) v[j] = (j + 1) / n;
      continue;
    }
    const next = Math.sqrt(wn);
    for (let j = 0; j < n; j++) v[j] = w[j] / wn;
    if (Math.abs(next - sigma) <= 1e-12 * next) {
      sigma = next;
      break;
    }
    sigma = next;
  }
  return sigma * big;
}
