/**
 * sequence-classifier: a complete many-to-one classifier trained in the page. Token ids → RNN/GRU/LSTM →
 * last state H_T → linear → softmax cross-entropy, on "more a's or more b's?". Live loss and accuracy; the
 * reader types a sequence and sees the prediction, the hidden state per step, and what the head would say
 * after each prefix.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import {
  formatFixed,
  formatPercent,
  LineChart,
  MatrixView,
  magnitudeScale,
  neutral,
  roleColor,
} from '../../viz';
import { ShareLink, UrlNoticeBanner } from '../shared/ShareLink';
import { readFromUrl, shareUrl, writeToUrl } from '../shared/urlState';
import type { Bilingual, WidgetBaseProps, WidgetLang } from '../types';
import { type ClassifierCell, encode, HIDDEN, labelOf, MAX_INPUT, predict } from './model';
import { createScStore, MAX_EPOCHS, type ScState, schema } from './store';
import { SC_CSS } from './styles';

const text: Bilingual<{
  task: string;
  cell: string;
  cells: Record<ClassifierCell, string>;
  seed: string;
  train: string;
  pause: string;
  reset: string;
  done: string;
  status: (epoch: number, steps: number) => string;
  start: (loss: string) => string;
  lossTitle: string;
  accTitle: string;
  step: string;
  epoch: string;
  loss: string;
  accuracy: string;
  trainLoss: string;
  testLoss: string;
  testAcc: string;
  chance: string;
  input: string;
  unknown: (chars: string) => string;
  empty: string;
  classes: [string, string];
  prediction: (cls: string, p: string) => string;
  truth: (a: number, b: number, answer: string) => string;
  tie: string;
  long: string;
  hiddenTitle: string;
  prefixTitle: string;
  cellLabel: (u: number, t: number, ch: string, v: string) => string;
  prefixLabel: (t: number, ch: string, v: string) => string;
}> = {
  en: {
    task: 'Task: does a string of a, b and c contain more a’s or more b’s? Training strings have 3 to 12 letters and never a tie. The classifier reads only the last hidden state H_T.',
    cell: 'Cell',
    cells: { rnn: 'RNN (tanh)', gru: 'GRU', lstm: 'LSTM' },
    seed: 'Seed',
    train: 'Train',
    pause: 'Pause',
    reset: 'Reset',
    done: `Trained for ${MAX_EPOCHS} epochs`,
    status: (epoch, steps) => `Epoch ${epoch}, ${steps} steps`,
    start: (loss) => `Loss before training: ${loss} (ln 2 ≈ 0.693 for two classes).`,
    lossTitle: 'Training loss per step (mean of the last 10 steps)',
    accTitle: 'Accuracy on 200 held-out strings, per epoch',
    step: 'step',
    epoch: 'epoch',
    loss: 'loss',
    accuracy: 'accuracy',
    trainLoss: 'training loss',
    testLoss: 'held-out loss',
    testAcc: 'held-out accuracy',
    chance: 'chance (50%)',
    input: 'Your sequence (letters a, b, c)',
    unknown: (chars) =>
      `Not a, b or c: ${chars}. Each is read as the unknown token <unk>, which the model never saw in training.`,
    empty: 'Type a sequence of a, b and c to see the prediction.',
    classes: ['more a’s', 'more b’s'],
    prediction: (cls, p) => `Prediction: ${cls} (probability ${p}).`,
    truth: (a, b, answer) => `Counting: ${a} a’s and ${b} b’s, so ${answer}.`,
    tie: 'a tie (the model was never trained on ties)',
    long: 'Longer than any training string: watch whether the early letters still count.',
    hiddenTitle: 'Hidden state h_t per unit (rows) and step (columns)',
    prefixTitle: 'What the head would say if the sequence ended here: P(more b’s)',
    cellLabel: (u, t, ch, v) => `h, unit ${u}, step ${t} (${ch}): ${v}`,
    prefixLabel: (t, ch, v) => `after step ${t} (${ch}): P(more b’s) = ${v}`,
  },
  zh: {
    task: '任务：一个由 a、b、c 组成的字符串里，是 a 多还是 b 多？训练字符串长 3 到 12 个字母，从不出现平局。分类器只读取最后一个隐状态 H_T。',
    cell: '单元',
    cells: { rnn: 'RNN（tanh）', gru: 'GRU', lstm: 'LSTM' },
    seed: '随机种子',
    train: '训练',
    pause: '暂停',
    reset: '重置',
    done: `已训练 ${MAX_EPOCHS} 轮`,
    status: (epoch, steps) => `第 ${epoch} 轮，共 ${steps} 步`,
    start: (loss) => `训练前的损失：${loss}（两类时 ln 2 ≈ 0.693）。`,
    lossTitle: '每个训练步的损失（最近 10 步的平均）',
    accTitle: '每轮结束时在 200 条留出字符串上的准确率',
    step: '训练步',
    epoch: '轮',
    loss: '损失',
    accuracy: '准确率',
    trainLoss: '训练损失',
    testLoss: '留出集损失',
    testAcc: '留出集准确率',
    chance: '随机猜测（50%）',
    input: '你的序列（字母 a、b、c）',
    unknown: (chars) => `不是 a、b 或 c：${chars}。它们都按未知词元 <unk> 读入，模型在训练中从未见过它。`,
    empty: '输入一个由 a、b、c 组成的序列，即可看到预测。',
    classes: ['a 更多', 'b 更多'],
    prediction: (cls, p) => `预测：${cls}（概率 ${p}）。`,
    truth: (a, b, answer) => `数一数：${a} 个 a、${b} 个 b，所以是${answer}。`,
    tie: '平局（模型从未在平局上训练过）',
    long: '比所有训练字符串都长：看看前面的字母是否仍然算数。',
    hiddenTitle: '各单元（行）在各时间步（列）的隐状态 h_t',
    prefixTitle: '如果序列在此结束，输出层会给出的 P(b 更多)',
    cellLabel: (u, t, ch, v) => `h，单元 ${u}，第 ${t} 步（${ch}）：${v}`,
    prefixLabel: (t, ch, v) => `第 ${t} 步（${ch}）之后：P(b 更多) = ${v}`,
  },
};

const P_SCALE = magnitudeScale({ domain: [0, 1] });
const reducedMotion = () =>
  typeof matchMedia !== 'undefined' && matchMedia('(prefers-reduced-motion: reduce)').matches;

export default function SequenceClassifier({ lang, id }: WidgetBaseProps) {
  const [{ store, notice }] = useState(() => {
    const { state, notice } = readFromUrl(id, schema);
    return { store: createScStore(state, { live: !reducedMotion() }), notice };
  });
  useEffect(() => {
    const unsub = store.subscribe((s, p) => {
      if (s.cell !== p.cell || s.seed !== p.seed || s.input !== p.input)
        writeToUrl(id, schema, { cell: s.cell, seed: s.seed, input: s.input });
    });
    return () => {
      unsub();
      store.getState().dispose();
    };
  }, [store, id]);
  return (
    <div className="sequence-classifier">
      <style href="unrolled-sequence-classifier" precedence="default">
        {SC_CSS}
      </style>
      <UrlNoticeBanner lang={lang} notice={notice} />
      <Training lang={lang} store={store} />
      <Try lang={lang} store={store} />
      <ShareLink
        lang={lang}
        url={() => {
          const s = store.getState();
          return shareUrl(id, schema, { cell: s.cell, seed: s.seed, input: s.input });
        }}
      />
    </div>
  );
}

const smooth = (v: readonly number[], w = 10) =>
  v.map((_, k) => {
    const lo = Math.max(0, k - w + 1);
    let s = 0;
    for (let j = lo; j <= k; j++) s += v[j];
    return s / (k - lo + 1);
  });

function Training({ lang, store }: { lang: WidgetLang; store: StoreApi<ScState> }) {
  const t = text[lang];
  const cell = useStore(store, (s) => s.cell);
  const seed = useStore(store, (s) => s.seed);
  const training = useStore(store, (s) => s.training);
  const session = useStore(store, (s) => s.session);
  useStore(store, (s) => s.version);
  const ids = { cell: useId(), seed: useId() };
  const { setCell, setSeed, reset, toggle } = store.getState();
  const finished = session.epoch >= MAX_EPOCHS;
  const hist = session.history;
  const last = hist[hist.length - 1];
  return (
    <section className="sc-train">
      <p className="sc-task">{t.task}</p>
      <div className="sc-controls">
        <label htmlFor={ids.cell}>{t.cell}</label>
        <select id={ids.cell} value={cell} onChange={(e) => setCell(e.target.value as ClassifierCell)}>
          {(['rnn', 'gru', 'lstm'] as const).map((c) => (
            <option key={c} value={c}>
              {t.cells[c]}
            </option>
          ))}
        </select>
        <label htmlFor={ids.seed}>{t.seed}</label>
        <input
          id={ids.seed}
          type="number"
          min={0}
          max={999999}
          value={seed}
          className="sc-seed"
          onChange={(e) => e.target.value !== '' && setSeed(Number(e.target.value))}
        />
        <button
          type="button"
          className="sc-train-button"
          onClick={toggle}
          disabled={finished}
          aria-pressed={training}
        >
          {training ? t.pause : `▶ ${t.train}`}
        </button>
        <button type="button" onClick={reset}>
          ↺ {t.reset}
        </button>
      </div>
      <p className="sc-status" role="status" data-epoch={session.epoch} data-accuracy={last.testAccuracy}>
        {finished ? t.done : t.status(session.epoch, session.steps)} · {t.testAcc}{' '}
        {formatPercent(last.testAccuracy, 0)} · {t.testLoss} {formatFixed(last.testLoss, 3)}
      </p>
      <p className="sc-start">{t.start(formatFixed(hist[0].trainLoss, 3))}</p>
      <div className="sc-charts">
        <LineChart
          title={t.lossTitle}
          xLabel={t.step}
          yLabel={t.loss}
          height={200}
          yDomain={[0, Math.max(0.8, ...session.losses.slice(0, 5))]}
          series={
            session.losses.length
              ? [
                  { name: t.trainLoss, values: smooth(session.losses), color: roleColor('grad') },
                  {
                    name: 'ln 2',
                    values: new Array(session.losses.length).fill(Math.LN2),
                    color: neutral('muted'),
                    dash: '2 3',
                  },
                ]
              : [{ name: 'ln 2', values: [Math.LN2, Math.LN2], color: neutral('muted'), dash: '2 3' }]
          }
        />
        <LineChart
          title={t.accTitle}
          xLabel={t.epoch}
          yLabel={t.accuracy}
          height={200}
          yDomain={[0, 1]}
          series={[
            {
              name: t.testAcc,
              values: hist.map((h) => h.testAccuracy),
              x: hist.map((h) => h.epoch),
              color: roleColor('h'),
            },
            {
              name: t.chance,
              values: hist.map(() => 0.5),
              x: hist.map((h) => h.epoch),
              color: neutral('muted'),
              dash: '2 3',
            },
          ]}
        />
      </div>
    </section>
  );
}

function Try({ lang, store }: { lang: WidgetLang; store: StoreApi<ScState> }) {
  const t = text[lang];
  const input = useStore(store, (s) => s.input);
  const session = useStore(store, (s) => s.session);
  const version = useStore(store, (s) => s.version);
  const inputId = useId();
  const enc = useMemo(() => encode(input), [input]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the session's model is mutated in place; `version` marks its changes.
  const pred = useMemo(() => predict(session.model, enc.ids), [session, enc, version]);
  const a = enc.ids.filter((k) => k === 1).length;
  const b = enc.ids.filter((k) => k === 2).length;
  const truth = labelOf(enc.ids);
  const show = (ch: string) => (ch === ' ' ? '␣' : ch);
  return (
    <section className="sc-try">
      <div className="sc-controls">
        <label htmlFor={inputId}>{t.input}</label>
        <input
          id={inputId}
          type="text"
          className="sc-input"
          value={input}
          maxLength={MAX_INPUT}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => store.getState().setInput(e.target.value)}
        />
      </div>
      {enc.unknown.length ? (
        <p className="sc-unknown" role="status">
          ⚠ {t.unknown(enc.unknown.map((c) => `“${c}”`).join(', '))}
        </p>
      ) : null}
      {!pred ? (
        <p className="sc-empty">{t.empty}</p>
      ) : (
        <>
          <p className="sc-prediction" aria-live="polite">
            <strong data-prediction={pred.pB[pred.T - 1] > 0.5 ? 1 : 0}>
              {t.prediction(
                t.classes[pred.pB[pred.T - 1] > 0.5 ? 1 : 0],
                formatFixed(Math.max(pred.pB[pred.T - 1], 1 - pred.pB[pred.T - 1]), 2),
              )}
            </strong>{' '}
            {t.truth(a, b, truth === null ? t.tie : t.classes[truth])}
            {pred.T > 12 ? ` ${t.long}` : ''}
          </p>
          <div className="sc-matrix">
            <p className="sc-matrix-title">{t.prefixTitle}</p>
            <MatrixView
              values={pred.pB}
              rows={1}
              cols={pred.T}
              label="P"
              showTitle={false}
              showShape={false}
              cellSize={pred.T > 24 ? 22 : 34}
              scale={P_SCALE}
              colLabels={enc.chars.map(show)}
              formatExact={(v) => formatFixed(v, 3)}
              cellLabel={(_, k, v) => t.prefixLabel(k + 1, show(enc.chars[k]), formatFixed(v, 3))}
            />
            <p className="sc-matrix-title">{t.hiddenTitle}</p>
            <MatrixView
              values={pred.hidden}
              rows={HIDDEN}
              cols={pred.T}
              label="h_t"
              showTitle={false}
              showShape={false}
              cellSize={16}
              colLabels={enc.chars.map(show)}
              rowLabels={Array.from({ length: HIDDEN }, (_, u) => String(u + 1))}
              formatExact={(v) => formatFixed(v, 3)}
              cellLabel={(u, k, v) => t.cellLabel(u + 1, k + 1, show(enc.chars[k]), formatFixed(v, 3))}
            />
          </div>
        </>
      )}
    </section>
  );
}
