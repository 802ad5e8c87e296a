/** Widgets I in the chapters that embed them: hidden-state-heatmap, elman-jordan, mlp-vs-rnn. */
import { cpus, loadavg } from 'node:os';
import { expect, showFigure, test } from './fixtures';

const figure = (kind: string) => `[data-widget="${kind}"]`;

test.describe('hidden-state-heatmap (language-models)', () => {
  test('reads typed text, shows values on focus, toggles c_t, re-rolls', async ({ page, problems }) => {
    await page.goto('/en/language-models');
    const fig = page.locator(figure('hidden-state-heatmap'));
    await fig.scrollIntoViewIfNeeded();
    const cells = fig.getByRole('gridcell');
    await expect(cells).toHaveCount(3 * 12 * 6);
    await expect(fig.getByRole('heading', { name: 'GRU' })).toBeVisible();

    const input = fig.getByLabel('Text to read');
    await input.fill('hello');
    await expect(cells).toHaveCount(3 * 12 * 5);

    // keyboard: tab from the input into the controls and the first grid, then move with the arrows
    const first = fig.getByLabel(/^RNN \(tanh\) h_t, unit 1, step 1 \(h\)/);
    await first.focus();
    await page.keyboard.press('ArrowRight');
    await expect(fig.locator('.hsh-readout')).toContainText('unit 1 after “e” (step 2)');
    await page.keyboard.press('ArrowDown');
    await expect(fig.locator('.hsh-readout')).toContainText(/unit 2 after “e” \(step 2\): −?\d\.\d{4}/);

    // hover a cell of the GRU
    await fig.getByLabel(/^GRU h_t, unit 3, step 4 \(l\)/).hover();
    await expect(fig.locator('.hsh-readout')).toContainText('GRU, h_t, unit 3 after “l” (step 4)');

    const cToggle = fig.getByRole('button', { name: /cell state c_t/ });
    await cToggle.click();
    await expect(cToggle).toHaveAttribute('aria-pressed', 'true');
    await expect(fig.getByLabel(/^LSTM c_t, unit 1, step 1/)).toHaveCount(1);

    const before = await fig.getByLabel(/^RNN \(tanh\) h_t, unit 1, step 1/).getAttribute('aria-label');
    await fig.getByRole('button', { name: 'New random weights' }).click();
    await expect(fig.locator('.hsh-seed output')).not.toHaveText('1');
    const after = await fig.getByLabel(/^RNN \(tanh\) h_t, unit 1, step 1/).getAttribute('aria-label');
    expect(after).not.toBe(before);

    await input.fill('ab☃');
    await expect(fig.getByText(/Not in the model’s vocabulary.*☃/)).toBeVisible();
    await input.fill('x'.repeat(30));
    await expect(fig.getByText(/Only the first 24 characters/)).toBeVisible();

    // the state is in the address bar and survives a reload
    await input.fill('hi');
    await page.reload();
    await showFigure(page.locator(figure('hidden-state-heatmap')));
    await expect(page.locator(figure('hidden-state-heatmap')).getByLabel('Text to read')).toHaveValue('hi');
    expect(problems.list).toEqual([]);
  });

  test('speaks Chinese', async ({ page, problems }) => {
    await page.goto('/zh/language-models');
    const fig = page.locator(figure('hidden-state-heatmap'));
    await fig.scrollIntoViewIfNeeded();
    await expect(fig.getByLabel('要读入的文本')).toHaveValue('想要有直升机');
    await fig.getByLabel(/^GRU h_t，单元 2，第 2 步（要）/).hover();
    await expect(fig.locator('.hsh-readout')).toContainText('读入“要”后（第 2 步）单元 2');
    await expect(fig.getByRole('button', { name: /记忆元 c_t/ })).toBeVisible();
    expect(problems.list).toEqual([]);
  });
});

test.describe('elman-jordan (rnn)', () => {
  test('steps both networks together by buttons and keys', async ({ page, problems }) => {
    await page.goto('/en/rnn');
    const fig = page.locator(figure('elman-jordan'));
    await fig.scrollIntoViewIfNeeded();
    const status = fig.locator('.ej-status');
    await expect(status).toHaveText('Step 1 of 5: both networks read “h”.');
    await expect(fig.locator('.ej-panel')).toHaveCount(2);
    await expect(fig.locator('.ej-overlay')).toHaveCount(2);

    await fig.getByRole('button', { name: 'Next step' }).click();
    await expect(status).toHaveText('Step 2 of 5: both networks read “e”.');
    await expect(fig.locator('.ej-carried-caption').nth(0)).toHaveText(/fed back into step 2: h1/);
    await expect(fig.locator('.ej-carried-caption').nth(1)).toHaveText(/fed back into step 2: o1/);

    const stepper = fig.getByRole('group', { name: 'Step through both networks' });
    await stepper.focus();
    await page.keyboard.press('End');
    await expect(status).toContainText('Step 5 of 5');
    await page.keyboard.press('ArrowLeft');
    await expect(status).toContainText('Step 4 of 5');
    await page.keyboard.press('Home');
    await expect(status).toContainText('Step 1 of 5');
    await page.keyboard.press('Space');
    await expect(fig.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect(status).toContainText('Step 2 of 5', { timeout: 5000 });
    await page.keyboard.press('Space');
    await expect(fig.getByRole('button', { name: 'Play' })).toBeVisible();

    await fig.getByLabel('Time step').fill('3');
    await expect(status).toContainText('Step 3 of 5');

    await fig.getByLabel('Sequence').fill('');
    await expect(fig.getByText(/Type a short sequence/)).toBeVisible();
    await fig.getByLabel('Sequence').fill('abcabc');
    await expect(status).toContainText('of 6');
    expect(problems.list).toEqual([]);
  });

  test('speaks Chinese', async ({ page, problems }) => {
    await page.goto('/zh/rnn');
    const fig = page.locator(figure('elman-jordan'));
    await fig.scrollIntoViewIfNeeded();
    await expect(fig.locator('.ej-status')).toHaveText('第 1 步（共 5 步）：两个网络都读入“h”。');
    await fig.getByRole('button', { name: '下一步' }).click();
    await expect(fig.locator('.ej-status')).toContainText('第 2 步');
    expect(problems.list).toEqual([]);
  });
});

test.describe('mlp-vs-rnn (mlp)', () => {
  test('trains both in the page: the RNN learns, the MLP stays at chance', async ({ page, problems }) => {
    await page.goto('/en/mlp');
    const fig = page.locator(figure('mlp-vs-rnn'));
    await fig.scrollIntoViewIfNeeded();
    // record the longest main-thread task while training
    await page.evaluate(() => {
      const w = window as unknown as { longest: number };
      w.longest = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longest = Math.max(w.longest, entry.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    await fig.getByRole('button', { name: /Train both/ }).click();
    await expect(fig.getByText('training step 400 of 400')).toBeVisible({ timeout: 30_000 });
    const score = async (model: string) =>
      Number.parseFloat((await fig.locator(`.mvr-score-value[data-model="${model}"]`).textContent()) ?? '');
    expect(await score('rnn')).toBeGreaterThan(90);
    expect(Math.abs((await score('mlp')) - 50)).toBeLessThan(8);
    const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
    console.log(`mlp-vs-rnn: longest main-thread task while training ${Math.round(longest)} ms`);
    // A frame either trains for ≤ 12 ms or redraws (every 150 ms), never both. In headless Chromium without a
    // GPU the redraw's layout and paint alone measure 40–100 ms here, so the bound asserts what the widget
    // controls: training is sliced (400 steps in one task would take ≥ 400 ms). On a machine loaded past 1.5
    // runs per core wall time is not the page's own: report, do not enforce (as the trainer's test does).
    if (loadavg()[0] / cpus().length > 1.5)
      test.info().annotations.push({ type: 'warning', description: `overloaded machine: ${longest} ms` });
    else expect(longest, 'longest main-thread task while training, ms').toBeLessThan(250);

    // the MLP gives every occurrence of a symbol the same answer
    const input = fig.getByLabel(/Test sequence/);
    await input.fill('abacbcaa');
    const rows = fig.getByRole('table', { name: /Each model’s answer/ }).locator('tbody tr');
    await expect(rows).toHaveCount(8);
    const mlpOf = (k: number) => rows.nth(k).locator('[data-model="mlp"] .mvr-p').textContent();
    expect(await mlpOf(0)).toBe(await mlpOf(2));
    expect(await mlpOf(0)).toBe(await mlpOf(7));
    await input.fill('abz');
    await expect(fig.getByText(/remove: z/)).toBeVisible();

    // the trained state replays from the link
    await page.reload();
    await showFigure(page.locator(figure('mlp-vs-rnn')));
    await expect(page.locator(figure('mlp-vs-rnn')).getByText('training step 400 of 400')).toBeVisible({
      timeout: 30_000,
    });
    await page.locator(figure('mlp-vs-rnn')).getByRole('button', { name: 'New seed' }).click();
    await expect(page.locator(figure('mlp-vs-rnn')).getByText('training step 0 of 400')).toBeVisible();
    expect(problems.list).toEqual([]);
  });

  test('speaks Chinese and pauses', async ({ page, problems }) => {
    await page.goto('/zh/mlp');
    const fig = page.locator(figure('mlp-vs-rnn'));
    await fig.scrollIntoViewIfNeeded();
    await fig.getByRole('button', { name: /训练两个模型/ }).click();
    await fig.getByRole('button', { name: /暂停/ }).click();
    await expect(fig.getByRole('button', { name: /继续训练/ })).toBeVisible();
    await expect(fig.getByText(/^任务：/)).toBeVisible();
    expect(problems.list).toEqual([]);
  });
});
