/**
 * Long use: the main thread's heap stays flat while the trainer runs 10,000 steps and while the stepper takes
 * 2,000 key presses, and leaving a page ends its training worker. Heap figures are `usedJSHeapSize` after forced
 * garbage collection (Chromium with --enable-precise-memory-info and --js-flags=--expose-gc), printed for the
 * report. (The worker's own heap is not measured: Chromium gives performance.memory to windows only.) The
 * trainer's smallest model runs 10,000 steps in seconds, so it then trains on for a minute; the stepper soak is
 * bound by frames (about 70 s). The file takes about 1.5 minutes on two workers.
 */
import type { Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium';
import { expect, showFigure, test } from './fixtures';

declare global {
  interface Window {
    gc?: () => void;
    __sameDocument?: boolean;
  }
  interface Performance {
    memory?: { usedJSHeapSize: number; totalJSHeapSize: number };
  }
}

test.use({
  launchOptions: {
    executablePath: chromiumPath(),
    args: [...chromiumArgs, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  },
});

/** The page's JS heap after full garbage collection (median of three, a little apart). */
async function heap(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const sizes: number[] = [];
    for (let k = 0; k < 3; k++) {
      window.gc?.();
      await new Promise((r) => setTimeout(r, 100));
      window.gc?.();
      sizes.push(performance.memory?.usedJSHeapSize ?? Number.NaN);
    }
    return sizes.sort((a, b) => a - b)[1];
  });
}

const MB = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;

test('training 10,000 steps (and on for a minute) keeps the page heap flat', async ({ page, problems }) => {
  test.setTimeout(600_000);
  const t0 = Date.now();
  await page.goto('/en/language-models');
  expect(await page.evaluate(() => typeof window.gc === 'function' && !!performance.memory)).toBe(true);
  const fig = page.locator('#language-models-trainer');
  await fig.scrollIntoViewIfNeeded();
  // the smallest model the widget offers: a tanh RNN, hidden 32, one layer, T = 4 (batch 16 for English)
  await fig.getByLabel('Cell').selectOption('rnn');
  await fig.getByLabel('Hidden size').selectOption('32');
  await fig.getByLabel('Layers').selectOption('1');
  await fig.getByLabel('Truncation length T').fill('4');
  await fig.getByLabel('Learning rate (Adam)').fill('0.01');

  await fig.getByRole('button', { name: 'Start training' }).click();
  const numbers = fig.getByTestId('trainer-numbers');
  const step = async () => Number((await numbers.getAttribute('data-step')) ?? 0);
  await expect(numbers).toBeVisible({ timeout: 30_000 });
  const status = fig.getByTestId('trainer-status');
  /** Trains to `target` steps, pauses (so nothing allocates while the heap is read), measures. */
  const measureAt = async (target: number) => {
    await expect.poll(step, { timeout: 540_000, intervals: [50] }).toBeGreaterThanOrEqual(target);
    await fig.getByRole('button', { name: 'Pause' }).click();
    await expect(status).toHaveText('Paused.');
    return { step: await step(), page: await heap(page), at: Date.now() };
  };

  const at1k = await measureAt(1000);
  await fig.getByRole('button', { name: 'Resume' }).click();
  const at10k = await measureAt(10_000);
  // the smallest model reaches 10,000 steps in seconds: train on for a minute of wall time as well, so that
  // hundreds of progress messages and chart redraws (every 500 ms) pass through the page
  await fig.getByRole('button', { name: 'Resume' }).click();
  await page.waitForTimeout(60_000);
  const atMinute = await measureAt(0);
  await fig.getByRole('button', { name: 'Stop' }).click();
  await expect(status).toHaveText('Stopped.');

  const growth = at10k.page - at1k.page;
  const report =
    `trainer soak: page heap ${MB(at1k.page)} at step ${at1k.step}, ${MB(at10k.page)} at step ${at10k.step} ` +
    `(${growth >= 0 ? '+' : ''}${MB(growth)}, ${((100 * growth) / at1k.page).toFixed(1)} %); ` +
    `${at1k.step}→${at10k.step} steps in ${((at10k.at - at1k.at) / 1000).toFixed(1)} s; ` +
    `after a further minute ${MB(atMinute.page)} at step ${atMinute.step} (${MB(atMinute.page - at1k.page)} over step ${at1k.step}); ` +
    `whole test ${((Date.now() - t0) / 1000).toFixed(0)} s`;
  console.log(report);
  test.info().annotations.push({ type: 'soak', description: report });
  // flat: at most 2 MB (and 15 %) more after 9,000 further steps; the chart keeps at most 5,000 points
  expect(growth, report).toBeLessThan(2e6);
  expect(growth / at1k.page, report).toBeLessThan(0.15);
  // over the minute the page keeps ~600 more chart points (10 a second, capped at 5,000 by appendPoint): a probe
  // over three minutes saw +0.05–0.1 MB per 20 s once the charts were drawn, then nothing else
  expect(atMinute.page - at1k.page, report).toBeLessThan(2e6);
  expect(problems.list).toEqual([]);
});

test('2,000 key presses in the stepper keep the page heap flat', async ({ page, problems }) => {
  test.setTimeout(240_000);
  const t0 = Date.now();
  await page.goto('/en/rnn');
  const fig = page.locator('#rnn-stepper');
  await showFigure(fig);
  await fig.locator('.us').scrollIntoViewIfNeeded();
  await expect(fig.locator('.us-status')).toContainText('t = 1 of 5');

  /** Presses keys in the page: right to the end of the sequence and back, each press waited out to a frame. */
  const press = (count: number) =>
    page.evaluate(async (n) => {
      const root = document.querySelector('#rnn-stepper .us') as HTMLElement;
      root.focus();
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      const cycle = 10; // 5 steps: 4 presses reach the end (one more stays there), then back
      for (let k = 0; k < n; k++) {
        const key = k % cycle < cycle / 2 ? 'ArrowRight' : 'ArrowLeft';
        root.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
        await frame();
      }
    }, count);

  // warm-up: every step drawn, caches filled (a probe saw +0.5 MB over the first 1,000 presses, then
  // +0.01–0.04 MB per further 1,000)
  await press(600);
  const before = await heap(page);
  await press(2000);
  const after = await heap(page);
  await expect(fig.locator('.us-status')).toContainText('t = 1 of 5');

  const growth = after - before;
  const report = `stepper soak: page heap ${MB(before)} after 600 presses, ${MB(after)} after 2,000 more (${growth >= 0 ? '+' : ''}${MB(growth)}, ${((100 * growth) / before).toFixed(1)} %); ${((Date.now() - t0) / 1000).toFixed(0)} s`;
  console.log(report);
  test.info().annotations.push({ type: 'soak', description: report });
  expect(growth, report).toBeLessThan(1e6);
  expect(growth / before, report).toBeLessThan(0.05);
  expect(problems.list).toEqual([]);
});

test('leaving the page ends its training worker', async ({ page, problems }) => {
  test.setTimeout(90_000);
  await page.goto('/en/language-models');
  const fig = page.locator('#language-models-trainer');
  await fig.scrollIntoViewIfNeeded();
  await fig.getByLabel('Hidden size').selectOption('32');
  await fig.getByLabel('Truncation length T').fill('8');
  const spawned = page.waitForEvent('worker');
  await fig.getByRole('button', { name: 'Start training' }).click();
  const worker = await spawned;
  await expect(fig.getByTestId('trainer-numbers')).toBeVisible({ timeout: 20_000 });
  expect(page.workers()).toHaveLength(1);
  const cdp = await page.context().newCDPSession(page);
  const workerTargets = async () =>
    (await cdp.send('Target.getTargets')).targetInfos.filter((t) => t.type === 'worker').length;
  expect(await workerTargets()).toBe(1);

  // a client-side navigation (same document) to the previous chapter
  await page.evaluate(() => {
    window.__sameDocument = true;
  });
  const closed = new Promise<void>((resolve) => worker.once('close', () => resolve()));
  await page
    .getByRole('navigation', { name: /Previous/ })
    .getByRole('link')
    .first()
    .click();
  await expect(page).not.toHaveURL(/language-models/);
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
  await closed;
  expect(page.workers()).toHaveLength(0);
  await expect.poll(workerTargets).toBe(0);
  expect(problems.list).toEqual([]);
});
