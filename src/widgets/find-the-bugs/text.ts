/** Every string of find-the-bugs, in both languages: controls, messages, and each bug's story. */
import type { Bilingual } from '../types';
import type { FixId } from './script';

export interface BugText {
  title: string;
  hint: string;
  explain: string;
  /** The corrected code (shown as code). */
  fix: string;
}

export interface FtbText {
  scriptLabel: string;
  markLine: (n: number) => string;
  marked: string;
  instructions: string;
  check: string;
  clear: string;
  result: (found: number) => string;
  wrongLines: (lines: string) => string;
  crashLine: string;
  flawLine: string;
  bug: (k: number) => string;
  flaw: string;
  hint: string;
  reveal: string;
  apply: string;
  lines: (lines: string) => string;
  fixLabel: string;
  bugs: Record<FixId, BugText>;
  run: string;
  runBroken: string;
  runCorrected: string;
  running: (done: number, total: number) => string;
  applied: (list: string) => string;
  none: string;
  reenact: string;
  output: string;
  chartTitle: string;
  step: string;
  loss: string;
  thisRun: string;
  corrected: string;
  ln2: string;
  floor: string;
  heldOut: (acc: string) => string;
  diagnostics: (ids: number, labels: string) => string;
  crashed: string;
  stop: string;
}

export const text: Bilingual<FtbText> = {
  en: {
    scriptLabel: 'The broken training script',
    markLine: (n) => `Mark line ${n} as buggy`,
    marked: 'marked',
    instructions:
      'Read the script and mark every line you think is wrong (click or press Enter on its line number). Then check your marks, ask for hints, and reveal the bugs one by one.',
    check: 'Check my marks',
    clear: 'Clear marks',
    result: (found) => `You marked lines belonging to ${found} of the 5 bugs.`,
    wrongLines: (lines) => `Nothing wrong on line ${lines}.`,
    crashLine:
      'Line 26 is where the script crashes, but not where the mistake is: look at what is fed to the embedding.',
    flawLine:
      'Line 14 is not one of the five bugs, but it is a design flaw: random labels leave nothing to learn.',
    bug: (k) => `Bug ${k}`,
    flaw: 'Design flaw (not one of the five)',
    hint: 'Hint',
    reveal: 'Reveal',
    apply: 'Apply this fix',
    lines: (lines) => `line ${lines}`,
    fixLabel: 'Fix',
    bugs: {
      'random-floats': {
        title: 'Random floats cast to token ids: every token is 0',
        hint: 'Print X.unique(). What values can torch.rand return, and what does .long() do to them?',
        explain:
          'torch.rand draws floats in [0, 1), and .long() truncates toward zero, so every entry of X is 0. All 1,000 sequences are ten copies of token 0, and the model is shown nothing that distinguishes one example from another: it can only learn the label prior.',
        fix: 'X = torch.randint(0, vocab_size, (num_samples, seq_len))',
      },
      'not-token-ids': {
        title: 'The embedding is fed data that are not token ids',
        hint: 'What must the input of nn.Embedding be, and what shape does its output get if X is (n, 10, 100)?',
        explain:
          'X has shape (1000, 10, 100): ten steps of 100 features, a layout for real-valued inputs. nn.Embedding looks up one row per integer id and appends an axis, so a batch (16, 10, 100) becomes (16, 10, 100, 32), 4-D, and nn.RNN raises on line 26, one line after the real mistake. Token sequences must be integer ids of shape (n, T).',
        fix: 'X = torch.randint(0, vocab_size, (num_samples, seq_len))   # (1000, 10) integer ids',
      },
      'time-major': {
        title: 'A time-major output read as batch-major',
        hint: 'Which axis does nn.RNN treat as time by default? Write down the shape of e.',
        explain:
          'nn.RNN expects (seq_len, batch, features) unless batch_first=True. It reads e, shaped (16, 10, 32), as 16 time steps of a batch of 10: the recurrence runs across the examples of the batch, and out[:, -1, :] takes, for each example, the state of the last "batch row", the sequences’ last position. Shapes match and nothing complains; the prediction for an example ignores its first nine tokens.',
        fix: 'self.rnn = nn.RNN(embed_dim, hidden_size, batch_first=True)',
      },
      'no-zero-grad': {
        title: 'The gradients are never zeroed',
        hint: 'What happens to .grad when you call backward() twice with nothing in between?',
        explain:
          'PyTorch accumulates gradients: each loss.backward() adds to .grad. Without opt.zero_grad(), step k uses the sum of the gradients of all k steps so far, so old batches keep pushing the parameters where they wanted long ago; the loss becomes erratic or climbs.',
        fix: 'opt.zero_grad()\nloss.backward()\nopt.step()',
      },
      'softmax-before-ce': {
        title: 'Softmax applied before nn.CrossEntropyLoss',
        hint: 'What does nn.CrossEntropyLoss do to its first argument before taking the log?',
        explain:
          'The loss applies log-softmax itself and expects raw logits. Fed probabilities in [0, 1], it sees "logits" that differ by at most 1, so for two classes it can never go below log(1 + e⁻¹) ≈ 0.313, and its gradients are squashed: learning is slow and plateaus.',
        fix: 'loss = loss_fn(logits, yb)',
      },
      'random-labels': {
        title: 'Random labels: nothing to learn',
        hint: 'Is y computed from X at all?',
        explain:
          'y is drawn independently of X, so even a perfect pipeline stays at chance and you cannot tell a working script from a broken one. For a test run, make the label a function of the tokens: class 1 when the average id is in the upper half of the vocabulary.',
        fix: 'y = (X.float().mean(dim=1) > (vocab_size - 1) / 2).long()',
      },
    },
    run: 'Run with the fixes applied',
    runBroken: 'Run the broken script',
    runCorrected: 'Run the corrected script',
    running: (done, total) => `Training… step ${done} of ${total}`,
    applied: (list) => `Fixes applied: ${list}.`,
    none: 'none',
    reenact:
      'A re-enactment, not PyTorch: the page cannot run Python, so our engine trains the same model (Embedding(100, 32) → RNN(32, 64) → Linear(64, 2), Adam, lr 1e-3, batches of 16, five epochs) on the same data recipe, and each bug does what it does in PyTorch.',
    output: 'What the script prints',
    chartTitle: 'Training loss per step (mean of the last 10 steps)',
    step: 'training step',
    loss: 'loss',
    thisRun: 'this run',
    corrected: 'corrected',
    ln2: 'ln 2',
    floor: 'CE floor 0.313',
    heldOut: (acc) =>
      `Accuracy on 200 held-out sequences with learnable labels (measured by the re-enactment, not printed by the script): ${acc}.`,
    diagnostics: (ids, labels) =>
      `X.unique() has ${ids} value${ids === 1 ? '' : 's'}; y.float().mean() = ${labels}.`,
    crashed: 'The script crashed on the first batch.',
    stop: 'Stop',
  },
  zh: {
    scriptLabel: '有问题的训练脚本',
    markLine: (n) => `把第 ${n} 行标记为有错`,
    marked: '已标记',
    instructions:
      '阅读脚本，把你认为有错的每一行都标记出来（点击行号，或在行号上按回车）。然后检查你的标记、查看提示，再逐个揭示错误。',
    check: '检查我的标记',
    clear: '清除标记',
    result: (found) => `你标记的行涉及 5 个错误中的 ${found} 个。`,
    wrongLines: (lines) => `第 ${lines} 行没有问题。`,
    crashLine: '第 26 行是脚本崩溃的地方，但不是出错的地方：看看送进嵌入层的是什么。',
    flawLine: '第 14 行不在五个错误之列，却是一个设计缺陷：随机标签让模型无物可学。',
    bug: (k) => `错误 ${k}`,
    flaw: '设计缺陷（不计入五个错误）',
    hint: '提示',
    reveal: '揭示',
    apply: '应用这个修正',
    lines: (lines) => `第 ${lines} 行`,
    fixLabel: '修正',
    bugs: {
      'random-floats': {
        title: '随机浮点数被转成词元编号：每个词元都是 0',
        hint: '打印 X.unique()。torch.rand 会返回哪些值？.long() 又会把它们变成什么？',
        explain:
          'torch.rand 在 [0, 1) 中均匀抽取浮点数，.long() 向零截断，于是 X 的每个元素都是 0。1000 条序列全是十个词元 0，模型看不到任何区分样本的信息，只能学到标签的先验分布。',
        fix: 'X = torch.randint(0, vocab_size, (num_samples, seq_len))',
      },
      'not-token-ids': {
        title: '送进嵌入层的不是词元编号',
        hint: 'nn.Embedding 的输入必须是什么？如果 X 的形状是 (n, 10, 100)，它的输出会是什么形状？',
        explain:
          'X 的形状是 (1000, 10, 100)：十个时间步、每步 100 个特征，这是实值输入的布局。nn.Embedding 为每个整数编号查出一行并追加一个维度，于是一个批次 (16, 10, 100) 变成 (16, 10, 100, 32)，是四维的，nn.RNN 在第 26 行报错——比真正出错的地方晚了一行。词元序列必须是形状为 (n, T) 的整数编号。',
        fix: 'X = torch.randint(0, vocab_size, (num_samples, seq_len))   # (1000, 10) 整数编号',
      },
      'time-major': {
        title: '时间优先的输出被当成批量优先来读',
        hint: 'nn.RNN 默认把哪个维度当作时间？写出 e 的形状。',
        explain:
          '除非设置 batch_first=True，nn.RNN 期望的输入是 (seq_len, batch, features)。它把形状为 (16, 10, 32) 的 e 读成 16 个时间步、批量为 10：循环在同一批次的不同样本之间进行，而 out[:, -1, :] 对每个样本取的是最后一个“批量行”，也就是各序列最后一个位置的状态。形状全都对得上，没有任何报错；可是对一个样本的预测完全不看它的前九个词元。',
        fix: 'self.rnn = nn.RNN(embed_dim, hidden_size, batch_first=True)',
      },
      'no-zero-grad': {
        title: '梯度从未清零',
        hint: '连续调用两次 backward()、中间什么也不做，.grad 会怎样？',
        explain:
          'PyTorch 会累加梯度：每次 loss.backward() 都加到 .grad 上。没有 opt.zero_grad()，第 k 步用的是前 k 步所有梯度之和，很久以前的批次仍在把参数推向它们当初想去的方向；损失变得忽高忽低，甚至上升。',
        fix: 'opt.zero_grad()\nloss.backward()\nopt.step()',
      },
      'softmax-before-ce': {
        title: '在 nn.CrossEntropyLoss 之前先做了 softmax',
        hint: 'nn.CrossEntropyLoss 在取对数之前会对它的第一个参数做什么？',
        explain:
          '这个损失函数自己会做 log-softmax，它要的是原始 logits。喂给它 [0, 1] 中的概率，它看到的“logits”之间最多相差 1，于是两类问题的损失永远低不过 log(1 + e⁻¹) ≈ 0.313，梯度也被压扁：学得慢，而且很快停滞。',
        fix: 'loss = loss_fn(logits, yb)',
      },
      'random-labels': {
        title: '随机标签：无物可学',
        hint: 'y 是根据 X 算出来的吗？',
        explain:
          'y 与 X 独立抽取，因此即使整个流程完全正确，准确率也停在随机猜测的水平，你无法区分正确的脚本和有问题的脚本。做测试运行时，让标签成为词元的函数：平均编号落在词表上半部分时为类别 1。',
        fix: 'y = (X.float().mean(dim=1) > (vocab_size - 1) / 2).long()',
      },
    },
    run: '应用修正后运行',
    runBroken: '运行有问题的脚本',
    runCorrected: '运行修正后的脚本',
    running: (done, total) => `训练中……第 ${done} / ${total} 步`,
    applied: (list) => `已应用的修正：${list}。`,
    none: '无',
    reenact:
      '这是重演，不是 PyTorch：网页无法运行 Python，所以由我们的引擎按同样的数据配方训练同样的模型（Embedding(100, 32) → RNN(32, 64) → Linear(64, 2)，Adam，学习率 1e-3，批量 16，五轮），每个错误都按它在 PyTorch 中的行为重现。',
    output: '脚本的输出',
    chartTitle: '每个训练步的损失（最近 10 步的平均）',
    step: '训练步',
    loss: '损失',
    thisRun: '本次运行',
    corrected: '修正后',
    ln2: 'ln 2',
    floor: '交叉熵下限 0.313',
    heldOut: (acc) => `在 200 条标签可学习的留出序列上的准确率（由重演测得，脚本本身不打印）：${acc}。`,
    diagnostics: (ids, labels) => `X.unique() 共有 ${ids} 个不同的值；y.float().mean() = ${labels}。`,
    crashed: '脚本在第一个批次就崩溃了。',
    stop: '停止',
  },
};
