/**
 * The broken training script of the practice chapter, line for line as content/en/practice.mdx prints it
 * (a test checks they agree), its five bugs (and one design flaw), and the script with fixes applied.
 */

export const BROKEN_SCRIPT = `import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
vocab_size  = 100          # token ids are 0..99
embed_dim   = 32
hidden_size = 64
num_classes = 2
seq_len, num_samples, batch_size = 10, 1000, 16

# toy data: 1000 sequences of 10 tokens, one label per sequence
X = torch.rand(num_samples, seq_len, vocab_size).long()
y = torch.randint(0, num_classes, (num_samples,))
loader = DataLoader(TensorDataset(X, y), batch_size=batch_size, shuffle=True)

class Classifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, embed_dim)
        self.rnn = nn.RNN(embed_dim, hidden_size)
        self.fc = nn.Linear(hidden_size, num_classes)

    def forward(self, x):                 # x: (batch, seq_len)
        e = self.embed(x)
        out, h = self.rnn(e)
        return self.fc(out[:, -1, :])     # logits of the last time step

model = Classifier()
loss_fn = nn.CrossEntropyLoss()
opt = torch.optim.Adam(model.parameters(), lr=1e-3)

for epoch in range(5):
    for i, (xb, yb) in enumerate(loader):
        logits = model(xb)
        loss = loss_fn(torch.softmax(logits, dim=1), yb)
        loss.backward()
        opt.step()
        if i % 20 == 0:
            print(f'epoch {epoch}  batch {i}  loss {loss.item():.4f}')`;

export const SCRIPT_LINES = BROKEN_SCRIPT.split('\n');

/** The five bugs in the chapter's order, then the design flaw in the labels (not counted as a bug). */
export const BUG_IDS = [
  'random-floats',
  'not-token-ids',
  'time-major',
  'no-zero-grad',
  'softmax-before-ce',
] as const;
export type BugId = (typeof BUG_IDS)[number];
export type FixId = BugId | 'random-labels';
export const FIX_IDS: readonly FixId[] = [...BUG_IDS, 'random-labels'];

/** 1-based line numbers of the script where each bug (or the flaw) lives. */
export const BUG_LINES: Record<FixId, readonly number[]> = {
  'random-floats': [13],
  'not-token-ids': [13, 25],
  'time-major': [21, 27],
  'no-zero-grad': [37, 38],
  'softmax-before-ce': [36],
  'random-labels': [14],
};

/** Where the crash is raised (marked lines here get a special answer: the symptom, not the mistake). */
export const CRASH_LINE = 26;

export type Fixes = Record<FixId, boolean>;

export const NO_FIXES: Fixes = {
  'random-floats': false,
  'not-token-ids': false,
  'time-major': false,
  'no-zero-grad': false,
  'softmax-before-ce': false,
  'random-labels': false,
};
export const ALL_FIXES: Fixes = Object.fromEntries(FIX_IDS.map((f) => [f, true])) as Fixes;

export interface ScriptLine {
  /** 1-based line number in the broken script; null for an inserted line. */
  number: number | null;
  text: string;
  /** The line differs from the broken script because of a fix. */
  changed: boolean;
}

/** The script with some fixes applied: changed lines replaced, `opt.zero_grad()` inserted. */
export function scriptWith(fixes: Fixes): ScriptLine[] {
  const out: ScriptLine[] = [];
  SCRIPT_LINES.forEach((text, k) => {
    const number = k + 1;
    let line = text;
    if (number === 13) {
      const values = fixes['random-floats'];
      const ids = fixes['not-token-ids'];
      if (values && ids) line = 'X = torch.randint(0, vocab_size, (num_samples, seq_len))';
      else if (values) line = 'X = torch.randint(0, vocab_size, (num_samples, seq_len, vocab_size))';
      else if (ids) line = 'X = torch.rand(num_samples, seq_len).long()';
    }
    if (number === 14 && fixes['random-labels'])
      line = 'y = (X.float().mean(dim=1) > (vocab_size - 1) / 2).long()';
    if (number === 21 && fixes['time-major'])
      line = '        self.rnn = nn.RNN(embed_dim, hidden_size, batch_first=True)';
    if (number === 36 && fixes['softmax-before-ce']) line = '        loss = loss_fn(logits, yb)';
    if (number === 37 && fixes['no-zero-grad'])
      out.push({ number: null, text: '        opt.zero_grad()', changed: true });
    out.push({ number, text: line, changed: line !== text });
  });
  return out;
}

export interface MarkResult {
  found: BugId[];
  missed: BugId[];
  flawFound: boolean;
  crashLineMarked: boolean;
  /** Marked lines that belong to no bug (the crash line excluded). */
  wrong: number[];
}

/** Which bugs the reader's marked lines touch. */
export function checkMarks(marked: Iterable<number>): MarkResult {
  const set = new Set(marked);
  const found = BUG_IDS.filter((b) => BUG_LINES[b].some((l) => set.has(l)));
  const buggy = new Set(FIX_IDS.flatMap((f) => BUG_LINES[f]));
  return {
    found,
    missed: BUG_IDS.filter((b) => !found.includes(b)),
    flawFound: BUG_LINES['random-labels'].some((l) => set.has(l)),
    crashLineMarked: set.has(CRASH_LINE),
    wrong: [...set].filter((l) => !buggy.has(l) && l !== CRASH_LINE).sort((a, b) => a - b),
  };
}
