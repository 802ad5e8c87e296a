/** Every word the gradient-flow figure shows, in both languages. */
import type { Bilingual } from '../types';
import type { LinkedFlowText } from './linked';
import type { NetKey } from './model';
import type { View } from './store';
import type { Strategy } from './truncation';

export interface FlowStrings {
  views: Record<View, string>;
  viewGroup: string;
  controls: string;
  radius: string;
  inputScale: string;
  length: string;
  activation: string;
  cell: string;
  cells: Record<'rnn' | 'gru' | 'lstm', string>;
  nets: Record<NetKey, string>;
  compare: string;
  clip: string;
  k: string;
  reseed: string;
  redraw: string;
  reset: string;
  seed: string;
  selected: string;
  computing: string;
  normsTitle: string;
  xStep: string;
  yGrad: string;
  slope: (name: string, decades: string) => string;
  jacTitle: string;
  jacSeries: string;
  rhoSeries: string;
  sigmaSeries: string;
  yJac: string;
  eigTitle: string;
  eigDesc: (rho: string, sigma: string) => string;
  eigNote: string;
  eigTable: string;
  real: string;
  imag: string;
  modulus: string;
  singular: string;
  unitCircle: string;
  clipTitle: string;
  clipBefore: string;
  clipAfter: string;
  clipSays: (before: string, after: string, factor: string, clipped: boolean) => string;
  clipNote: string;
  diverged: (name: string) => string;
  divergedAll: string;
  graphTitle: (name: string) => string;
  graphDesc: string;
  graphLegend: string;
  graphTable: string;
  graphLoss: string;
  edgeTitle: (what: string, t: number, v: string) => string;
  colState: string;
  colCell: string;
  colInput: string;
  truncOnlyRnn: string;
  strategies: Record<Strategy, string>;
  strategyNote: (k: number, pi: string) => Record<Strategy, string>;
  triTitle: (name: string) => string;
  triAxis: { loss: string; state: string };
  triLegend: string;
  kept: string;
  dropped: string;
  reweighted: string;
  summaryCaption: string;
  colStrategy: string;
  colNorm: string;
  colError: string;
  colDropped: string;
  colPairs: string;
  perLoss: string;
  dimSlider: (name: string, value: string) => string;
  linked: LinkedFlowText;
}

export const strings: Bilingual<FlowStrings> = {
  en: {
    views: { norms: 'Norms', graph: 'Unrolled graph', truncation: 'Truncation' },
    viewGroup: 'View',
    controls: 'Settings',
    radius: 'Spectral radius ρ(W_hh)',
    inputScale: 'Input scale',
    length: 'Length T',
    activation: 'Activation',
    cell: 'Cell',
    cells: { rnn: 'RNN', gru: 'GRU', lstm: 'LSTM' },
    nets: { 'rnn-tanh': 'RNN (tanh)', 'rnn-relu': 'RNN (ReLU)', gru: 'GRU', lstm: 'LSTM' },
    compare: 'Show the other cells',
    clip: 'Clipping threshold θ',
    k: 'Truncation length k',
    reseed: 'New random weights',
    redraw: 'New random cuts',
    reset: 'Reset',
    seed: 'seed',
    selected: 'selected',
    computing: 'Updating…',
    normsTitle: '‖∂L/∂h_t‖ against t (log scale), loss at the last step',
    xStep: 'step t',
    yGrad: '‖∂L/∂h_t‖',
    slope: (name, d) => `${name}: the gradient changes by ${d} decades per step back in time.`,
    jacTitle: 'Norm of the Jacobian product ‖∂h_T/∂h_t‖ against t',
    jacSeries: '‖∂h_T/∂h_t‖',
    rhoSeries: 'ρ^(T−t)',
    sigmaSeries: 'σ_max^(T−t)',
    yJac: 'norm',
    eigTitle: 'Eigenvalues of W_hh in the complex plane, with the unit circle',
    eigDesc: (rho, sigma) => `Spectral radius ρ = ${rho}; largest singular value σ_max = ${sigma}.`,
    eigNote:
      'For the GRU and LSTM this is the candidate block; every gate block is scaled to the same radius.',
    eigTable: 'Eigenvalues and singular values of W_hh',
    real: 'real part',
    imag: 'imaginary part',
    modulus: 'modulus',
    singular: 'singular value',
    unitCircle: 'unit circle',
    clipTitle: 'Clipping the parameter gradient by its global norm',
    clipBefore: 'before',
    clipAfter: 'after',
    clipSays: (b, a, f, c) =>
      c
        ? `‖∇L‖ = ${b} is above θ, so every gradient is scaled by ${f}: the clipped norm is ${a}. The direction is unchanged.`
        : `‖∇L‖ = ${b} is below θ: clipping leaves the gradient as it is.`,
    clipNote: 'Clipping bounds an exploding gradient; it cannot bring back one that has vanished.',
    diverged: (name) =>
      `${name} diverged: the numbers overflowed (∞ or NaN), so its curve stops. Lower the spectral radius or reset.`,
    divergedAll: 'The selected cell diverged.',
    graphTitle: (name) => `${name}: the backward pass through the unrolled network`,
    graphDesc:
      'Each arrow points backwards in time; its width and colour show the norm of the gradient it carries: ∂L/∂h_t along the recurrent edges, ∂L/∂c_t along the LSTM cell path, ∂L/∂x_t down to the inputs.',
    graphLegend: 'gradient norm',
    graphTable: 'Gradient norms at every step',
    graphLoss: 'L = g·h_T',
    edgeTitle: (what, t, v) => `${what} at t = ${t}: ${v}`,
    colState: '‖∂L/∂h_t‖',
    colCell: '‖∂L/∂c_t‖',
    colInput: '‖∂L/∂x_t‖',
    truncOnlyRnn: 'This view uses the plain RNN of the chapter (tanh or ReLU), with a loss at every step.',
    strategies: { full: 'Full BPTT', truncated: 'Truncated at k', randomized: 'Randomized truncation' },
    strategyNote: (k, pi) => ({
      full: 'keeps every pair (i, t ≤ i): the whole triangle.',
      truncated: `keeps the pairs inside one chunk of ${k} steps (the state is detached between chunks).`,
      randomized: `cuts the chain at random (keep a step with probability π = ${pi}) and scales a surviving chain by 1/π per step: thicker outlines are reweighted.`,
    }),
    triTitle: (name) => `${name}: contributions ‖e_i M_{i,t}‖ kept (rows: loss step i, columns: state t)`,
    triAxis: { loss: 'loss at step i ↓', state: 'state t →' },
    triLegend: '‖e_i M_{i,t}‖ (weighted)',
    kept: 'kept',
    dropped: 'dropped',
    reweighted: 'reweighted',
    summaryCaption: 'What each strategy does to ∂L/∂W_hh',
    colStrategy: 'strategy',
    colNorm: '‖∂L/∂W_hh‖',
    colError: 'error vs full',
    colDropped: 'share of contributions dropped',
    colPairs: 'pairs kept',
    perLoss: 'Per loss step: the kept share of ‖∂ℓ_i/∂W_hh‖ contributions',
    dimSlider: (name, value) => `${name}: ${value}`,
    linked: {
      label: 'Why the gradient vanishes or explodes, symbol by symbol',
      hint: 'Hover or focus a symbol to light the chart, plot or control that shows it, with its value.',
      gated:
        ' (this product is the plain RNN’s; a GRU or LSTM puts its gates into every factor, so its curve can differ).',
      dh: (net, T, atT, at1) =>
        `‖∂L/∂h_t‖ for the ${net}: ${atT} at t = ${T}, ${at1} at t = 1 (the first chart)`,
      jac: (net, T, half, atHalf, at0) =>
        `‖∂h_T/∂h_t‖, the Jacobian product, for the ${net} (T = ${T}): ${atHalf} at t = ${half}, ${at0} at t = 0 (the second chart)`,
      fprime: {
        tanh: 'diag(f′(a_s)): the slope of tanh at step s, 1 − h_s², never above 1 (the Activation setting)',
        relu: 'diag(f′(a_s)): the slope of ReLU at step s, 1 where a_s > 0 and 0 elsewhere (the Activation setting)',
      },
      Whh: (rho, sigma) =>
        `W_hh, 16 × 16: spectral radius ρ = ${rho}, largest singular value σ_max = ${sigma} (its eigenvalues are plotted)`,
      rho: (rho, T, power) =>
        `ρ = ${rho}, the spectral radius of W_hh (the slider, and the dashed circle): ρ^T = ${power} at t = 0, T = ${T}`,
      sigma: (sigma, T, power) =>
        `σ_max = ${sigma}, the largest singular value of W_hh, a bound when |f′| ≤ 1: σ_max^T = ${power} at t = 0, T = ${T}`,
    },
  },
  zh: {
    views: { norms: '范数', graph: '展开图', truncation: '截断' },
    viewGroup: '视图',
    controls: '设置',
    radius: 'W_hh 的谱半径 ρ',
    inputScale: '输入尺度',
    length: '序列长度 T',
    activation: '激活函数',
    cell: '单元',
    cells: { rnn: 'RNN', gru: 'GRU', lstm: 'LSTM' },
    nets: { 'rnn-tanh': 'RNN（tanh）', 'rnn-relu': 'RNN（ReLU）', gru: 'GRU', lstm: 'LSTM' },
    compare: '显示其他单元',
    clip: '裁剪阈值 θ',
    k: '截断长度 k',
    reseed: '重新生成随机权重',
    redraw: '重新抽取随机截断点',
    reset: '重置',
    seed: '种子',
    selected: '当前',
    computing: '正在更新……',
    normsTitle: '‖∂L/∂h_t‖ 随 t 的变化（对数坐标），损失位于最后一步',
    xStep: '时间步 t',
    yGrad: '‖∂L/∂h_t‖',
    slope: (name, d) => `${name}：每向过去回传一步，梯度变化 ${d} 个数量级。`,
    jacTitle: '雅可比矩阵乘积的范数 ‖∂h_T/∂h_t‖ 随 t 的变化',
    jacSeries: '‖∂h_T/∂h_t‖',
    rhoSeries: 'ρ^(T−t)',
    sigmaSeries: 'σ_max^(T−t)',
    yJac: '范数',
    eigTitle: 'W_hh 的特征值在复平面上的位置（含单位圆）',
    eigDesc: (rho, sigma) => `谱半径 ρ = ${rho}；最大奇异值 σ_max = ${sigma}。`,
    eigNote: '对 GRU 与 LSTM，这里显示的是候选状态块；每个门的块都缩放到相同的谱半径。',
    eigTable: 'W_hh 的特征值与奇异值',
    real: '实部',
    imag: '虚部',
    modulus: '模',
    singular: '奇异值',
    unitCircle: '单位圆',
    clipTitle: '按全局范数裁剪参数梯度',
    clipBefore: '裁剪前',
    clipAfter: '裁剪后',
    clipSays: (b, a, f, c) =>
      c
        ? `‖∇L‖ = ${b} 超过 θ，所有梯度乘以 ${f}：裁剪后的范数为 ${a}，方向不变。`
        : `‖∇L‖ = ${b} 小于 θ：裁剪不改变梯度。`,
    clipNote: '裁剪能限制爆炸的梯度，却救不回已经消失的梯度。',
    diverged: (name) => `${name} 发散了：数值溢出（∞ 或 NaN），曲线在此中断。请调低谱半径或重置。`,
    divergedAll: '当前单元发散了。',
    graphTitle: (name) => `${name}：在展开网络中的反向传播`,
    graphDesc:
      '每个箭头都指向过去；其宽度与颜色表示它携带的梯度范数：循环边上是 ∂L/∂h_t，LSTM 的记忆元通路上是 ∂L/∂c_t，指向输入的是 ∂L/∂x_t。',
    graphLegend: '梯度范数',
    graphTable: '每个时间步的梯度范数',
    graphLoss: 'L = g·h_T',
    edgeTitle: (what, t, v) => `t = ${t} 处的 ${what}：${v}`,
    colState: '‖∂L/∂h_t‖',
    colCell: '‖∂L/∂c_t‖',
    colInput: '‖∂L/∂x_t‖',
    truncOnlyRnn: '此视图使用本章的普通循环神经网络（tanh 或 ReLU），每一步都有损失。',
    strategies: { full: '完整 BPTT', truncated: '截断于 k 步', randomized: '随机截断' },
    strategyNote: (k, pi) => ({
      full: '保留所有的 (i, t ≤ i) 对：整个三角形。',
      truncated: `只保留位于同一个长度为 ${k} 的块内的对（块与块之间状态被分离）。`,
      randomized: `在随机位置截断链条（每步以概率 π = ${pi} 保留），幸存的链条每跨一步乘以 1/π：粗边框表示被重新加权。`,
    }),
    triTitle: (name) => `${name}：保留下来的贡献 ‖e_i M_{i,t}‖（行：损失所在步 i，列：状态 t）`,
    triAxis: { loss: '损失所在步 i ↓', state: '状态 t →' },
    triLegend: '‖e_i M_{i,t}‖（加权后）',
    kept: '保留',
    dropped: '丢弃',
    reweighted: '重新加权',
    summaryCaption: '各种策略对 ∂L/∂W_hh 的影响',
    colStrategy: '策略',
    colNorm: '‖∂L/∂W_hh‖',
    colError: '相对完整 BPTT 的误差',
    colDropped: '被丢弃的贡献占比',
    colPairs: '保留的对数',
    perLoss: '每个损失步：‖∂ℓ_i/∂W_hh‖ 的贡献中被保留的比例',
    dimSlider: (name, value) => `${name}：${value}`,
    linked: {
      label: '逐个符号看梯度为何消失或爆炸',
      hint: '悬停或聚焦某个符号，图中显示它的图表、散点图或控件会高亮，并给出它的值。',
      gated: '（这个乘积属于普通循环神经网络；GRU 与 LSTM 的每个因子里还有门，因此曲线可能不同）。',
      dh: (net, T, atT, at1) => `${net} 的 ‖∂L/∂h_t‖：t = ${T} 时为 ${atT}，t = 1 时为 ${at1}（第一张图）`,
      jac: (net, T, half, atHalf, at0) =>
        `${net} 的雅可比矩阵乘积 ‖∂h_T/∂h_t‖（T = ${T}）：t = ${half} 时为 ${atHalf}，t = 0 时为 ${at0}（第二张图）`,
      fprime: {
        tanh: 'diag(f′(a_s))：第 s 步 tanh 的斜率 1 − h_s²，不超过 1（“激活函数”设置）',
        relu: 'diag(f′(a_s))：第 s 步 ReLU 的斜率，a_s > 0 处为 1，其余为 0（“激活函数”设置）',
      },
      Whh: (rho, sigma) =>
        `W_hh，16 × 16：谱半径 ρ = ${rho}，最大奇异值 σ_max = ${sigma}（图中画出了它的特征值）`,
      rho: (rho, T, power) => `ρ = ${rho}，W_hh 的谱半径（滑块与虚线圆）：t = 0 时 ρ^T = ${power}，T = ${T}`,
      sigma: (sigma, T, power) =>
        `σ_max = ${sigma}，W_hh 的最大奇异值，当 |f′| ≤ 1 时是上界：t = 0 时 σ_max^T = ${power}，T = ${T}`,
    },
  },
};
