/**
 * The training worker fails (an error it does not catch, injected from the test): the trainer says so in words,
 * the run is marked stopped by an error, the dead worker is ended, "Start a new run" trains again in a fresh
 * worker, and the rest of the page (the other widgets) goes on answering.
 */
import { expect, showFigure, test } from './fixtures';

test('a crashed training worker is reported, ended and restartable; the page goes on', async ({
  page,
  problems,
}) => {
  test.setTimeout(90_000);
  await page.goto('/en/language-models');
  const fig = page.locator('#language-models-trainer');
  await fig.scrollIntoViewIfNeeded();
  await fig.getByLabel('Hidden size').selectOption('32');
  await fig.getByLabel('Truncation length T').fill('8');
  expect(page.workers()).toHaveLength(0);

  const started = page.waitForEvent('worker');
  await fig.getByRole('button', { name: 'Start training' }).click();
  const worker = await started;
  const status = fig.getByTestId('trainer-status');
  await expect(status).toHaveText('Training…', { timeout: 20_000 });
  await expect(fig.getByTestId('trainer-numbers')).toBeVisible({ timeout: 20_000 });

  // an uncaught error inside the worker, outside any request: what a bug or a failed allocation looks like
  const closed = new Promise<void>((resolve) => worker.once('close', () => resolve()));
  await worker.evaluate(() => {
    setTimeout(() => {
      throw new Error('injected failure');
    }, 0);
  });
  const alert = fig.getByRole('alert');
  await expect(alert).toHaveAttribute('data-code', 'internal');
  await expect(alert).toContainText('Something went wrong in the training worker');
  await expect(alert).toContainText('injected failure');
  await expect(alert).toContainText('Start a new run to try again');
  await expect(status).toHaveText('Stopped by an error.');
  await closed; // the widget ended the failed worker
  expect(page.workers()).toHaveLength(0);
  await expect(fig.getByRole('button', { name: 'Pause' })).toBeDisabled();

  // the rest of the page goes on: the heatmap still reads typed text, the other trainer is untouched
  const heatmap = await showFigure(page.locator('[data-widget="hidden-state-heatmap"]'));
  await heatmap.getByLabel('Text to read').fill('hello');
  await expect(heatmap.getByRole('gridcell')).toHaveCount(3 * 12 * 5);
  await expect(
    (await showFigure(page.locator('#language-models-trainer-tang'))).getByRole('button', {
      name: 'Start training',
    }),
  ).toBeEnabled();

  // and the trainer starts again, in a new worker
  const restarted = page.waitForEvent('worker');
  await fig.getByRole('button', { name: 'Start a new run' }).click();
  await restarted;
  await expect(status).toHaveText('Training…', { timeout: 20_000 });
  await expect(alert).toHaveCount(0);
  const numbers = fig.getByTestId('trainer-numbers');
  const step = Number(await numbers.getAttribute('data-step'));
  await expect.poll(async () => Number(await numbers.getAttribute('data-step'))).toBeGreaterThan(step);
  await fig.getByRole('button', { name: 'Stop' }).click();
  await expect(status).toHaveText('Stopped.');

  // the injected error itself may be logged from the worker; nothing else may be
  expect(problems.list.filter((p) => !p.includes('injected failure'))).toEqual([]);
});
