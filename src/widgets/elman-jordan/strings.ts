/** Every label of the figure, in both languages. */
import type { Bilingual } from '../types';
import { MAX_LENGTH } from './model';

export interface EjStrings {
  input: string;
  reroll: string;
  seed: string;
  empty: string;
  truncated: string;
  steps: string;
  first: string;
  back: string;
  play: string;
  pause: string;
  forward: string;
  last: string;
  slider: string;
  status: (t: number, T: number, ch: string) => string;
  keys: string;
  elman: string;
  jordan: string;
  elmanNote: (H: number) => string;
  jordanNote: (O: number) => string;
  carriedElman: (t: number) => string;
  carriedJordan: (t: number) => string;
  hidden: (t: number) => string;
  output: (t: number) => string;
  input_t: (t: number, ch: string) => string;
  graphTitle: (name: string, T: number) => string;
  graphDesc: (name: string, what: string) => string;
  element: (vector: string, k: number, value: string, item?: string) => string;
  initial: string;
}

export const text: Bilingual<EjStrings> = {
  en: {
    input: 'Sequence',
    reroll: 'New random weights',
    seed: 'seed',
    empty: 'Type a short sequence, e.g. “hello”.',
    truncated: `Only the first ${MAX_LENGTH} characters are used.`,
    steps: 'Step through both networks',
    first: 'First step',
    back: 'Previous step',
    play: 'Play',
    pause: 'Pause',
    forward: 'Next step',
    last: 'Last step',
    slider: 'Time step',
    status: (t, T, ch) => `Step ${t} of ${T}: both networks read “${ch}”.`,
    keys: 'With this panel focused: ← → step, Home / End jump, Space plays or pauses.',
    elman: 'Elman network: the hidden state is fed back',
    jordan: 'Jordan network: the output is fed back',
    elmanNote: (H) => `carries ${H} numbers (the hidden size h) to the next step`,
    jordanNote: (O) => `carries ${O} numbers (the output size q) to the next step`,
    carriedElman: (t) => `fed back into step ${t}: h_${t - 1}`,
    carriedJordan: (t) => `fed back into step ${t}: o_${t - 1}`,
    hidden: (t) => `hidden state h_${t}`,
    output: (t) => `output o_${t} (one score per character)`,
    input_t: (t, ch) => `input x_${t} = “${ch}” (one-hot)`,
    graphTitle: (name, T) => `${name}, unrolled over ${T} steps`,
    graphDesc: (name, what) => `${name}. The highlighted arrow carries ${what} into the current step.`,
    element: (vector, k, value, item) => `${vector} element ${k}${item ? ` (${item})` : ''}: ${value}`,
    initial: 'the initial state',
  },
  zh: {
    input: '序列',
    reroll: '重新随机生成权重',
    seed: '种子',
    empty: '请输入一个短序列，例如“hello”。',
    truncated: `只使用前 ${MAX_LENGTH} 个字符。`,
    steps: '让两个网络同步逐步运行',
    first: '第一步',
    back: '上一步',
    play: '播放',
    pause: '暂停',
    forward: '下一步',
    last: '最后一步',
    slider: '时间步',
    status: (t, T, ch) => `第 ${t} 步（共 ${T} 步）：两个网络都读入“${ch}”。`,
    keys: '聚焦此面板时：← → 逐步，Home / End 跳到首尾，空格键播放或暂停。',
    elman: 'Elman 网络：反馈的是隐状态',
    jordan: 'Jordan 网络：反馈的是输出',
    elmanNote: (H) => `向下一步传递 ${H} 个数（隐藏维度 h）`,
    jordanNote: (O) => `向下一步传递 ${O} 个数（输出维度 q）`,
    carriedElman: (t) => `反馈进第 ${t} 步的：h_${t - 1}`,
    carriedJordan: (t) => `反馈进第 ${t} 步的：o_${t - 1}`,
    hidden: (t) => `隐状态 h_${t}`,
    output: (t) => `输出 o_${t}（每个字符一个分数）`,
    input_t: (t, ch) => `输入 x_${t} = “${ch}”（独热编码）`,
    graphTitle: (name, T) => `${name}，沿 ${T} 个时间步展开`,
    graphDesc: (name, what) => `${name}。高亮的箭头把 ${what} 送入当前时间步。`,
    element: (vector, k, value, item) => `${vector} 第 ${k} 个分量${item ? `（${item}）` : ''}：${value}`,
    initial: '初始状态',
  },
};
