/**
 * The glossary: one typed table for both languages. The glossary page is drawn from it, the search index
 * includes it, and a remark plugin (./remark.ts) links the first use of each term in every section of a chapter
 * to it. `forms` are the spellings found in prose (the first is the headword); longer forms win over shorter
 * ones, so "forget gate" is never read as "gate".
 */
import type { Lang } from '../toc.ts';

export type GlossaryGroup = 'basics' | 'training' | 'gates';

export interface GlossaryEntry {
  /** Anchor on the glossary page: #glossary-<id>. */
  id: string;
  group: GlossaryGroup;
  en: { forms: readonly string[]; definition: string };
  zh: { forms: readonly string[]; definition: string };
  /** Where the book explains it. */
  chapter: string;
}

export const glossaryGroups: Record<GlossaryGroup, Record<Lang, string>> = {
  basics: { en: 'Sequences and states', zh: '序列与状态' },
  training: { en: 'Training through time', zh: '随时间训练' },
  gates: { en: 'Gates and architectures', zh: '门控与结构' },
};

export const glossary: readonly GlossaryEntry[] = [
  {
    id: 'time-step',
    group: 'basics',
    chapter: 'mlp',
    en: {
      forms: ['time step', 'time steps'],
      definition: 'One position t in a sequence; an RNN reads one element per time step.',
    },
    zh: { forms: ['时间步'], definition: '序列中的一个位置 t；循环神经网络每个时间步读入一个元素。' },
  },
  {
    id: 'hidden-state',
    group: 'basics',
    chapter: 'rnn',
    en: {
      forms: ['hidden state', 'hidden states'],
      definition:
        'The vector an RNN carries from one time step to the next: a learned summary of everything read so far.',
    },
    zh: {
      forms: ['隐状态'],
      definition: '循环神经网络从一个时间步带到下一个时间步的向量：对目前读过的全部内容的一个学到的概括。',
    },
  },
  {
    id: 'token',
    group: 'basics',
    chapter: 'language-models',
    en: {
      forms: ['token', 'tokens'],
      definition: 'The unit a model reads and predicts: a character, a word or a piece of a word.',
    },
    zh: { forms: ['词元'], definition: '模型读入和预测的单位：一个字符、一个词或词的一部分。' },
  },
  {
    id: 'vocabulary',
    group: 'basics',
    chapter: 'language-models',
    en: {
      forms: ['vocabulary', 'vocabularies'],
      definition: 'The set of distinct tokens a model knows, each with an integer index.',
    },
    zh: { forms: ['词表'], definition: '模型认识的全部不同词元的集合，每个词元对应一个整数索引。' },
  },
  {
    id: 'one-hot',
    group: 'basics',
    chapter: 'language-models',
    en: {
      forms: ['one-hot', 'one-hot encoding', 'one-hot vector', 'one-hot vectors'],
      definition:
        'A vector of zeros with a single 1 at a token’s index: the simplest way to feed tokens to a network.',
    },
    zh: {
      forms: ['独热编码', '独热向量', '独热'],
      definition: '除词元索引处为 1 外全为 0 的向量：把词元送入网络的最简单方式。',
    },
  },
  {
    id: 'embedding',
    group: 'basics',
    chapter: 'practice',
    en: {
      forms: ['embedding', 'embeddings'],
      definition:
        'A learned dense vector for each token, looked up by its index instead of a one-hot vector.',
    },
    zh: { forms: ['嵌入'], definition: '为每个词元学到的稠密向量，按索引查表得到，用来代替独热向量。' },
  },
  {
    id: 'language-model',
    group: 'basics',
    chapter: 'language-models',
    en: {
      forms: ['language model', 'language models'],
      definition: 'A model of the probability of the next token given the tokens before it.',
    },
    zh: { forms: ['语言模型'], definition: '在给定前面词元的条件下，对下一个词元的概率建模的模型。' },
  },
  {
    id: 'perplexity',
    group: 'training',
    chapter: 'language-models',
    en: {
      forms: ['perplexity'],
      definition:
        'The exponential of the average cross-entropy per token: how many tokens the model is, in effect, choosing between.',
    },
    zh: {
      forms: ['困惑度'],
      definition: '每个词元平均交叉熵的指数：相当于模型在多少个词元之间犹豫。',
    },
  },
  {
    id: 'teacher-forcing',
    group: 'training',
    chapter: 'rnn',
    en: {
      forms: ['teacher forcing'],
      definition:
        'Training on the true previous token as input at every step, rather than on the model’s own prediction.',
    },
    zh: { forms: ['教师强制'], definition: '训练时每一步都以真实的前一个词元作输入，而不是模型自己的预测。' },
  },
  {
    id: 'bptt',
    group: 'training',
    chapter: 'bptt',
    en: {
      forms: ['backpropagation through time', 'BPTT'],
      definition:
        'Backpropagation applied to the unrolled network: gradients flow back through every time step, and shared weights add up their contributions.',
    },
    zh: {
      forms: ['通过时间反向传播', 'BPTT'],
      definition: '在展开后的网络上做反向传播：梯度沿每个时间步往回流，共享的权重把各步的贡献相加。',
    },
  },
  {
    id: 'truncated-bptt',
    group: 'training',
    chapter: 'bptt',
    en: {
      forms: ['truncated BPTT', 'truncated backpropagation through time'],
      definition: 'BPTT that stops after k steps back, trading long-range gradients for speed and stability.',
    },
    zh: {
      forms: ['截断的通过时间反向传播', '截断 BPTT', '截断BPTT'],
      definition: '只往回传 k 步就停止的通过时间反向传播：以牺牲长程梯度换取速度与稳定。',
    },
  },
  {
    id: 'vanishing-gradient',
    group: 'training',
    chapter: 'bptt',
    en: {
      forms: ['vanishing gradient', 'vanishing gradients'],
      definition:
        'Gradients that shrink exponentially as they flow back through many steps, so early inputs barely learn.',
    },
    zh: {
      forms: ['梯度消失'],
      definition: '梯度沿许多时间步往回传时按指数缩小，使得较早的输入几乎学不到东西。',
    },
  },
  {
    id: 'exploding-gradient',
    group: 'training',
    chapter: 'bptt',
    en: {
      forms: ['exploding gradient', 'exploding gradients'],
      definition: 'Gradients that grow exponentially through time, making training steps wildly large.',
    },
    zh: { forms: ['梯度爆炸'], definition: '梯度随时间按指数增大，使训练的步子大得失控。' },
  },
  {
    id: 'gradient-clipping',
    group: 'training',
    chapter: 'bptt',
    en: {
      forms: ['gradient clipping', 'clipping'],
      definition:
        'Rescaling the gradient when its norm exceeds a threshold θ, which tames exploding gradients.',
    },
    zh: {
      forms: ['梯度裁剪', '裁剪'],
      definition: '当梯度的范数超过阈值 θ 时把它按比例缩小，用来抑制梯度爆炸。',
    },
  },
  {
    id: 'gate',
    group: 'gates',
    chapter: 'gru',
    en: {
      forms: ['gate', 'gates'],
      definition:
        'A vector of values between 0 and 1, computed by a sigmoid from the input and the state, that scales another vector element by element.',
    },
    zh: {
      forms: ['门控'],
      definition: '由输入和状态经 sigmoid 算出、取值在 0 到 1 之间的向量，逐元素缩放另一个向量。',
    },
  },
  {
    id: 'reset-gate',
    group: 'gates',
    chapter: 'gru',
    en: {
      forms: ['reset gate', 'reset gates'],
      definition: 'In a GRU, decides how much of the previous state enters the candidate state.',
    },
    zh: { forms: ['重置门'], definition: 'GRU 中决定上一步状态有多少进入候选状态的门。' },
  },
  {
    id: 'update-gate',
    group: 'gates',
    chapter: 'gru',
    en: {
      forms: ['update gate', 'update gates'],
      definition:
        'In a GRU, mixes the previous state and the candidate state: keep the old, or take the new.',
    },
    zh: { forms: ['更新门'], definition: 'GRU 中混合上一步状态与候选状态的门：保留旧的，还是采用新的。' },
  },
  {
    id: 'candidate-hidden-state',
    group: 'gates',
    chapter: 'gru',
    en: {
      forms: ['candidate hidden state'],
      definition:
        'The new state a GRU proposes at a step, before the update gate decides how much of it to keep.',
    },
    zh: {
      forms: ['候选隐状态'],
      definition: 'GRU 在一步中提出的新状态，随后由更新门决定保留多少。',
    },
  },
  {
    id: 'forget-gate',
    group: 'gates',
    chapter: 'lstm',
    en: {
      forms: ['forget gate', 'forget gates'],
      definition: 'In an LSTM, decides how much of the memory cell to keep from the previous step.',
    },
    zh: { forms: ['遗忘门'], definition: 'LSTM 中决定从上一步的记忆元中保留多少的门。' },
  },
  {
    id: 'input-gate',
    group: 'gates',
    chapter: 'lstm',
    en: {
      forms: ['input gate', 'input gates'],
      definition: 'In an LSTM, decides how much of the new candidate enters the memory cell.',
    },
    zh: { forms: ['输入门'], definition: 'LSTM 中决定新的候选值有多少写入记忆元的门。' },
  },
  {
    id: 'output-gate',
    group: 'gates',
    chapter: 'lstm',
    en: {
      forms: ['output gate', 'output gates'],
      definition: 'In an LSTM, decides how much of the (squashed) memory cell shows as the hidden state.',
    },
    zh: { forms: ['输出门'], definition: 'LSTM 中决定（经 tanh 压缩的）记忆元有多少作为隐状态输出的门。' },
  },
  {
    id: 'memory-cell',
    group: 'gates',
    chapter: 'lstm',
    en: {
      forms: ['memory cell', 'memory cells', 'cell state'],
      definition:
        'The LSTM’s second state, updated by addition, so gradients can travel along it for many steps.',
    },
    zh: {
      forms: ['记忆元'],
      definition: 'LSTM 的第二个状态，以加法更新，因此梯度可以沿它传得很远。',
    },
  },
  {
    id: 'deep-rnn',
    group: 'gates',
    chapter: 'deep-rnn',
    en: {
      forms: ['deep RNN', 'deep RNNs', 'stacked RNN'],
      definition: 'RNN layers stacked so that each layer reads the hidden states of the layer below.',
    },
    zh: {
      forms: ['深度循环神经网络'],
      definition: '把多个循环层堆叠起来，每一层读入下一层的隐状态。',
    },
  },
  {
    id: 'bidirectional',
    group: 'gates',
    chapter: 'bidirectional-rnn',
    en: {
      forms: ['bidirectional RNN', 'bidirectional RNNs', 'bidirectional'],
      definition:
        'Two RNNs reading the sequence forwards and backwards, whose states are concatenated at every step.',
    },
    zh: {
      forms: ['双向循环神经网络', '双向'],
      definition: '两个循环神经网络分别正向和反向读序列，在每个时间步把两者的状态拼接起来。',
    },
  },
];

export const glossaryById = new Map(glossary.map((entry) => [entry.id, entry]));

export const glossaryAnchor = (id: string) => `glossary-${id}`;
