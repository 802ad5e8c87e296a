/** char-lm-trainer: settings, their URL schema, per-corpus defaults, chart data. Pure; no React or DOM. */
import type { CellKind, TrainConfig, TrainProgress } from '../../engine/train/index.ts';
import { field, type Schema } from '../shared/urlState';

export type CorpusChoice = 'tang' | 'english' | 'own';

export interface Settings {
  corpus: CorpusChoice;
  cell: CellKind;
  hidden: number;
  layers: number;
  lr: number;
  clip: number;
  seqLen: number;
  seed: number;
}

export const HIDDEN_CHOICES = [32, 64, 128, 256] as const;
export const LAYER_CHOICES = [1, 2] as const;
export const CELLS: readonly CellKind[] = ['rnn', 'gru', 'lstm'];
export const CORPORA: readonly CorpusChoice[] = ['tang', 'english', 'own'];
export const LIMITS = {
  lr: [0.0001, 1] as const,
  clip: [0, 100] as const,
  seqLen: [4, 128] as const,
  sampleLength: [1, 1000] as const,
  temperature: [0.05, 3] as const,
};

/** Defaults that keep one training step short: the Tang vocabulary has ~4,000 characters. */
export function defaultSettings(corpus: CorpusChoice = 'english', cell: CellKind = 'lstm'): Settings {
  return {
    corpus,
    cell,
    hidden: corpus === 'tang' ? 64 : 128,
    layers: 1,
    lr: 0.005,
    clip: 1,
    seqLen: 32,
    seed: 42,
  };
}

export function settingsSchema(base: Settings): Schema<Settings> {
  return {
    version: 1,
    fields: {
      corpus: field.oneOf(CORPORA, base.corpus),
      cell: field.oneOf(CELLS, base.cell),
      hidden: field.int(8, 512, base.hidden),
      layers: field.int(1, 2, base.layers),
      lr: field.number(LIMITS.lr[0], LIMITS.lr[1], base.lr),
      clip: field.number(LIMITS.clip[0], LIMITS.clip[1], base.clip),
      seqLen: field.int(LIMITS.seqLen[0], LIMITS.seqLen[1], base.seqLen),
      seed: field.int(0, 1_000_000, base.seed),
    },
  };
}

/** The training configuration the worker receives. */
export function toTrainConfig(s: Settings): Partial<TrainConfig> {
  return {
    cell: s.cell,
    hidden: s.hidden,
    layers: s.layers,
    lr: s.lr,
    clip: s.clip,
    seqLen: s.seqLen,
    batch: s.corpus === 'tang' ? 8 : 16,
    optimizer: 'adam',
    partition: 'sequential',
    seed: s.seed,
  };
}

/** A number the reader typed, clamped to [lo, hi]; null when it is not a number. */
export function parseNumber(typed: string, lo: number, hi: number): number | null {
  const v = Number(typed.trim().replace(/[，,]/g, '.').replace(/[−–]/g, '-'));
  if (typed.trim() === '' || !Number.isFinite(v)) return null;
  return Math.min(hi, Math.max(lo, v));
}

export interface RunPoint {
  step: number;
  epoch: number;
  loss: number;
  perplexity: number;
  gradNorm: number;
  gradMax: number;
  clippedSteps: number;
  windowSteps: number;
  tokensPerSecond: number;
}

export interface Run {
  id: number;
  cell: CellKind;
  hidden: number;
  corpus: CorpusChoice;
  /** Clipping threshold of this run (0: off). */
  clip: number;
  points: RunPoint[];
}

export const MAX_POINTS = 5000;

export function pointOf(p: TrainProgress): RunPoint {
  return {
    step: p.step,
    epoch: p.epoch,
    loss: p.loss,
    perplexity: p.perplexity,
    gradNorm: p.gradNormBeforeClip,
    gradMax: p.gradNormMax,
    clippedSteps: p.clippedSteps,
    windowSteps: p.windowSteps,
    tokensPerSecond: p.tokensPerSecond,
  };
}

/** Appends a point (skipping empty windows); keeps at most MAX_POINTS by halving the oldest half. */
export function appendPoint(points: readonly RunPoint[], p: RunPoint): RunPoint[] {
  if (p.windowSteps === 0 || !Number.isFinite(p.loss)) return points as RunPoint[];
  const next = [...points, p];
  if (next.length <= MAX_POINTS) return next;
  const half = Math.floor(next.length / 2);
  return [...next.slice(0, half).filter((_, i) => i % 2 === 0), ...next.slice(half)];
}

/** At most `max` evenly spaced points for drawing (the last is always kept). */
export function thin<T>(points: readonly T[], max = 300): T[] {
  if (points.length <= max) return [...points];
  const stride = points.length / max;
  const out: T[] = [];
  for (let i = 0; i < max - 1; i++) out.push(points[Math.floor(i * stride)]);
  out.push(points[points.length - 1]);
  return out;
}

/** Runs shown on the comparison chart: the latest few. */
export const MAX_RUNS_SHOWN = 4;
