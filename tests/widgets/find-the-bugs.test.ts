import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runAll, softmaxFloor } from '../../src/widgets/find-the-bugs/model';
import {
  ALL_FIXES,
  BROKEN_SCRIPT,
  BUG_IDS,
  checkMarks,
  NO_FIXES,
  SCRIPT_LINES,
  scriptWith,
} from '../../src/widgets/find-the-bugs/script';

describe('find-the-bugs script', () => {
  it('is exactly the script printed in the practice chapter', () => {
    const mdx = readFileSync('content/en/practice.mdx', 'utf8');
    const start = mdx.indexOf('```python\nimport torch', mdx.indexOf('## Find the bugs'));
    const code = mdx.slice(start + '```python\n'.length, mdx.indexOf('\n```', start));
    expect(code).toBe(BROKEN_SCRIPT);
    expect(SCRIPT_LINES[12]).toContain('torch.rand(num_samples, seq_len, vocab_size).long()');
    expect(SCRIPT_LINES[25]).toContain('self.rnn(e)');
    expect(SCRIPT_LINES[35]).toContain('torch.softmax(logits');
  });

  it('checks marks against the five bugs, and knows the crash line and the flaw', () => {
    const r = checkMarks([13, 26, 36, 5, 14]);
    expect(r.found).toEqual(['random-floats', 'not-token-ids', 'softmax-before-ce']);
    expect(r.missed).toEqual(['time-major', 'no-zero-grad']);
    expect(r.wrong).toEqual([5]);
    expect(r.crashLineMarked).toBe(true);
    expect(r.flawFound).toBe(true);
    expect(checkMarks([13, 21, 37, 36]).found).toEqual([...BUG_IDS]);
  });

  it('applies fixes to the listing', () => {
    const fixed = scriptWith(ALL_FIXES);
    expect(fixed.filter((l) => l.changed).map((l) => l.text.trim())).toEqual([
      'X = torch.randint(0, vocab_size, (num_samples, seq_len))',
      'y = (X.float().mean(dim=1) > (vocab_size - 1) / 2).long()',
      'self.rnn = nn.RNN(embed_dim, hidden_size, batch_first=True)',
      'loss = loss_fn(logits, yb)',
      'opt.zero_grad()',
    ]);
    const shapeOnly = scriptWith({ ...NO_FIXES, 'not-token-ids': true });
    expect(shapeOnly[12].text).toBe('X = torch.rand(num_samples, seq_len).long()');
    expect(scriptWith(NO_FIXES).every((l) => !l.changed)).toBe(true);
  });
});

describe('find-the-bugs re-enactment', () => {
  it('crashes while X is not (n, T) token ids', () => {
    expect(runAll(NO_FIXES).crashed).toBe(true);
    expect(runAll({ ...ALL_FIXES, 'not-token-ids': false }).crashed).toBe(true);
  });

  it('all-zero ids with random labels: one distinct id, the loss stays near ln 2', () => {
    const r = runAll({ ...NO_FIXES, 'not-token-ids': true }, 0, 1);
    expect(r.distinctIds).toBe(1);
    const tail = r.losses.slice(-20).reduce((a, b) => a + b, 0) / 20;
    expect(Math.abs(tail - Math.LN2)).toBeLessThan(0.08);
    expect(r.heldOutAccuracy).toBeGreaterThan(0.3);
    expect(r.heldOutAccuracy).toBeLessThan(0.7);
  }, 30_000);

  it('the corrected script learns; softmax-before-CE never goes below its floor', () => {
    const good = runAll(ALL_FIXES, 0, 3);
    const tail = good.losses.slice(-30).reduce((a, b) => a + b, 0) / 30;
    expect(good.crashed).toBe(false);
    expect(tail).toBeLessThan(0.6);
    expect(good.heldOutAccuracy).toBeGreaterThan(0.6);
    const soft = runAll({ ...ALL_FIXES, 'softmax-before-ce': false }, 0, 1);
    expect(Math.min(...soft.losses)).toBeGreaterThanOrEqual(softmaxFloor() - 1e-6);
    expect(softmaxFloor()).toBeCloseTo(0.3133, 3);
  }, 60_000);
});
