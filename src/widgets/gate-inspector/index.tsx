/**
 * gate-inspector: the gates of a GRU (r, z) or an LSTM (i, f, o) and its cell c_t, per hidden unit over a
 * typed sequence, as heat strips (units × time). Hover or focus a character to list every value at that
 * step; for the LSTM, add +0…+3 to the forget-gate bias and watch c_t persist. The model is a fresh seeded
 * one or a trained one from the shared store (see ModelSource.tsx: choice, layer, units shown).
 */
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import {
  divergingScale,
  formatFixed,
  formatSigned,
  Legend,
  LineChart,
  MatrixView,
  maxAbsOf,
  type Role,
  roleColor,
  THEME,
  type ThemedColorScale,
} from '../../viz';
import { ShareLink, UrlNoticeBanner } from '../shared/ShareLink';
import { readFromUrl, shareUrl, writeToUrl } from '../shared/urlState';
import type { Bilingual, WidgetBaseProps, WidgetLang } from '../types';
// linked math: the gate equations beside the strips (GateEquations.tsx)
import { GateEquations, useGateLink } from './GateEquations';
import { MODEL_SOURCE_CSS, ModelSource, ShareNote, sourceText, useChosenModel } from './ModelSource';
import {
  chooseUnits,
  column,
  createFreshModel,
  encode,
  type GateCell,
  type InspectorModel,
  inspect,
  MAX_FORGET_BIAS,
  MAX_LENGTH,
  meanAbsPerStep,
  retention,
  STRIPS,
  type StripName,
  subsetInspection,
  withForgetBias,
} from './model';
import { createGateInspectorStore, type GateInspectorState, schema } from './store';
import { GATE_INSPECTOR_CSS } from './styles';

type Text = {
  sequence: string;
  seed: string;
  newSeed: string;
  bias: string;
  biasValue: (b: string) => string;
  model: (cell: string, seed: number, H: number) => string;
  unknown: (chars: string) => string;
  empty: string;
  chars: string;
  charLabel: (t: number, ch: string) => string;
  names: Record<StripName, string>;
  gateScale: string;
  stateScale: string;
  stepTitle: (t: number, ch: string) => string;
  hint: string;
  unit: string;
  cellLabel: (name: string, u: number, t: number, ch: string, v: string) => string;
  memoryTitle: string;
  memorySeries: (b: string) => string;
  step: string;
  meanAbsC: string;
  retention: (meanF: string, left: string, T: number) => string;
  space: string;
};

const text: Bilingual<Text> = {
  en: {
    sequence: 'Sequence',
    seed: 'Seed',
    newSeed: 'New seed',
    bias: 'Extra forget-gate bias',
    biasValue: (b) => `+${b}`,
    model: (cell, seed, H) =>
      `A fresh, untrained ${cell} (seed ${seed}, ${H} hidden units, one layer) reading one character per step.`,
    unknown: (chars) =>
      `Not in the model’s alphabet (lower-case letters, digits, space and simple punctuation): ${chars}. Each is read as the unknown token <unk>.`,
    empty: 'Type at least one character to see the gates.',
    chars: 'Characters of the sequence: hover or focus one to list its gate values',
    charLabel: (t, ch) => `Step ${t}: ${ch}`,
    names: {
      r: 'reset gate',
      z: 'update gate',
      i: 'input gate',
      f: 'forget gate',
      o: 'output gate',
      c: 'cell state',
      h: 'hidden state',
    },
    gateScale: 'gate value (0 = closed, 1 = open)',
    stateScale: 'state value',
    stepTitle: (t, ch) => `Step ${t}, character ${ch}`,
    hint: 'Hover or focus a character (or a cell of a strip) to list the values of every gate at that step.',
    unit: 'Unit',
    cellLabel: (name, u, t, ch, v) => `${name}, unit ${u}, step ${t} (${ch}): ${v}`,
    memoryTitle: 'How much the cell holds: mean |c_t| over the units, at each step',
    memorySeries: (b) => `forget bias +${b}`,
    step: 'step t',
    meanAbsC: 'mean |c_t|',
    retention: (meanF, left, T) =>
      `Mean forget gate ${meanF}. Of what a unit’s cell held after step 1, a fraction ${left} would still be there after step ${T} if nothing new were written (the product of its forget gates).`,
    space: 'space',
  },
  zh: {
    sequence: '输入序列',
    seed: '随机种子',
    newSeed: '换一个种子',
    bias: '额外的遗忘门偏置',
    biasValue: (b) => `+${b}`,
    model: (cell, seed, H) =>
      `一个新初始化、未经训练的 ${cell}（种子 ${seed}，${H} 个隐藏单元，一层），每步读入一个字符。`,
    unknown: (chars) =>
      `不在模型字母表中（小写字母、数字、空格和简单标点）：${chars}。它们都按未知词元 <unk> 读入。`,
    empty: '请至少输入一个字符，才能看到门的取值。',
    chars: '序列中的字符：悬停或聚焦某个字符即可列出该步的门值',
    charLabel: (t, ch) => `第 ${t} 步：${ch}`,
    names: {
      r: '重置门',
      z: '更新门',
      i: '输入门',
      f: '遗忘门',
      o: '输出门',
      c: '记忆元',
      h: '隐状态',
    },
    gateScale: '门的取值（0 = 关闭，1 = 打开）',
    stateScale: '状态取值',
    stepTitle: (t, ch) => `第 ${t} 步，字符 ${ch}`,
    hint: '悬停或聚焦某个字符（或热图中的某一格），即可列出该步每个门的取值。',
    unit: '单元',
    cellLabel: (name, u, t, ch, v) => `${name}，单元 ${u}，第 ${t} 步（${ch}）：${v}`,
    memoryTitle: '记忆元保存了多少：每一步各单元 |c_t| 的平均值',
    memorySeries: (b) => `遗忘门偏置 +${b}`,
    step: '时间步 t',
    meanAbsC: '|c_t| 的平均值',
    retention: (meanF, left, T) =>
      `遗忘门平均值为 ${meanF}。如果不再写入新内容，某个单元在第 1 步之后保存的内容，到第 ${T} 步之后还剩 ${left}（即它各步遗忘门的乘积）。`,
    space: '空格',
  },
};

const LABEL: Record<StripName, string> = {
  r: 'r_t',
  z: 'z_t',
  i: 'i_t',
  f: 'f_t',
  o: 'o_t',
  c: 'c_t',
  h: 'h_t',
};

/**
 * Gates live in (0, 1): the diverging scale centred on ½, so a gate at 0.5 (a fresh model's) is the neutral
 * middle, closed gates red and open gates blue.
 */
function gateScale(lang: WidgetLang): ThemedColorScale {
  const d = divergingScale({ maxAbs: 0.5 });
  return {
    kind: 'diverging',
    domain: [0, 1],
    log: false,
    light: (v) => d.light(v - 0.5),
    dark: (v) => d.dark(v - 0.5),
    t: (v) => d.t(v - 0.5),
    ticks: () => [0, 0.25, 0.5, 0.75, 1],
    describe: () =>
      lang === 'zh'
        ? '门的取值：0（关闭）为红色，0.5 接近背景色，1（打开）为蓝色。'
        : 'Gate values: red for 0 (closed), near the background for 0.5, blue for 1 (open).',
  };
}

export interface GateInspectorProps extends WidgetBaseProps {
  cell?: GateCell;
  sequence?: string;
  /** A trained model to inspect instead of a fresh one (its network must read token ids of `vocab`). */
  model?: InspectorModel;
}

export default function GateInspector({
  lang,
  id,
  cell = 'gru',
  sequence = 'the cat sat on the mat',
  model,
}: GateInspectorProps) {
  const sch = useMemo(() => schema(sequence), [sequence]);
  const [{ store, notice }] = useState(() => {
    const { state, notice } = readFromUrl(id, sch);
    return { store: createGateInspectorStore(state, sequence), notice };
  });
  const figureCell: GateCell = cell === 'lstm' ? 'lstm' : 'gru';
  const chosen = useChosenModel(store, figureCell);
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.sequence !== prev.sequence || s.seed !== prev.seed || s.bias !== prev.bias)
          writeToUrl(id, sch, { sequence: s.sequence, seed: s.seed, bias: s.bias });
      }),
    [store, id, sch],
  );
  return (
    <div className="gate-inspector">
      <style href="unrolled-gate-inspector" precedence="default">
        {GATE_INSPECTOR_CSS}
      </style>
      <style href="unrolled-gate-inspector-source" precedence="default">
        {MODEL_SOURCE_CSS}
      </style>
      <UrlNoticeBanner lang={lang} notice={notice} />
      {model ? null : <ModelSource lang={lang} store={store} figureCell={figureCell} chosen={chosen} />}
      <Body
        lang={lang}
        id={id}
        cell={model ? figureCell : chosen.cell}
        store={store}
        model={model ?? chosen.model ?? undefined}
      />
      <ShareLink
        lang={lang}
        url={() => {
          const s = store.getState();
          return shareUrl(id, sch, { sequence: s.sequence, seed: s.seed, bias: s.bias });
        }}
      />
      <ShareNote lang={lang} chosen={chosen} />
    </div>
  );
}

const showChar = (ch: string, t: Text) => (ch === ' ' ? `␣ (${t.space})` : ch);
const colChar = (ch: string) => (ch === ' ' ? '␣' : ch);

function Body({
  lang,
  id,
  cell,
  store,
  model,
}: {
  lang: WidgetLang;
  id: string;
  cell: GateCell;
  store: StoreApi<GateInspectorState>;
  model?: InspectorModel;
}) {
  const t = text[lang];
  const sequence = useStore(store, (s) => s.sequence);
  const seed = useStore(store, (s) => s.seed);
  const bias = useStore(store, (s) => s.bias);
  const step = useStore(store, (s) => s.step);
  const layer = useStore(store, (s) => s.layer);
  const unitOrder = useStore(store, (s) => s.unitOrder);
  const unitCount = useStore(store, (s) => s.unitCount);
  const { setSequence, setSeed, setBias, setStep } = store.getState();
  const ids = { seq: useId(), seed: useId(), bias: useId() };

  const base = useMemo(() => model ?? createFreshModel(cell, seed), [model, cell, seed]);
  const encoded = useMemo(() => encode(sequence, base.vocab), [sequence, base]);
  const net = useMemo(
    () => (cell === 'lstm' ? withForgetBias(base.net, bias) : base.net),
    [base, cell, bias],
  );
  const result = useMemo(
    () => inspect(net, encoded.ids, cell, layer, base.embedding),
    [net, encoded, cell, layer, base],
  );
  const baseline = useMemo(
    () =>
      cell === 'lstm' && bias !== 0 ? inspect(base.net, encoded.ids, cell, layer, base.embedding) : null,
    [base, encoded, cell, bias, layer],
  );
  const { T, H } = result;
  // a trained model may have hundreds of units: draw a readable subset (all of a fresh model's 8)
  const trained = base.source === 'trained';
  const units = useMemo(
    () => chooseUnits(result, unitOrder, trained ? unitCount : H),
    [result, unitOrder, unitCount, trained, H],
  );
  const shown = useMemo(() => subsetInspection(result, units), [result, units]);
  const GATE_SCALE = useMemo(() => gateScale(lang), [lang]);
  const active = step !== null && step < T ? step : null;
  const stateScales = useMemo(() => {
    const c = result.strips.c;
    return {
      c: divergingScale({ maxAbs: c ? Math.max(0.5, maxAbsOf(c)) : 1 }),
      h: divergingScale({ maxAbs: 1 }),
    };
  }, [result]);
  const link = useGateLink(); // linked math (GateEquations.tsx)

  return (
    <>
      <div className="gi-controls">
        <label htmlFor={ids.seq}>{t.sequence}</label>
        <input
          id={ids.seq}
          type="text"
          className="gi-sequence"
          value={sequence}
          maxLength={MAX_LENGTH}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => setSequence(e.target.value)}
        />
        {trained ? null : (
          <span className="gi-seed">
            <label htmlFor={ids.seed}>{t.seed}</label>
            <input
              id={ids.seed}
              type="number"
              min={0}
              max={999999}
              value={seed}
              onChange={(e) => e.target.value !== '' && setSeed(Number(e.target.value))}
            />
            <button type="button" onClick={() => setSeed((seed * 7919 + 13) % 1_000_000)}>
              {t.newSeed}
            </button>
          </span>
        )}
        {cell === 'lstm' ? (
          <span className="gi-bias">
            <label htmlFor={ids.bias}>{t.bias}</label>
            <input
              id={ids.bias}
              type="range"
              min={0}
              max={MAX_FORGET_BIAS}
              step={0.5}
              value={bias}
              aria-valuetext={t.biasValue(formatFixed(bias, 1))}
              onChange={(e) => setBias(Number(e.target.value))}
            />
            <output htmlFor={ids.bias}>{t.biasValue(formatFixed(bias, 1))}</output>
          </span>
        ) : null}
      </div>
      {trained ? null : <p className="gi-model">{t.model(cell.toUpperCase(), seed, H)}</p>}
      {trained && units.length < H ? (
        <p className="gi-hint">{sourceText[lang].shownUnits(units.length, H)}</p>
      ) : null}
      {encoded.unknown.length ? (
        <p className="gi-unknown" role="status">
          ⚠{' '}
          {(trained ? sourceText[lang].unknown : t.unknown)(encoded.unknown.map((c) => `“${c}”`).join(', '))}
        </p>
      ) : null}
      {T === 0 ? (
        <p className="gi-empty" role="status">
          {t.empty}
        </p>
      ) : (
        <>
          <CharRow
            label={t.chars}
            chars={encoded.chars}
            unknown={encoded.unknown}
            active={active}
            onActive={setStep}
            describe={(k, ch) => t.charLabel(k + 1, showChar(ch, t))}
          />
          {/* linked math: the gate equations, each symbol tied to its strip (GateEquations.tsx) */}
          <GateEquations
            lang={lang}
            cell={cell}
            result={shown}
            unitIds={units}
            chars={encoded.chars}
            step={active}
            link={link}
          />
          <div className="gi-strips">
            {STRIPS[cell].map((s) => {
              const values = shown.strips[s] as Float64Array;
              const isState = s === 'c' || s === 'h';
              return (
                <section
                  key={s}
                  className="gi-strip"
                  data-strip={s}
                  aria-label={`${t.names[s]} ${LABEL[s]}`}
                  {...link.strip(s)}
                >
                  <h4 className="gi-strip-title" style={{ borderLeftColor: roleColor(s as Role) }}>
                    <span className="gi-swatch" style={{ color: roleColor(s as Role) }} aria-hidden="true">
                      {THEME[s as Role].glyph}
                    </span>{' '}
                    {t.names[s]} <var>{LABEL[s].replace('_t', '')}</var>
                    <sub>t</sub>
                  </h4>
                  <MatrixView
                    values={values}
                    rows={units.length}
                    cols={T}
                    label={LABEL[s]}
                    showTitle={false}
                    showShape={false}
                    cellSize={18}
                    scale={isState ? stateScales[s as 'c' | 'h'] : GATE_SCALE}
                    colLabels={encoded.chars.map(colChar)}
                    rowLabels={units.map((u) => String(u + 1))}
                    highlightCol={active}
                    highlightRow={link.row(s) /* linked math */}
                    formatExact={(v) => formatFixed(v, 3)}
                    cellLabel={(u, k, v) =>
                      t.cellLabel(
                        t.names[s],
                        units[u] + 1,
                        k + 1,
                        showChar(encoded.chars[k], t),
                        formatFixed(v, 3),
                      )
                    }
                    onActiveChange={(a) => {
                      if (a) setStep(a.col);
                      link.onCell(a); // linked math
                    }}
                  />
                </section>
              );
            })}
          </div>
          <div className="gi-legends">
            <Legend scale={GATE_SCALE} title={t.gateScale} width={240} />
            {cell === 'lstm' ? (
              <Legend scale={stateScales.c} title={`${t.stateScale}: ${t.names.c}`} width={240} />
            ) : null}
            <Legend scale={stateScales.h} title={`${t.stateScale}: ${t.names.h}`} width={240} />
          </div>
          <StepTable
            t={t}
            cell={cell}
            result={shown}
            units={units}
            step={active}
            ch={active !== null ? showChar(encoded.chars[active], t) : ''}
            id={id}
          />
          {cell === 'lstm' && result.strips.c && result.strips.f ? (
            <div className="gi-memory">
              <LineChart
                title={t.memoryTitle}
                xLabel={t.step}
                yLabel={t.meanAbsC}
                height={200}
                series={[
                  ...(baseline?.strips.c
                    ? [
                        {
                          name: t.memorySeries('0'),
                          values: meanAbsPerStep(baseline.strips.c, H, T),
                          x: Array.from({ length: T }, (_, k) => k + 1),
                          color: roleColor('x'),
                          dash: '5 3',
                        },
                      ]
                    : []),
                  {
                    name: t.memorySeries(formatFixed(bias, 1)),
                    values: meanAbsPerStep(result.strips.c, H, T),
                    x: Array.from({ length: T }, (_, k) => k + 1),
                    color: roleColor('c'),
                  },
                ]}
              />
              <p
                className="gi-retention"
                data-mean-f={formatFixed(retention(result.strips.f, H, T).meanF, 3)}
              >
                {(() => {
                  const r = retention(result.strips.f, H, T);
                  return t.retention(formatFixed(r.meanF, 2), formatFixed(r.survivesToEnd, 3), T);
                })()}
              </p>
            </div>
          ) : null}
        </>
      )}
    </>
  );
}

function CharRow({
  label,
  chars,
  unknown,
  active,
  onActive,
  describe,
}: {
  label: string;
  chars: string[];
  unknown: string[];
  active: number | null;
  onActive: (step: number | null) => void;
  describe: (k: number, ch: string) => string;
}) {
  const [focus, setFocus] = useState(0);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const safe = Math.min(focus, chars.length - 1);
  const move = (e: KeyboardEvent, k: number) => {
    const to =
      e.key === 'ArrowRight'
        ? Math.min(chars.length - 1, k + 1)
        : e.key === 'ArrowLeft'
          ? Math.max(0, k - 1)
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? chars.length - 1
              : null;
    if (to === null) return;
    e.preventDefault();
    setFocus(to);
    refs.current[to]?.focus();
  };
  return (
    <div className="gi-chars" role="toolbar" aria-label={label}>
      {chars.map((ch, k) => (
        <button
          // biome-ignore lint/suspicious/noArrayIndexKey: characters are positions in the sequence
          key={k}
          type="button"
          ref={(el) => {
            refs.current[k] = el;
          }}
          className={`gi-char${active === k ? ' gi-char-active' : ''}${unknown.includes(ch) ? ' gi-char-unknown' : ''}`}
          tabIndex={k === safe ? 0 : -1}
          aria-label={describe(k, ch)}
          aria-pressed={active === k}
          onFocus={() => {
            setFocus(k);
            onActive(k);
          }}
          onPointerEnter={() => onActive(k)}
          onClick={() => onActive(k)}
          onKeyDown={(e) => move(e, k)}
        >
          {ch === ' ' ? '␣' : ch}
        </button>
      ))}
    </div>
  );
}

function StepTable({
  t,
  cell,
  result,
  units,
  step,
  ch,
  id,
}: {
  t: Text;
  cell: GateCell;
  result: ReturnType<typeof inspect>;
  /** The unit each row shows (0-based). */
  units: readonly number[];
  step: number | null;
  ch: string;
  id: string;
}) {
  const { T, H } = result;
  return (
    <section
      className="gi-step"
      aria-live="polite"
      id={`${id}-step`}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
      aria-label={t.hint}
    >
      {step === null ? (
        <p className="gi-hint">{t.hint}</p>
      ) : (
        <table className="gi-table" data-step={step}>
          <caption>{t.stepTitle(step + 1, ch)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.unit}</th>
              {STRIPS[cell].map((s) => (
                <th scope="col" key={s}>
                  <span aria-hidden="true" style={{ color: roleColor(s as Role) }}>
                    {THEME[s as Role].glyph}
                  </span>{' '}
                  <var>{LABEL[s].replace('_t', '')}</var>
                  <span className="viz-sr-only"> {t.names[s]}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: H }, (_, u) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: units are fixed positions
              <tr key={u}>
                <th scope="row">{units[u] + 1}</th>
                {STRIPS[cell].map((s) => {
                  const v = column(result.strips[s] as Float64Array, H, T, step)[u];
                  return <td key={s}>{s === 'c' || s === 'h' ? formatSigned(v, 3) : formatFixed(v, 3)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
