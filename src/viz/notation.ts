/**
 * The book's notation: one table from which the notation page is drawn and the KaTeX macros are made.
 * Pure data, imported by the build (vite.config.ts) and by the app.
 */

export interface NotationEntry {
  /** The TeX that typesets the symbol on the notation page. */
  tex: string;
  /** When set, `\name` expands to `tex` in every page of the book. */
  macro?: string;
  en: string;
  zh: string;
  group: NotationGroup;
}

export type NotationGroup = 'sets' | 'data' | 'rnn' | 'gates' | 'training' | 'operators';

export const notationGroups: Record<NotationGroup, { en: string; zh: string }> = {
  sets: { en: 'Numbers and shapes', zh: '数与形状' },
  data: { en: 'Data and sequences', zh: '数据与序列' },
  rnn: { en: 'Recurrent networks', zh: '循环神经网络' },
  gates: { en: 'Gates and memory', zh: '门与记忆' },
  training: { en: 'Training', zh: '训练' },
  operators: { en: 'Operators and functions', zh: '运算与函数' },
};

export const notation: NotationEntry[] = [
  { group: 'sets', tex: '\\mathbb{R}', macro: 'R', en: 'the real numbers', zh: '实数集' },
  {
    group: 'sets',
    tex: '\\R^{n \\times d}',
    en: 'matrices with n rows and d columns',
    zh: 'n 行 d 列的实矩阵',
  },
  {
    group: 'sets',
    tex: 'n',
    en: 'batch size (number of sequences in a minibatch)',
    zh: '批量大小（小批量中的序列数）',
  },
  { group: 'sets', tex: 'd', en: 'number of input features at one time step', zh: '每个时间步的输入特征数' },
  { group: 'sets', tex: 'h', en: 'number of hidden units', zh: '隐藏单元个数' },
  {
    group: 'sets',
    tex: 'q',
    en: 'number of outputs (e.g. classes or vocabulary size)',
    zh: '输出个数（如类别数或词表大小）',
  },
  { group: 'sets', tex: 'T', en: 'number of time steps in a sequence', zh: '序列的时间步数' },
  { group: 'sets', tex: 'L', en: 'number of stacked recurrent layers', zh: '堆叠的循环层数' },
  { group: 'sets', tex: '|\\mathcal{V}|', en: 'vocabulary size', zh: '词表大小' },

  { group: 'data', tex: 't', en: 'time step index, 1 ≤ t ≤ T', zh: '时间步下标，1 ≤ t ≤ T' },
  { group: 'data', tex: 'x_t', en: 'the token or input vector at step t', zh: '时间步 t 的词元或输入向量' },
  {
    group: 'data',
    tex: '\\mathbf{X}_t \\in \\R^{n \\times d}',
    macro: 'Xt',
    en: 'minibatch of inputs at step t (one row per sequence)',
    zh: '时间步 t 的小批量输入（每行一个序列）',
  },
  {
    group: 'data',
    tex: '\\mathbf{X} \\in \\R^{n \\times d}',
    en: 'a minibatch of inputs with no time axis',
    zh: '没有时间维的小批量输入',
  },
  { group: 'data', tex: '\\mathbf{e}_i', en: 'one-hot vector of token i', zh: '词元 i 的独热向量' },
  {
    group: 'data',
    tex: '\\mathbf{E}',
    en: 'embedding matrix (one row per token)',
    zh: '嵌入矩阵（每个词元一行）',
  },
  {
    group: 'data',
    tex: 'y_t, y_t^\\star',
    en: 'predicted and correct tag at position t',
    zh: '位置 t 的预测标签与正确标签',
  },
  {
    group: 'data',
    tex: '\\hat{\\mathbf{Y}}',
    en: 'predicted probabilities (softmax output)',
    zh: '预测概率（softmax 的输出）',
  },
  { group: 'data', tex: '\\mathcal{V}', en: 'the vocabulary', zh: '词表' },
  { group: 'data', tex: 'P(x_1, \\ldots, x_T)', en: 'probability of a sequence', zh: '序列的概率' },

  {
    group: 'rnn',
    tex: '\\mathbf{H}_t \\in \\R^{n \\times h}',
    macro: 'Ht',
    en: 'hidden state at step t',
    zh: '时间步 t 的隐状态',
  },
  {
    group: 'rnn',
    tex: '\\mathbf{H}_{t-1}',
    macro: 'Hprev',
    en: 'hidden state of the previous step',
    zh: '上一时间步的隐状态',
  },
  {
    group: 'rnn',
    tex: '\\mathbf{H}_0',
    en: 'initial hidden state (zeros by default)',
    zh: '初始隐状态（默认为零）',
  },
  {
    group: 'rnn',
    tex: '\\mathbf{O}_t \\in \\R^{n \\times q}',
    en: 'output at step t',
    zh: '时间步 t 的输出',
  },
  {
    group: 'rnn',
    tex: '\\mathbf{W}_{xh} \\in \\R^{d \\times h}',
    macro: 'Wxh',
    en: 'input-to-hidden weights',
    zh: '输入到隐藏层的权重',
  },
  {
    group: 'rnn',
    tex: '\\mathbf{W}_{hh} \\in \\R^{h \\times h}',
    macro: 'Whh',
    en: 'hidden-to-hidden (recurrent) weights',
    zh: '隐藏层到隐藏层（循环）权重',
  },
  {
    group: 'rnn',
    tex: '\\mathbf{W}_{hq} \\in \\R^{h \\times q}',
    macro: 'Whq',
    en: 'hidden-to-output weights',
    zh: '隐藏层到输出层的权重',
  },
  {
    group: 'rnn',
    tex: '\\mathbf{b}_h \\in \\R^{1 \\times h}',
    macro: 'bh',
    en: 'hidden bias',
    zh: '隐藏层偏置',
  },
  {
    group: 'rnn',
    tex: '\\mathbf{b}_q \\in \\R^{1 \\times q}',
    macro: 'bq',
    en: 'output bias',
    zh: '输出层偏置',
  },
  {
    group: 'rnn',
    tex: '\\phi',
    en: 'hidden activation function (tanh or ReLU)',
    zh: '隐藏层激活函数（tanh 或 ReLU）',
  },
  {
    group: 'rnn',
    tex: '\\mathbf{H}_t^{(l)}',
    en: 'hidden state of layer l in a deep RNN',
    zh: '深度循环网络第 l 层的隐状态',
  },
  {
    group: 'rnn',
    tex: '\\overrightarrow{\\mathbf{H}}_t, \\overleftarrow{\\mathbf{H}}_t',
    en: 'forward and backward hidden states of a bidirectional RNN',
    zh: '双向循环网络的前向与反向隐状态',
  },

  {
    group: 'rnn',
    tex: '\\mathbf{W}_{ih}, \\mathbf{W}_{hh}, \\mathbf{b}_{ih}, \\mathbf{b}_{hh}',
    en: "PyTorch's names: weight_ih, weight_hh and its two biases (column form: W_ih x_t)",
    zh: 'PyTorch 的命名：weight_ih、weight_hh 及其两个偏置（列向量形式：W_ih x_t）',
  },
  {
    group: 'rnn',
    tex: '\\mathbf{W}_{qh}',
    en: 'output-to-hidden weights of a Jordan network',
    zh: 'Jordan 网络中输出到隐藏层的权重',
  },
  {
    group: 'rnn',
    tex: '\\mathbf{A}_t',
    en: 'pre-activation of the hidden layer at step t',
    zh: '时间步 t 隐藏层的预激活值',
  },
  {
    group: 'rnn',
    tex: 'D',
    en: 'number of directions (1, or 2 when bidirectional)',
    zh: '方向数（1，双向时为 2）',
  },
  {
    group: 'rnn',
    tex: 'g',
    en: 'number of gate blocks: 1 (RNN), 3 (GRU), 4 (LSTM)',
    zh: '门块数：1（RNN）、3（GRU）、4（LSTM）',
  },
  { group: 'gates', tex: '\\mathbf{R}_t', macro: 'Rt', en: 'GRU reset gate', zh: 'GRU 重置门' },
  { group: 'gates', tex: '\\mathbf{Z}_t', macro: 'Zt', en: 'GRU update gate', zh: 'GRU 更新门' },
  {
    group: 'gates',
    tex: '\\tilde{\\mathbf{H}}_t',
    macro: 'Htilde',
    en: 'GRU candidate hidden state',
    zh: 'GRU 候选隐状态',
  },
  { group: 'gates', tex: '\\mathbf{I}_t', macro: 'It', en: 'LSTM input gate', zh: 'LSTM 输入门' },
  { group: 'gates', tex: '\\mathbf{F}_t', macro: 'Ft', en: 'LSTM forget gate', zh: 'LSTM 遗忘门' },
  {
    group: 'gates',
    tex: '\\mathbf{O}_t',
    en: 'LSTM output gate (in the LSTM chapter)',
    zh: 'LSTM 输出门（在 LSTM 一章中）',
  },
  { group: 'gates', tex: '\\mathbf{C}_t', macro: 'Ct', en: 'LSTM memory cell', zh: 'LSTM 记忆元' },
  {
    group: 'gates',
    tex: '\\tilde{\\mathbf{C}}_t',
    macro: 'Ctilde',
    en: 'LSTM candidate memory cell',
    zh: 'LSTM 候选记忆元',
  },

  {
    group: 'gates',
    tex: '\\mathbf{W}_{x\\star}, \\mathbf{W}_{h\\star}, \\mathbf{b}_{\\star}',
    en: 'weights and bias of gate ⋆ (⋆ ∈ r, z for GRU; i, f, o, c for LSTM)',
    zh: '门 ⋆ 的权重与偏置（GRU 中 ⋆ ∈ r, z；LSTM 中 ⋆ ∈ i, f, o, c）',
  },
  {
    group: 'gates',
    tex: '\\mathbf{p}_i, \\mathbf{p}_f, \\mathbf{p}_o',
    en: 'LSTM peephole weights',
    zh: 'LSTM 窥视孔权重',
  },
  {
    group: 'training',
    tex: 'P_\\tau',
    en: 'distribution sharpened or flattened by temperature τ',
    zh: '经温度 τ 调整后的分布',
  },
  {
    group: 'training',
    tex: '\\rho(\\mathbf{W})',
    en: 'spectral radius: largest |eigenvalue|',
    zh: '谱半径：特征值绝对值的最大者',
  },
  { group: 'training', tex: '\\sigma_{\\max}(\\mathbf{W})', en: 'largest singular value', zh: '最大奇异值' },
  { group: 'training', tex: '\\ell', en: 'loss at one position', zh: '单个位置的损失' },
  { group: 'training', tex: 'L', en: 'total (averaged) loss of a sequence', zh: '序列的总（平均）损失' },
  { group: 'training', tex: '\\eta', en: 'learning rate', zh: '学习率' },
  { group: 'training', tex: '\\theta', en: 'clipping threshold', zh: '裁剪阈值' },
  {
    group: 'training',
    tex: '\\mathbf{g}',
    en: 'gradient of all parameters, as one vector',
    zh: '全部参数的梯度（视为一个向量）',
  },
  { group: 'training', tex: '\\operatorname{PPL}', macro: 'ppl', en: 'perplexity', zh: '困惑度' },
  { group: 'training', tex: '\\tau', en: 'sampling temperature', zh: '采样温度' },

  {
    group: 'operators',
    tex: '\\odot',
    en: 'elementwise (Hadamard) product',
    zh: '按元素乘积（Hadamard 积）',
  },
  { group: 'operators', tex: '\\sigma(x) = \\frac{1}{1+e^{-x}}', en: 'logistic sigmoid', zh: 'sigmoid 函数' },
  { group: 'operators', tex: '\\tanh', en: 'hyperbolic tangent', zh: '双曲正切' },
  {
    group: 'operators',
    tex: '\\operatorname{softmax}',
    macro: 'softmax',
    en: 'softmax over the last axis',
    zh: '沿最后一维的 softmax',
  },
  {
    group: 'operators',
    tex: '\\operatorname{diag}',
    macro: 'diag',
    en: 'diagonal matrix from a vector',
    zh: '由向量构成的对角矩阵',
  },
  {
    group: 'operators',
    tex: '[\\mathbf{A}, \\mathbf{B}]',
    en: 'concatenation along columns',
    zh: '按列拼接',
  },
  { group: 'operators', tex: '\\mathbf{A}^\\top', en: 'transpose', zh: '转置' },
  { group: 'operators', tex: '\\|\\mathbf{v}\\|', en: 'Euclidean (L2) norm', zh: '欧几里得（L2）范数' },
  {
    group: 'operators',
    tex: '\\frac{\\partial L}{\\partial \\mathbf{H}_t}',
    en: 'gradient of the loss with respect to the hidden state',
    zh: '损失对隐状态的梯度',
  },
];

/** KaTeX macros for every page: `\name` → its TeX. */
export const katexMacros: Record<string, string> = Object.fromEntries(
  notation.filter((entry) => entry.macro).map((entry) => [`\\${entry.macro}`, macroBody(entry.tex)]),
);

/** A macro expands to the symbol only, without the "∈ ℝ…" shape annotation shown on the notation page. */
function macroBody(tex: string): string {
  return tex.split(' \\in ')[0];
}
