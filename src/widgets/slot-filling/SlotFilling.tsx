/**
 * slot-filling: a GRU tagger labels each word of a flight request with a BIO tag, trained in the page on
 * generated requests. Two taggers train on the same batches, one reading left to right only and one in both
 * directions, so the reader sees where right context matters. Unknown words become <unk>, shown as such.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { formatFixed, formatPercent, LineChart, type Role, roleColor } from '../../viz';
import { ShareLink, UrlNoticeBanner } from '../shared/ShareLink';
import { readFromUrl, shareUrl, writeToUrl } from '../shared/urlState';
import type { Bilingual, WidgetBaseProps, WidgetLang } from '../types';
import { readSlots, TAGS, tag, tokenize, UNK } from './model';
import { createSfStore, MAX_EPOCHS, type SfState, schema } from './store';
import { SF_CSS } from './styles';

const EXAMPLES = [
  'arrive Taipei on November 2nd',
  'leave Taipei on November 2nd',
  'Taipei is where I land on Friday',
  'Taipei is where I leave from on Friday',
  'arrive Kaohsiung on May 5th',
  'fly from New York to Paris tonight',
];

const text: Bilingual<{
  data: (n: number) => string;
  train: string;
  pause: string;
  reset: string;
  seed: string;
  done: string;
  status: (epoch: number, uni: string, bi: string) => string;
  direction: string;
  bi: string;
  uni: string;
  chartTitle: string;
  epoch: string;
  accuracy: string;
  sentence: string;
  examples: string;
  word: string;
  token: string;
  tagBi: string;
  tagUni: string;
  slots: string;
  noSlots: string;
  slotNames: Record<string, string>;
  orphan: (words: string) => string;
  unknown: (words: string) => string;
  empty: string;
  differ: string;
  untrained: string;
  confidence: (p: string) => string;
}> = {
  en: {
    data: (n) =>
      `Trained on ${n} generated requests (fixed by the seed) with tags O, B-/I-dest, B-/I-dep, B-/I-time; 15% of city names are replaced by the “other” token <unk>, so the model learns to use context for unknown words.`,
    train: 'Train',
    pause: 'Pause',
    reset: 'Reset',
    seed: 'Seed',
    done: `Trained for ${MAX_EPOCHS} epochs`,
    status: (epoch, uni, bi) =>
      `Epoch ${epoch}. Word accuracy on held-out requests: left-to-right ${uni}, bidirectional ${bi}.`,
    direction: 'Tagger used for the slots',
    bi: 'bidirectional (reads both ways)',
    uni: 'left to right only',
    chartTitle: 'Word accuracy on held-out requests, per epoch',
    epoch: 'epoch',
    accuracy: 'accuracy',
    sentence: 'Your request',
    examples: 'Examples',
    word: 'Word',
    token: 'Input token',
    tagBi: 'Tag, bidirectional',
    tagUni: 'Tag, left to right',
    slots: 'Slots',
    noSlots: 'no slots found',
    slotNames: { dest: 'destination', dep: 'departure', time: 'time' },
    orphan: (words) =>
      `An I- tag with no B- before it (${words}): nothing in a per-word softmax forbids that.`,
    unknown: (words) => `Not in the vocabulary, read as <unk>: ${words}.`,
    empty: 'Type a request to tag it.',
    differ: '≠ differs',
    untrained: 'The taggers are untrained: press Train and watch the tags settle.',
    confidence: (p) => `probability ${p}`,
  },
  zh: {
    data: (n) =>
      `在 ${n} 条生成的请求上训练（由种子确定），标签为 O、B-/I-dest、B-/I-dep、B-/I-time；15% 的城市名被替换为“其他”词元 <unk>，让模型学会借助上下文处理未知词。`,
    train: '训练',
    pause: '暂停',
    reset: '重置',
    seed: '随机种子',
    done: `已训练 ${MAX_EPOCHS} 轮`,
    status: (epoch, uni, bi) =>
      `第 ${epoch} 轮。留出请求上的逐词准确率：单向（从左到右）${uni}，双向 ${bi}。`,
    direction: '用于读出槽位的标注器',
    bi: '双向（两个方向都读）',
    uni: '只从左到右',
    chartTitle: '每轮结束时留出请求上的逐词准确率',
    epoch: '轮',
    accuracy: '准确率',
    sentence: '你的请求（英文）',
    examples: '示例',
    word: '词',
    token: '输入词元',
    tagBi: '标签（双向）',
    tagUni: '标签（从左到右）',
    slots: '槽位',
    noSlots: '没有找到槽位',
    slotNames: { dest: '目的地', dep: '出发地', time: '时间' },
    orphan: (words) => `出现了前面没有 B- 的 I- 标签（${words}）：逐词的 softmax 并不禁止这种情况。`,
    unknown: (words) => `不在词表中，按 <unk> 读入：${words}。`,
    empty: '输入一条请求即可标注。',
    differ: '≠ 不同',
    untrained: '标注器尚未训练：按“训练”，看标签如何逐渐稳定。',
    confidence: (p) => `概率 ${p}`,
  },
};

const SLOT_ROLE: Record<string, Role> = { dest: 'h', dep: 'f', time: 'o' };
const reducedMotion = () =>
  typeof matchMedia !== 'undefined' && matchMedia('(prefers-reduced-motion: reduce)').matches;

export default function SlotFilling({ lang, id }: WidgetBaseProps) {
  const [{ store, notice }] = useState(() => {
    const { state, notice } = readFromUrl(id, schema);
    return { store: createSfStore(state, { live: !reducedMotion() }), notice };
  });
  useEffect(() => {
    const unsub = store.subscribe((s, p) => {
      if (s.seed !== p.seed || s.sentence !== p.sentence || s.direction !== p.direction)
        writeToUrl(id, schema, { seed: s.seed, sentence: s.sentence, direction: s.direction });
    });
    return () => {
      unsub();
      store.getState().dispose();
    };
  }, [store, id]);
  return (
    <div className="slot-filling">
      <style href="unrolled-slot-filling" precedence="default">
        {SF_CSS}
      </style>
      <UrlNoticeBanner lang={lang} notice={notice} />
      <Training lang={lang} store={store} />
      <Tagging lang={lang} store={store} />
      <ShareLink
        lang={lang}
        url={() => {
          const s = store.getState();
          return shareUrl(id, schema, { seed: s.seed, sentence: s.sentence, direction: s.direction });
        }}
      />
    </div>
  );
}

function Training({ lang, store }: { lang: WidgetLang; store: StoreApi<SfState> }) {
  const t = text[lang];
  const seed = useStore(store, (s) => s.seed);
  const training = useStore(store, (s) => s.training);
  const session = useStore(store, (s) => s.session);
  useStore(store, (s) => s.version);
  const seedId = useId();
  const { setSeed, reset, toggle } = store.getState();
  const hist = session.history;
  const last = hist[hist.length - 1];
  const finished = session.epoch >= MAX_EPOCHS;
  return (
    <section className="sf-train">
      <p className="sf-note">{t.data(session.train.length)}</p>
      <div className="sf-controls">
        <button
          type="button"
          onClick={toggle}
          disabled={finished}
          aria-pressed={training}
          className="sf-train-button"
        >
          {training ? t.pause : `▶ ${t.train}`}
        </button>
        <button type="button" onClick={reset}>
          ↺ {t.reset}
        </button>
        <label htmlFor={seedId}>{t.seed}</label>
        <input
          id={seedId}
          type="number"
          min={0}
          max={999999}
          value={seed}
          className="sf-seed"
          onChange={(e) => e.target.value !== '' && setSeed(Number(e.target.value))}
        />
      </div>
      <p className="sf-status" role="status" data-epoch={session.epoch} data-bi={last.bi} data-uni={last.uni}>
        {finished ? `${t.done}. ` : ''}
        {t.status(session.epoch, formatPercent(last.uni, 1), formatPercent(last.bi, 1))}
      </p>
      <div className="sf-chart">
        <LineChart
          title={t.chartTitle}
          xLabel={t.epoch}
          yLabel={t.accuracy}
          height={180}
          yDomain={[0, 1]}
          series={[
            {
              name: t.uni,
              values: hist.map((h) => h.uni),
              x: hist.map((h) => h.epoch),
              color: roleColor('f'),
              dash: '6 3',
            },
            { name: t.bi, values: hist.map((h) => h.bi), x: hist.map((h) => h.epoch), color: roleColor('h') },
          ]}
        />
      </div>
    </section>
  );
}

function TagChip({ tagIndex, p, t }: { tagIndex: number; p: number; t: (typeof text)['en'] }) {
  const name = TAGS[tagIndex];
  const slot = name === 'O' ? null : name.slice(2);
  return (
    <span
      className={`sf-tag${slot ? ' sf-tag-slot' : ''}`}
      style={slot ? { borderColor: roleColor(SLOT_ROLE[slot]) } : undefined}
      title={t.confidence(formatFixed(p, 2))}
    >
      {name}
    </span>
  );
}

function Tagging({ lang, store }: { lang: WidgetLang; store: StoreApi<SfState> }) {
  const t = text[lang];
  const sentence = useStore(store, (s) => s.sentence);
  const direction = useStore(store, (s) => s.direction);
  const session = useStore(store, (s) => s.session);
  const version = useStore(store, (s) => s.version);
  const inputId = useId();
  const radioName = useId();
  const tk = useMemo(() => tokenize(sentence, session.vocab), [sentence, session]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the taggers are trained in place; `version` marks each change.
  const tagged = useMemo(
    () => ({ bi: tag(session.taggers.bi, tk.ids), uni: tag(session.taggers.uni, tk.ids) }),
    [session, tk, version],
  );
  const used = tagged[direction];
  const { slots, orphans } = readSlots(tk.words, used.tags);
  const unknownWords = tk.words.filter((_, k) => tk.unknown[k]);
  return (
    <section className="sf-tagging">
      <div className="sf-controls">
        <label htmlFor={inputId}>{t.sentence}</label>
        <input
          id={inputId}
          type="text"
          className="sf-input"
          value={sentence}
          maxLength={120}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => store.getState().setSentence(e.target.value)}
        />
      </div>
      <div className="sf-examples">
        <span>{t.examples}:</span>
        {EXAMPLES.map((ex) => (
          <button
            key={ex}
            type="button"
            className="sf-example"
            onClick={() => store.getState().setSentence(ex)}
          >
            {ex}
          </button>
        ))}
      </div>
      <fieldset className="sf-direction">
        <legend>{t.direction}</legend>
        {(['bi', 'uni'] as const).map((d) => (
          <label key={d}>
            <input
              type="radio"
              name={radioName}
              checked={direction === d}
              onChange={() => store.getState().setDirection(d)}
            />{' '}
            {t[d]}
          </label>
        ))}
      </fieldset>
      {session.epoch === 0 ? <p className="sf-note">{t.untrained}</p> : null}
      {unknownWords.length ? (
        <p className="sf-unknown" role="status">
          ⚠ {t.unknown(unknownWords.map((w) => `“${w}”`).join(', '))}
        </p>
      ) : null}
      {!tk.words.length ? (
        <p className="sf-note">{t.empty}</p>
      ) : (
        <>
          <section
            className="sf-table-wrap"
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
            tabIndex={0}
            aria-label={`${t.tagBi}, ${t.tagUni}`}
          >
            <table className="sf-table">
              <thead>
                <tr>
                  <th scope="col">{t.word}</th>
                  <th scope="col">{t.token}</th>
                  <th scope="col" className={direction === 'bi' ? 'sf-active' : ''}>
                    {t.tagBi}
                  </th>
                  <th scope="col" className={direction === 'uni' ? 'sf-active' : ''}>
                    {t.tagUni}
                  </th>
                </tr>
              </thead>
              <tbody>
                {tk.words.map((w, k) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: words are positions in the sentence
                  <tr key={k} data-word={w}>
                    <th scope="row">{w}</th>
                    <td className={tk.unknown[k] ? 'sf-unk' : ''}>{tk.unknown[k] ? UNK : w}</td>
                    <td
                      className={direction === 'bi' ? 'sf-active' : ''}
                      data-tag-bi={TAGS[tagged.bi.tags[k]]}
                    >
                      <TagChip tagIndex={tagged.bi.tags[k]} p={tagged.bi.confidence[k]} t={t} />
                    </td>
                    <td
                      className={direction === 'uni' ? 'sf-active' : ''}
                      data-tag-uni={TAGS[tagged.uni.tags[k]]}
                    >
                      <TagChip tagIndex={tagged.uni.tags[k]} p={tagged.uni.confidence[k]} t={t} />
                      {tagged.uni.tags[k] !== tagged.bi.tags[k] ? (
                        <span className="sf-differ"> {t.differ}</span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <p className="sf-slots" aria-live="polite">
            <strong>{t.slots}:</strong>{' '}
            {slots.length
              ? slots.map((s) => (
                  <span
                    key={s.at}
                    className="sf-slot"
                    style={{ borderColor: roleColor(SLOT_ROLE[s.slot] ?? 'x') }}
                  >
                    {t.slotNames[s.slot] ?? s.slot} = {s.value}
                  </span>
                ))
              : t.noSlots}
          </p>
          {orphans.length ? (
            <p className="sf-orphan">⚠ {t.orphan(orphans.map((k) => `“${tk.words[k]}”`).join(', '))}</p>
          ) : null}
        </>
      )}
    </section>
  );
}
