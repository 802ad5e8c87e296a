/** Every word the bptt-graph figure shows, in both languages. */
import type { Bilingual } from '../types';
import type { SymbolText } from './linked';
import type { StepKind } from './model';

export interface GraphStrings {
  first: string;
  prev: string;
  next: string;
  last: string;
  reseed: string;
  seed: string;
  stepper: string;
  stepOf: (k: number, n: number) => string;
  keys: string;
  graphTitle: string;
  graphDesc: string;
  what: Record<StepKind, (t: number) => string>;
  expansion: string;
  expansionNote: string;
  termsTable: string;
  term: string;
  power: string;
  value: string;
  notYet: string;
  check: (diff: string, ok: boolean) => string;
  setup: string;
  node: (name: string, value: string | null) => string;
  notComputed: string;
  legendGrad: string;
  legendParam: string;
  twoArrows: string;
  linkedLabel: string;
  linkHint: string;
  symbols: SymbolText;
}

export const strings: Bilingual<GraphStrings> = {
  en: {
    first: 'First step',
    prev: 'Previous step',
    next: 'Next step',
    last: 'Last step',
    reseed: 'New numbers',
    seed: 'seed',
    stepper: 'Backward pass: use the buttons or the ← and → keys (Home, End)',
    stepOf: (k, n) => `Step ${k} of ${n}`,
    keys: '← → step · Home/End',
    graphTitle: 'Computational graph of a three-step RNN',
    graphDesc:
      'Inputs x_1…x_3 feed hidden states h_1…h_3 (h_0 is given), each h_t feeds an output o_t and its loss ℓ_t, and the losses add up to L. The parameters W_xh, W_hh and W_hq are single nodes linked to every step that uses them. Gradient arrows point backwards as they are computed.',
    what: {
      start: () => 'Forward pass done. The backward pass starts at L.',
      dO: (t) => `∂L/∂o_${t}: the loss ℓ_${t} enters L with weight 1/3.`,
      dH: (t) =>
        t === 3
          ? `∂L/∂h_3: only the output o_3 depends on h_3.`
          : `∂L/∂h_${t}: two arrows arrive, one from o_${t} and one from h_${t + 1}.`,
      delta: (t) => `δ_${t} = ∂L/∂a_${t}: through tanh, multiply by 1 − h_${t}².`,
      dW: (t) => `Step ${t}'s use of W_hh and W_xh adds a term to their gradients.`,
      check: () => 'All three uses counted: the sum of the terms is the engine’s ∂L/∂W_hh.',
    },
    expansion: '∂L/∂W_hh as a sum over time',
    expansionNote:
      'Each term pairs the use of W_hh at step t with the loss at step i ≥ t and carries i − t factors of W_hhᵀ.',
    termsTable: 'Terms of ∂L/∂W_hh so far',
    term: 'term',
    power: 'factors of W_hhᵀ',
    value: 'value',
    notYet: 'No terms yet: step to the first use of W_hh.',
    check: (d, ok) =>
      ok
        ? `✓ Matches the engine’s ∂L/∂W_hh (largest difference ${d}).`
        : `✗ Differs from the engine by ${d}.`,
    setup: 'Numbers',
    node: (name, value) => (value ? `${name}: gradient ${value}` : `${name}: not computed yet`),
    notComputed: 'not yet',
    legendGrad: 'gradient computed (⇠ backward arrow)',
    legendParam: 'shared parameter (dashed: its uses)',
    twoArrows: 'two incoming arrows',
    linkedLabel: 'The terms of ∂L/∂W_hh, symbol by symbol',
    linkHint:
      'Hover or focus a symbol to light its node or edge and its term’s path in the graph, with its value.',
    symbols: {
      H: (k, t, v) => `H_${k}ᵀ, the state that meets W_hh at step ${t}: ${v}`,
      e: (i, v) => `e_${i} = ∂L/∂o_${i} W_hqᵀ, what the loss at step ${i} sends into h_${i}: ${v}`,
      D: (j, v) => `D_${j} = diag(1 − H_${j}²), the way back through tanh at step ${j}: ${v}`,
      W: (j, v) => `W_hhᵀ, the edge from h_${j} back to h_${j - 1}: ${v}`,
      term: (i, t, v) =>
        `. Term for the loss at step ${i} and the use of W_hh at step ${t} (${i - t} factor${i - t === 1 ? '' : 's'} of W_hhᵀ): ${v}`,
      sum: (n, v) => `∂L/∂W_hh, the ${n} term${n === 1 ? '' : 's'} so far: ${v}`,
    },
  },
  zh: {
    first: '第一步',
    prev: '上一步',
    next: '下一步',
    last: '最后一步',
    reseed: '换一组数',
    seed: '种子',
    stepper: '反向传播：使用按钮或 ← 与 → 键（Home、End）',
    stepOf: (k, n) => `第 ${k} 步，共 ${n} 步`,
    keys: '← → 单步 · Home/End',
    graphTitle: '三步循环神经网络的计算图',
    graphDesc:
      '输入 x_1…x_3 进入隐状态 h_1…h_3（h_0 已给定），每个 h_t 产生输出 o_t 与其损失 ℓ_t，各损失相加得到 L。参数 W_xh、W_hh、W_hq 各是一个节点，连接到使用它们的每一步。梯度箭头在被计算时指向过去。',
    what: {
      start: () => '前向传播已完成。反向传播从 L 开始。',
      dO: (t) => `∂L/∂o_${t}：损失 ℓ_${t} 以权重 1/3 计入 L。`,
      dH: (t) =>
        t === 3
          ? '∂L/∂h_3：只有输出 o_3 依赖于 h_3。'
          : `∂L/∂h_${t}：有两个箭头汇入，一个来自 o_${t}，一个来自 h_${t + 1}。`,
      delta: (t) => `δ_${t} = ∂L/∂a_${t}：经过 tanh，乘以 1 − h_${t}²。`,
      dW: (t) => `第 ${t} 步对 W_hh 与 W_xh 的使用为它们的梯度各加上一项。`,
      check: () => '三次使用都已计入：各项之和等于引擎算出的 ∂L/∂W_hh。',
    },
    expansion: '∂L/∂W_hh 写成对时间的求和',
    expansionNote: '每一项把第 t 步对 W_hh 的使用与第 i ≥ t 步的损失配对，含有 i − t 个 W_hhᵀ 因子。',
    termsTable: '目前为止 ∂L/∂W_hh 的各项',
    term: '项',
    power: 'W_hhᵀ 因子个数',
    value: '数值',
    notYet: '还没有任何项：继续前进到第一次使用 W_hh 的地方。',
    check: (d, ok) => (ok ? `✓ 与引擎算出的 ∂L/∂W_hh 一致（最大差 ${d}）。` : `✗ 与引擎相差 ${d}。`),
    setup: '数值',
    node: (name, value) => (value ? `${name}：梯度 ${value}` : `${name}：尚未计算`),
    notComputed: '尚未',
    legendGrad: '已算出的梯度（⇠ 反向箭头）',
    legendParam: '共享参数（虚线：它的各次使用）',
    twoArrows: '两个箭头汇入',
    linkedLabel: '逐个符号看 ∂L/∂W_hh 的各项',
    linkHint: '悬停或聚焦某个符号，计算图中会高亮它对应的节点或边以及它所在项的路径，并显示它的值。',
    symbols: {
      H: (k, t, v) => `H_${k}ᵀ，第 ${t} 步与 W_hh 相乘的状态：${v}`,
      e: (i, v) => `e_${i} = ∂L/∂o_${i} W_hqᵀ，第 ${i} 步的损失送入 h_${i} 的梯度：${v}`,
      D: (j, v) => `D_${j} = diag(1 − H_${j}²)，第 ${j} 步经过 tanh 回传：${v}`,
      W: (j, v) => `W_hhᵀ，从 h_${j} 回到 h_${j - 1} 的边：${v}`,
      term: (i, t, v) => `。损失步 ${i}、第 ${t} 步使用 W_hh 的项（${i - t} 个 W_hhᵀ 因子）：${v}`,
      sum: (n, v) => `∂L/∂W_hh，目前的 ${n} 项之和：${v}`,
    },
  },
};
