/**
 * Command-line trainer on the same code as the page's worker:
 *   npm run train -- --corpus tang --cell lstm --hidden 256 --seconds 60
 * Flags: --corpus tang|english|FILE  --cell rnn|gru|lstm  --hidden N  --layers N  --lr X
 *   --optimizer sgd|adam  --momentum X  --clip X (0: off)  --seq-len T  --batch B
 *   --partition sequential|random  --min-freq N  --seed N  --seconds S  --steps N  --every S
 *   --input one-hot|embedding  --embed-dim D (embedding width, default 64)
 *   --backend best|ts  --prefix TEXT  --temperature X  --top-k K  --greedy  --length N
 *   --save FILE.json  --load FILE.json (continue from a saved model)  --json (progress as JSON lines)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { bestBackend, createTsBackend } from '../src/engine/kernels/index.ts';
import {
  CorpusError,
  parseModelFile,
  prepareCorpus,
  type TrainConfig,
  TrainError,
  Trainer,
} from '../src/engine/train/index.ts';

const argv = process.argv.slice(2);
const flags = new Map<string, string>();
const bools = new Set<string>();
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (!a.startsWith('--')) continue;
  const key = a.slice(2);
  if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) flags.set(key, argv[++i]);
  else bools.add(key);
}
const num = (key: string): number | undefined => {
  const v = flags.get(key);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) {
    console.error(`--${key}: "${v}" is not a number`);
    process.exit(2);
  }
  return n;
};
if (bools.has('help')) {
  console.log(readFileSync(new URL(import.meta.url), 'utf8').split('*/')[0]);
  process.exit(0);
}

const corpusArg = flags.get('corpus') ?? 'tang';
const root = resolve(import.meta.dirname, '..');
const corpusPath = ['tang', 'english'].includes(corpusArg)
  ? resolve(root, 'public/corpora', `${corpusArg}.txt`)
  : resolve(corpusArg);
if (!existsSync(corpusPath)) {
  console.error(`corpus not found: ${corpusPath}`);
  process.exit(2);
}
const config: Partial<TrainConfig> = {};
const set = <K extends keyof TrainConfig>(key: K, value: TrainConfig[K] | undefined) => {
  if (value !== undefined) config[key] = value;
};
set('cell', flags.get('cell') as TrainConfig['cell'] | undefined);
set('hidden', num('hidden'));
set('layers', num('layers'));
set('lr', num('lr'));
set('optimizer', flags.get('optimizer') as TrainConfig['optimizer'] | undefined);
set('momentum', num('momentum'));
set('clip', num('clip'));
set('seqLen', num('seq-len'));
set('batch', num('batch'));
set('partition', flags.get('partition') as TrainConfig['partition'] | undefined);
set('minFreq', num('min-freq'));
set('input', flags.get('input') as TrainConfig['input'] | undefined);
set('embedDim', num('embed-dim'));
set('seed', num('seed'));
const seconds = num('seconds') ?? 60;
const maxSteps = num('steps') ?? Number.POSITIVE_INFINITY;
const every = (num('every') ?? 5) * 1000;
const json = bools.has('json');
const sampleOpts = {
  prefix: flags.get('prefix') ?? (corpusArg === 'tang' ? '想要有直升机' : 'And God said'),
  length: num('length') ?? 100,
  temperature: num('temperature') ?? 0.8,
  topK: num('top-k') ?? 0,
  greedy: bools.has('greedy'),
};

let trainer: Trainer;
const t0 = performance.now();
try {
  const prepared = prepareCorpus(readFileSync(corpusPath, 'utf8'), {
    numSteps: config.seqLen ?? 32,
    batchSize: config.batch ?? 16,
  });
  const loadPath = flags.get('load');
  const init = loadPath ? parseModelFile(readFileSync(loadPath, 'utf8')) : undefined;
  trainer = new Trainer(prepared, config, {
    backend: flags.get('backend') === 'ts' ? createTsBackend() : bestBackend(),
    now: () => performance.now(),
    init,
    corpusName: corpusArg,
  });
} catch (e) {
  if (e instanceof CorpusError || e instanceof TrainError) {
    console.error(`error (${e.code}): ${e.message}`);
    process.exit(1);
  }
  throw e;
}
const c = trainer.config;
console.log(
  `corpus ${corpusArg}: ${trainer.ids.length.toLocaleString('en')} characters, vocabulary ${trainer.vocab.size} ` +
    `(prepared in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
);
console.log(
  `${c.cell} hidden ${c.hidden} layers ${c.layers}, ${c.optimizer} lr ${c.lr}, clip ${c.clip || 'off'}, ` +
    `T ${c.seqLen} B ${c.batch} ${c.partition}, seed ${c.seed}, backend ${trainer.backendName}, ${seconds} s`,
);

const start = performance.now();
let lastReport = start;
try {
  while (performance.now() - start < seconds * 1000 && trainer.stepCount < maxSteps) {
    trainer.step();
    const now = performance.now();
    if (now - lastReport >= every) {
      lastReport = now;
      const p = trainer.progress();
      if (json) console.log(JSON.stringify({ t: (now - start) / 1000, ...p }));
      else
        console.log(
          `${((now - start) / 1000).toFixed(0).padStart(4)} s  step ${String(p.step).padStart(6)}  epoch ${p.epoch}  ` +
            `loss ${p.loss.toFixed(3)}  ppl ${p.perplexity.toFixed(1).padStart(7)}  ` +
            `${Math.round(p.tokensPerSecond).toLocaleString('en').padStart(7)} tok/s  ` +
            `|g| ${p.gradNormBeforeClip.toFixed(2)}  clipped ${p.clippedSteps}/${p.windowSteps}`,
        );
    }
  }
} catch (e) {
  if (e instanceof TrainError) {
    console.error(`error (${e.code}): ${e.message}`);
    process.exit(1);
  }
  throw e;
}
const p = trainer.progress();
const elapsed = (performance.now() - start) / 1000;
console.log(
  `done: ${trainer.stepCount} steps in ${elapsed.toFixed(1)} s, ` +
    `${Math.round((trainer.stepCount * c.seqLen * c.batch) / elapsed).toLocaleString('en')} tok/s, ` +
    `last loss ${p.lastLoss.toFixed(3)}, perplexity ${Math.exp(p.lastLoss).toFixed(1)} (window mean ${p.perplexity.toFixed(1)})`,
);
const s = trainer.sample({ ...sampleOpts, seed: c.seed });
if (s.unknown.length) console.log(`(not in the vocabulary, read as <unk>: ${s.unknown.join(' ')})`);
console.log(
  `sample (temperature ${sampleOpts.temperature}${sampleOpts.greedy ? ', greedy' : ''}):\n${s.text}`,
);
const savePath = flags.get('save');
if (savePath) {
  writeFileSync(savePath, JSON.stringify(trainer.toModelFile()));
  console.log(`saved ${savePath}`);
}
