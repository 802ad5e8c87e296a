/** Every label, accessible name and message of the stepper, in both languages. */
import type { Bilingual } from '../types';
import type { CellKind, SequenceIssue } from './model';

export interface StepperText {
  controls: string;
  sequence: string;
  sequenceHint: (max: number) => string;
  cell: string;
  cells: Record<CellKind, string>;
  layers: string;
  bidirectional: string;
  jordanNote: string;
  seed: string;
  reroll: string;
  mode: string;
  modes: { forward: string; backward: string };
  prev: string;
  next: string;
  play: string;
  pause: string;
  reset: string;
  speed: string;
  speedValue: (v: number) => string;
  timeline: string;
  reducedMotion: string;
  keys: string;
  position: (a: {
    t: number;
    T: number;
    layer: number;
    L: number;
    rev?: number;
    step: number;
    count: number;
    /** The character at t (forward direction). */
    ch: string;
  }) => string;
  phaseOf: (k: number, n: number, name: string) => string;
  phaseNames: Record<CellKind, string[]>;
  backwardPhase: string;
  direction: string;
  forwardDir: string;
  reverseDir: string;
  issue: (i: SequenceIssue) => string;
  diagramTitle: (cell: string, T: number, L: number, D: number) => string;
  cellTitle: (cell: string) => string;
  cellAria: (a: { t: number; layer: number; dir?: string; status: string }) => string;
  status: { done: string; current: string; future: string };
  inputAria: (t: number, ch: string) => string;
  equations: string;
  numbers: string;
  inputs: string;
  weights: string;
  terms: string;
  gatesTitle: string;
  newState: string;
  hoverHint: string;
  notYet: string;
  valueLegend: string;
  weightLegend: string;
  gradLegend: string;
  lossNote: string;
  loss: (v: string) => string;
  gradAt: (t: number) => string;
  gradNorm: (t: number, v: string) => string;
  normsTitle: string;
  normsX: string;
  biasNote: string;
  gruNote: string;
  emptyKept: string;
  unit: string;
}

const phaseNamesEn: Record<CellKind, string[]> = {
  rnn: ['the new hidden state'],
  jordan: ['the fed-back output', 'the new hidden state'],
  gru: ['the reset and update gates', 'the candidate', 'the blend: the new hidden state'],
  lstm: [
    'the input, forget and output gates',
    'the candidate',
    'the cell update',
    'the read-out: the new hidden state',
  ],
};
const phaseNamesZh: Record<CellKind, string[]> = {
  rnn: ['新的隐状态'],
  jordan: ['反馈回来的输出', '新的隐状态'],
  gru: ['重置门与更新门', '候选隐状态', '混合：新的隐状态'],
  lstm: ['输入门、遗忘门与输出门', '候选记忆元', '更新记忆元', '读出：新的隐状态'],
};

export const text: Bilingual<StepperText> = {
  en: {
    controls: 'Stepper controls',
    sequence: 'Sequence',
    sequenceHint: (max) => `Type up to ${max} characters; each becomes one time step.`,
    cell: 'Cell',
    cells: { rnn: 'RNN (Elman)', gru: 'GRU', lstm: 'LSTM', jordan: 'Jordan network' },
    layers: 'Layers',
    bidirectional: 'Bidirectional',
    jordanNote: 'A Jordan network feeds its output back into its one layer: one layer, one direction.',
    seed: 'Seed',
    reroll: 'New random weights',
    mode: 'Pass',
    modes: { forward: 'Forward', backward: 'Backward (gradients)' },
    prev: 'Step back',
    next: 'Step forward',
    play: 'Play',
    pause: 'Pause',
    reset: 'Reset to the first step',
    speed: 'Speed',
    speedValue: (v) => `${v} step${v === 1 ? '' : 's'}/s`,
    timeline: 'Time step',
    reducedMotion:
      'Playback is off because your system asks for reduced motion; step with the buttons or ← →.',
    keys: 'Keys (when the figure has focus): ← → step, Home / End, Space play/pause.',
    position: ({ t, T, layer, L, rev, step, count, ch }) =>
      L === 1 && rev === undefined
        ? `t = ${t} of ${T}: x_${t} = “${ch}”`
        : `Step ${step} of ${count}${L > 1 ? `, layer ${layer}` : ''}: t = ${t} of ${T}${rev !== undefined ? ` (reverse: t = ${rev})` : ''}`,
    phaseOf: (k, n, name) => (n > 1 ? `Part ${k} of ${n}: ${name}` : name),
    phaseNames: phaseNamesEn,
    backwardPhase: 'the gradient reaching this state',
    direction: 'Direction shown in detail',
    forwardDir: '→ forward',
    reverseDir: '← reverse',
    issue: (i) =>
      i.kind === 'empty'
        ? 'Type at least one character; the figure keeps the last sequence.'
        : i.kind === 'truncated'
          ? `That is ${i.length} characters; the figure unrolls the first ${i.max}.`
          : i.kind === 'control'
            ? `${i.count} control character${i.count === 1 ? ' was' : 's were'} left out.`
            : `The one-hot vocabulary holds ${i.max} characters; ${i.chars.map((c) => `“${c}”`).join(', ')} ${i.chars.length === 1 ? 'is' : 'are'} outside it and read${i.chars.length === 1 ? 's' : ''} as ⟨unk⟩.`,
    diagramTitle: (cell, T, L, D) =>
      `${cell} unrolled over ${T} steps, ${L} layer${L > 1 ? 's' : ''}${D === 2 ? ', both directions' : ''}`,
    cellTitle: (cell) => `Inside one ${cell} cell`,
    cellAria: ({ t, layer, dir, status }) =>
      `Cell at t = ${t}, layer ${layer}${dir ? `, ${dir}` : ''}: ${status}. Go to this step.`,
    status: { done: 'computed', current: 'being computed', future: 'not yet computed' },
    inputAria: (t, ch) => `x ${t} = “${ch}”`,
    equations: 'Equations (hover or focus a symbol)',
    numbers: 'This step in numbers',
    inputs: 'What the step reads',
    weights: 'Weights (shared by every step)',
    terms: 'Products and pre-activations',
    gatesTitle: 'Gates',
    newState: 'What the step writes',
    hoverHint: 'Point at or focus a symbol in the equations or a part of the cell to see its value here.',
    notYet: 'computed in a later part of this step',
    valueLegend: 'value',
    weightLegend: 'weight',
    gradLegend: '∂L/∂h',
    lossNote:
      'Loss: L = g · o_T, the top layer’s output at the last step dotted with a fixed random vector g (from the seed). Its gradient enters at t = T and flows back.',
    loss: (v) => `L = ${v}`,
    gradAt: (t) => `∂L/∂h_${t}`,
    gradNorm: (t, v) => `‖∂L/∂h_${t}‖ = ${v}`,
    normsTitle: '‖∂L/∂h_t‖ of this layer and direction, by t (log scale)',
    normsX: 't',
    biasNote: 'b = b_ih + b_hh: PyTorch keeps two bias vectors; the book writes their sum.',
    gruNote: 'PyTorch’s GRU: the reset gate scales Hₜ₋₁W_hh + b_hh after the product.',
    emptyKept: 'Nothing to unroll yet.',
    unit: 'unit',
  },
  zh: {
    controls: '步进器控件',
    sequence: '序列',
    sequenceHint: (max) => `最多输入 ${max} 个字符；每个字符是一个时间步。`,
    cell: '单元',
    cells: { rnn: 'RNN（Elman）', gru: 'GRU', lstm: 'LSTM', jordan: 'Jordan 网络' },
    layers: '层数',
    bidirectional: '双向',
    jordanNote: 'Jordan 网络把输出反馈回它唯一的一层：只有一层、一个方向。',
    seed: '种子',
    reroll: '重新随机生成权重',
    mode: '传播',
    modes: { forward: '前向', backward: '反向（梯度）' },
    prev: '后退一步',
    next: '前进一步',
    play: '播放',
    pause: '暂停',
    reset: '回到第一步',
    speed: '速度',
    speedValue: (v) => `每秒 ${v} 步`,
    timeline: '时间步',
    reducedMotion: '系统要求减少动态效果，因此自动播放已关闭；请用按钮或 ← → 逐步查看。',
    keys: '按键（图获得焦点时）：← → 单步，Home / End 首尾，空格 播放/暂停。',
    position: ({ t, T, layer, L, rev, step, count, ch }) =>
      L === 1 && rev === undefined
        ? `t = ${t} / ${T}：x_${t} = “${ch}”`
        : `第 ${step} / ${count} 步${L > 1 ? `，第 ${layer} 层` : ''}：t = ${t} / ${T}${rev !== undefined ? `（反向：t = ${rev}）` : ''}`,
    phaseOf: (k, n, name) => (n > 1 ? `第 ${k} / ${n} 部分：${name}` : name),
    phaseNames: phaseNamesZh,
    backwardPhase: '到达此状态的梯度',
    direction: '详细显示的方向',
    forwardDir: '→ 正向',
    reverseDir: '← 反向',
    issue: (i) =>
      i.kind === 'empty'
        ? '请至少输入一个字符；图中保留上一个序列。'
        : i.kind === 'truncated'
          ? `输入了 ${i.length} 个字符；图只展开前 ${i.max} 个。`
          : i.kind === 'control'
            ? `已去掉 ${i.count} 个控制字符。`
            : `独热词表最多容纳 ${i.max} 个字符；${i.chars.map((c) => `“${c}”`).join('、')} 不在词表中，按 ⟨unk⟩ 读入。`,
    diagramTitle: (cell, T, L, D) => `${cell} 在 ${T} 个时间步上展开，${L} 层${D === 2 ? '，双向' : ''}`,
    cellTitle: (cell) => `一个 ${cell} 单元的内部`,
    cellAria: ({ t, layer, dir, status }) =>
      `t = ${t}，第 ${layer} 层${dir ? `，${dir}` : ''}的单元：${status}。跳到这一步。`,
    status: { done: '已计算', current: '正在计算', future: '尚未计算' },
    inputAria: (t, ch) => `x ${t} = “${ch}”`,
    equations: '公式（悬停或聚焦某个符号）',
    numbers: '这一步的具体数值',
    inputs: '这一步读入的量',
    weights: '权重（所有时间步共享）',
    terms: '乘积与预激活',
    gatesTitle: '门',
    newState: '这一步写出的量',
    hoverHint: '把指针移到公式中的符号或单元图的部件上（或用键盘聚焦），这里会显示它的值。',
    notYet: '在这一步稍后的部分计算',
    valueLegend: '数值',
    weightLegend: '权重',
    gradLegend: '∂L/∂h',
    lossNote:
      '损失：L = g · o_T，即最后一步顶层输出与一个固定随机向量 g（由种子生成）的点积。梯度从 t = T 进入并向前回流。',
    loss: (v) => `L = ${v}`,
    gradAt: (t) => `∂L/∂h_${t}`,
    gradNorm: (t, v) => `‖∂L/∂h_${t}‖ = ${v}`,
    normsTitle: '本层本方向的 ‖∂L/∂h_t‖ 随 t 的变化（对数坐标）',
    normsX: 't',
    biasNote: 'b = b_ih + b_hh：PyTorch 保留两个偏置向量，本书写成它们的和。',
    gruNote: 'PyTorch 的 GRU：重置门在乘积之后作用于 Hₜ₋₁W_hh + b_hh。',
    emptyKept: '还没有可以展开的序列。',
    unit: '单元',
  },
};
