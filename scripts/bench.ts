/**
 * npm run bench -- [--quick] [--json] [--cells rnn,gru,lstm] [--impls unrolled,unrolled-ts,tfjs-wasm,tfjs-cpu]
 *                  [--workloads W1,W2] [--reps N] [--clock wall|cpu]
 *
 * W1 training: one-hot vocabulary 64, hidden 128, one layer, T=32, B=16, cross-entropy at every
 *    step, full BPTT, one SGD update per step — tokens per second (higher is better).
 * W2 forward for the widgets: the same model, batch 1, T=32 — microseconds per forward (lower is better).
 *
 * One process; per cell every implementation is built, warmed up, then timed in interleaved
 * repetitions (impl A, B, C, D, A, B, …); the median is reported. A timed block repeats the
 * operation until it lasts ~250 ms (~120 ms with --quick), except TF.js-cpu training, whose
 * single step takes about a second: it gets one step per block and fewer repetitions, so the whole
 * run stays within a few minutes. --json prints one JSON object per measurement:
 *   {"workload":"W1","impl":"unrolled","cell":"lstm","value":…,"unit":"tok/s"}
 * Implementations plug in through the adapter in scripts/bench-impls/types.ts.
 *
 * --clock cpu times blocks with this process's CPU time (user + system, all threads) instead of the
 * wall clock: on a machine shared with other busy processes (see the load average printed first)
 * wall-clock figures mostly measure the scheduler; CPU time is the fairer comparison there.
 */
import { loadavg } from 'node:os';
import type { BenchConfig, BenchImpl, Cell, ImplName } from './bench-impls/types.ts';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0 && i + 1 < argv.length) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
};
const list = <T extends string>(name: string, all: readonly T[]): T[] => {
  const v = option(name);
  if (!v) return [...all];
  const items = v.split(',').map((s) => s.trim()) as T[];
  for (const x of items)
    if (!all.includes(x)) throw new Error(`--${name}: unknown ${x} (choose from ${all.join(', ')})`);
  return items;
};

const QUICK = flag('quick');
const JSON_OUT = flag('json');
const CELLS = list<Cell>('cells', ['rnn', 'gru', 'lstm']);
const IMPLS = list<ImplName>('impls', ['unrolled', 'unrolled-ts', 'tfjs-wasm', 'tfjs-cpu']);
const WORKLOADS = list<'W1' | 'W2'>('workloads', ['W1', 'W2']);
const REPS = Number(option('reps') ?? (QUICK ? 3 : 5));
const BLOCK_MS = QUICK ? 120 : 250;
const CPU_W1_REPS = QUICK ? 2 : 3;
const CLOCK = option('clock') ?? 'wall';
if (CLOCK !== 'wall' && CLOCK !== 'cpu') throw new Error(`--clock: wall or cpu, got ${CLOCK}`);
const CFG: BenchConfig = { vocab: 64, hidden: 128, T: 32, B: 16, lr: 0.1, seed: 1 };

const log = (s: string) => {
  if (!JSON_OUT) console.log(s);
  else console.error(s);
};

async function makeImpl(name: ImplName): Promise<BenchImpl> {
  if (name === 'unrolled' || name === 'unrolled-ts') {
    const { createUnrolledImpl } = await import('./bench-impls/unrolled.ts');
    return createUnrolledImpl(name === 'unrolled' ? 'wasm' : 'ts');
  }
  const { createTfjsImpl } = await import('./bench-impls/tfjs.ts');
  return createTfjsImpl(name === 'tfjs-cpu' ? 'cpu' : 'wasm');
}

type Op = () => void | Promise<void>;

/** Runs `op` n times, awaiting only when it returns a promise; returns elapsed ms (wall or CPU, see --clock). */
async function timeBlock(op: Op, n: number): Promise<number> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const r = op();
    if (r) await r;
  }
  if (CLOCK === 'cpu') {
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000;
  }
  return performance.now() - t0;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

interface Row {
  workload: 'W1' | 'W2';
  impl: ImplName;
  cell: Cell;
  value: number;
  unit: 'tok/s' | 'µs';
}

async function benchCell(cell: Cell): Promise<Row[]> {
  const impls: BenchImpl[] = [];
  for (const name of IMPLS) {
    const impl = await makeImpl(name);
    const t0 = performance.now();
    await impl.setup(cell, CFG);
    log(`  ${cell} ${name}: built in ${(performance.now() - t0).toFixed(0)} ms`);
    impls.push(impl);
  }
  const rows: Row[] = [];
  for (const workload of WORKLOADS) {
    const ops = impls.map((impl) => (workload === 'W1' ? () => impl.trainStep() : () => impl.forward()));
    // warm-up and calibration: how many operations fill one block
    const counts: number[] = [];
    for (let k = 0; k < impls.length; k++) {
      await impls[k].activate?.();
      const cpuTrain = impls[k].name === 'tfjs-cpu' && workload === 'W1';
      await timeBlock(ops[k], cpuTrain ? 1 : 3);
      const one = (await timeBlock(ops[k], cpuTrain ? 1 : 5)) / (cpuTrain ? 1 : 5);
      counts.push(cpuTrain ? 1 : Math.max(1, Math.round(BLOCK_MS / Math.max(one, 1e-3))));
    }
    const samples: number[][] = impls.map(() => []);
    for (let r = 0; r < REPS; r++) {
      for (let k = 0; k < impls.length; k++) {
        const cpuTrain = impls[k].name === 'tfjs-cpu' && workload === 'W1';
        if (cpuTrain && r >= CPU_W1_REPS) continue;
        await impls[k].activate?.();
        const ms = await timeBlock(ops[k], counts[k]);
        samples[k].push(
          workload === 'W1' ? (counts[k] * CFG.T * CFG.B) / (ms / 1000) : (ms * 1000) / counts[k],
        );
      }
    }
    for (let k = 0; k < impls.length; k++) {
      const row: Row = {
        workload,
        impl: impls[k].name,
        cell,
        value: median(samples[k]),
        unit: workload === 'W1' ? 'tok/s' : 'µs',
      };
      rows.push(row);
      if (JSON_OUT) {
        const value = row.unit === 'tok/s' ? Math.round(row.value) : Math.round(row.value * 10) / 10;
        console.log(JSON.stringify({ ...row, value }));
      }
    }
  }
  for (const impl of impls) impl.dispose();
  return rows;
}

function table(rows: Row[]): void {
  const fmt = (v: number | undefined, unit: string) =>
    v === undefined
      ? '—'
      : unit === 'tok/s'
        ? Math.round(v).toLocaleString('en')
        : v.toFixed(v < 100 ? 1 : 0);
  for (const workload of WORKLOADS) {
    const unit = workload === 'W1' ? 'tok/s' : 'µs';
    console.log(
      `\n${workload} ${workload === 'W1' ? 'training, tokens/s (higher is better)' : 'forward, batch 1, µs (lower is better)'}`,
    );
    const head = ['cell', ...IMPLS, 'unrolled÷wasm', 'unrolled÷cpu', 'ts÷wasm'];
    console.log(head.map((h, i) => (i === 0 ? h.padEnd(5) : h.padStart(13))).join(' '));
    for (const cell of CELLS) {
      const get = (impl: ImplName) =>
        rows.find((r) => r.workload === workload && r.cell === cell && r.impl === impl)?.value;
      // speed-up of ours over TF.js (>1: ours faster), for both units
      const speedup = (ours: ImplName, theirs: ImplName) => {
        const a = get(ours);
        const b = get(theirs);
        if (a === undefined || b === undefined) return '—';
        return `${(unit === 'tok/s' ? a / b : b / a).toFixed(1)}×`;
      };
      const cells = [
        cell.padEnd(5),
        ...IMPLS.map((impl) => fmt(get(impl), unit).padStart(13)),
        speedup('unrolled', 'tfjs-wasm').padStart(13),
        speedup('unrolled', 'tfjs-cpu').padStart(13),
        speedup('unrolled-ts', 'tfjs-wasm').padStart(13),
      ];
      console.log(cells.join(' '));
    }
  }
  console.log(
    `\nratios are speed-ups of ours over TF.js (>1 means ours is faster), medians of interleaved repetitions, ${CLOCK} clock; load average at the end ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
}

async function main(): Promise<void> {
  log(
    `bench: ${CELLS.join(',')} × ${IMPLS.join(',')} × ${WORKLOADS.join(',')}; vocab ${CFG.vocab}, hidden ${CFG.hidden}, T ${CFG.T}, B ${CFG.B}; ${REPS} reps${QUICK ? ' (quick)' : ''}; ${CLOCK} clock; node ${process.version}; load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  const rows: Row[] = [];
  for (const cell of CELLS) rows.push(...(await benchCell(cell)));
  if (!JSON_OUT) table(rows);
}

await main();
