/** Every label of the figure, in both languages. */
import type { Bilingual } from '../types';
import { ALPHABET, MAX_TEST_LENGTH, TOTAL_STEPS } from './model';

export interface MvrStrings {
  task: string;
  train: string;
  resume: string;
  pause: string;
  restart: string;
  reroll: string;
  seed: string;
  progress: (step: number) => string;
  mlp: string;
  rnn: string;
  mlpWhat: string;
  rnnWhat: string;
  accuracy: string;
  accuracyOf: (name: string, value: string) => string;
  chance: string;
  chartTitle: string;
  percent: string;
  steps: string;
  testLabel: string;
  example: string;
  unknown: (chars: string) => string;
  empty: string;
  truncated: string;
  tableCaption: string;
  colStep: string;
  colInput: string;
  colTwoBack: string;
  colAnswer: string;
  yes: string;
  no: string;
  notScored: string;
  right: string;
  wrong: string;
  pYes: (name: string, value: string) => string;
  lookupTitle: string;
  lookupNote: string;
  score: (name: string, right: number, total: number) => string;
}

const letters = ALPHABET.join(', ');

export const text: Bilingual<MvrStrings> = {
  en: {
    task: `The task: at every step, say whether the symbol is the same as the one two steps earlier. Symbols: ${letters}.`,
    train: 'Train both',
    resume: 'Resume training',
    pause: 'Pause',
    restart: 'Untrain (same seed)',
    reroll: 'New seed',
    seed: 'seed',
    progress: (step) => `training step ${step} of ${TOTAL_STEPS}`,
    mlp: 'MLP on each step',
    rnn: 'RNN',
    mlpWhat: 'sees only x_t',
    rnnWhat: 'sees x_t and h_{t−1}',
    accuracy: 'accuracy on held-out sequences',
    accuracyOf: (name, value) => `${name}: ${value}`,
    chance: 'chance (50%)',
    chartTitle: 'Accuracy on held-out sequences during training',
    percent: 'accuracy (%)',
    steps: 'training step',
    testLabel: `Test sequence (letters ${letters}, up to ${MAX_TEST_LENGTH})`,
    example: 'New example',
    unknown: (chars) => `Only ${letters} can be used; remove: ${chars}`,
    empty: 'Type a test sequence, e.g. abacab.',
    truncated: `Only the first ${MAX_TEST_LENGTH} symbols are used.`,
    tableCaption: 'Each model’s answer at every step of the test sequence',
    colStep: 't',
    colInput: 'x_t',
    colTwoBack: 'x_{t−2}',
    colAnswer: 'same?',
    yes: 'yes',
    no: 'no',
    notScored: 'no x_{t−2}',
    right: 'right',
    wrong: 'wrong',
    pYes: (name, value) => `${name}: probability of “yes” ${value}`,
    lookupTitle: 'The MLP’s whole behaviour: one answer per symbol',
    lookupNote:
      'Its answer at step t is a function of x_t alone, so every occurrence of a symbol gets the same probability, whatever came before.',
    score: (name, right, total) => `${name}: ${right} of ${total} right`,
  },
  zh: {
    task: `任务：在每个时间步判断当前符号是否与两步之前的符号相同。符号：${letters}。`,
    train: '训练两个模型',
    resume: '继续训练',
    pause: '暂停',
    restart: '恢复未训练状态（同一种子）',
    reroll: '换一个种子',
    seed: '种子',
    progress: (step) => `训练步 ${step} / ${TOTAL_STEPS}`,
    mlp: '逐步套用的 MLP',
    rnn: 'RNN',
    mlpWhat: '只看 x_t',
    rnnWhat: '看 x_t 和 h_{t−1}',
    accuracy: '在留出序列上的准确率',
    accuracyOf: (name, value) => `${name}：${value}`,
    chance: '随机猜测（50%）',
    chartTitle: '训练过程中在留出序列上的准确率',
    percent: '准确率（%）',
    steps: '训练步',
    testLabel: `测试序列（字母 ${letters}，最多 ${MAX_TEST_LENGTH} 个）`,
    example: '换一个例子',
    unknown: (chars) => `只能使用 ${letters}；请删去：${chars}`,
    empty: '请输入一个测试序列，例如 abacab。',
    truncated: `只使用前 ${MAX_TEST_LENGTH} 个符号。`,
    tableCaption: '两个模型在测试序列每一步的回答',
    colStep: 't',
    colInput: 'x_t',
    colTwoBack: 'x_{t−2}',
    colAnswer: '相同？',
    yes: '是',
    no: '否',
    notScored: '无 x_{t−2}',
    right: '对',
    wrong: '错',
    pYes: (name, value) => `${name}：回答“是”的概率 ${value}`,
    lookupTitle: 'MLP 的全部行为：每个符号一个回答',
    lookupNote: '它在第 t 步的回答只取决于 x_t，所以同一个符号无论出现在哪里、前面是什么，得到的概率都相同。',
    score: (name, right, total) => `${name}：${total} 个中答对 ${right} 个`,
  },
};
