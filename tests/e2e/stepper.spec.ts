/** unrolled-stepper in the RNN chapter (and its Chinese twin): controls, keys, URL state, speed, phone width. */
import { expect, showFigure, test } from './fixtures';

const FIG = '#rnn-stepper';
/** The figure's URL state as the widget writes it (shared/urlState: base64url JSON with the schema version). */
const encode = (state: object) => Buffer.from(JSON.stringify({ v: 1, ...state })).toString('base64url');

test('steps by buttons, keys and timeline; equations and diagram answer each other', async ({
  page,
  problems,
}) => {
  await page.goto('/en/rnn');
  const fig = page.locator(FIG);
  await showFigure(fig);
  const root = fig.locator('.us');
  await root.scrollIntoViewIfNeeded();
  const status = fig.locator('.us-status');
  await expect(status).toContainText('t = 1 of 5: x_1 = “h”');
  // five cells; only the first computed
  await expect(fig.locator('[data-cell]')).toHaveCount(5);
  await expect(fig.locator('[data-cell][data-status="future"]')).toHaveCount(4);

  const h1 = await fig.getByRole('gridcell', { name: /^h t element 1:/ }).getAttribute('aria-label');
  await fig.getByRole('button', { name: 'Step forward' }).click();
  await expect(status).toContainText('t = 2 of 5: x_2 = “e”');
  const h2 = await fig.getByRole('gridcell', { name: /^h t element 1:/ }).getAttribute('aria-label');
  expect(h2).not.toBe(h1);

  await root.focus();
  await page.keyboard.press('End');
  await expect(status).toContainText('t = 5 of 5');
  await expect(fig.locator('[data-cell][data-status="future"]')).toHaveCount(0);
  await page.keyboard.press('ArrowLeft');
  await expect(status).toContainText('t = 4 of 5');
  await page.keyboard.press('Home');
  await expect(status).toContainText('t = 1 of 5');
  await fig.getByLabel('Time step').fill('2');
  await expect(status).toContainText('t = 3 of 5: x_3 = “l”');
  // clicking a cell of the diagram jumps to it
  await fig.locator('[data-cell="cell:l0:d0:t3"]').click();
  await expect(status).toContainText('t = 4 of 5');

  // hover a symbol in the equation: the read-out shows its live value, the diagram lights the part
  await fig.locator('.us-equations [data-part="W_hh"]').first().hover();
  await expect(fig.locator('.us-readout')).toContainText('hh');
  await fig.locator('.us-equations [data-part="h_prev"]').first().hover();
  await expect(fig.locator('.us-readout').getByRole('gridcell')).toHaveCount(4);
  // and the other way round: a diagram part marks the symbols
  await fig.locator('.us-cell [data-part="x"] g[role="img"]').hover();
  await expect(fig.locator('.us-equations .us-sym-on[data-part="x"]')).toHaveCount(1);

  // the state is in the address bar and survives a reload
  expect(page.url()).toContain('rnn-stepper=');
  await page.reload();
  // The reload may restore a scroll position the figure is not yet near; a reader would scroll to it.
  await showFigure(page.locator(FIG));
  await expect(page.locator(FIG).locator('.us-status')).toContainText('t = 4 of 5');
  expect(problems.list).toEqual([]);
});

test('sequence, cell, layers, direction, seed and the backward pass', async ({ page, problems }) => {
  await page.goto('/en/rnn');
  const fig = page.locator(FIG);
  await showFigure(fig);
  await fig.locator('.us').scrollIntoViewIfNeeded();
  const input = fig.getByLabel('Sequence');
  await input.fill('想要有直升机');
  await expect(fig.locator('[data-cell]')).toHaveCount(6);
  await input.fill('abcdefghijklmnopqrstu');
  await expect(fig.getByText(/the figure unrolls the first 16/)).toBeVisible();
  await expect(fig.getByText(/“k”, “l”, “m”, “n”, “o”, “p” are outside it and read as ⟨unk⟩/)).toBeVisible();
  await expect(fig.locator('[data-cell]')).toHaveCount(16);
  await input.fill('');
  await expect(fig.getByText(/Type at least one character/)).toBeVisible();
  await expect(fig.locator('[data-cell]')).toHaveCount(16);
  await input.fill('hello');

  await fig.getByLabel('Cell', { exact: true }).selectOption('lstm');
  await expect(fig.locator('.us-status')).toContainText('Part 1 of 4: the input, forget and output gates');
  await fig.getByLabel('Layers').selectOption('2');
  await fig.getByLabel('Bidirectional').check();
  await expect(fig.locator('[data-cell]')).toHaveCount(5 * 2 * 2);
  await expect(fig.getByRole('button', { name: '← reverse' })).toBeVisible();
  await fig.getByRole('button', { name: '← reverse' }).click();
  await expect(fig.getByRole('button', { name: '← reverse' })).toHaveAttribute('aria-pressed', 'true');

  await fig.getByLabel('Cell', { exact: true }).selectOption('jordan');
  await expect(fig.getByLabel('Layers')).toBeDisabled();
  await expect(fig.locator('[data-cell]')).toHaveCount(5);

  await fig.getByLabel('Cell', { exact: true }).selectOption('gru');
  const before = await fig
    .getByRole('gridcell', { name: /^W x row 1, column 1:/ })
    .first()
    .getAttribute('aria-label');
  await fig.getByRole('button', { name: 'New random weights' }).click();
  await expect(fig.getByLabel('Seed')).not.toHaveValue('1');
  const after = await fig
    .getByRole('gridcell', { name: /^W x row 1, column 1:/ })
    .first()
    .getAttribute('aria-label');
  expect(after).not.toBe(before);

  // backward: from t = T down, the gradient reaches more states with every step
  await fig.getByRole('button', { name: '→ forward' }).click();
  await fig.getByLabel('Pass').selectOption('backward');
  await expect(fig.getByText(/Loss: L = g · o_T/)).toBeVisible();
  await expect(fig.locator('.us-status')).toContainText('t = 5 of 5');
  await expect(fig.locator('.us-norm')).toContainText('‖∂L/∂h_5‖ =');
  await fig.locator('.us').focus();
  await page.keyboard.press('ArrowRight');
  await expect(fig.locator('.us-norm')).toContainText('‖∂L/∂h_4‖ =');
  expect(problems.list).toEqual([]);
});

test('speaks Chinese', async ({ page, problems }) => {
  await page.goto('/zh/rnn');
  const fig = page.locator(FIG);
  await showFigure(fig);
  await fig.locator('.us').scrollIntoViewIfNeeded();
  await expect(fig.getByLabel('序列')).toHaveValue('hello');
  await fig.getByRole('button', { name: '前进一步' }).click();
  await expect(fig.locator('.us-status')).toContainText('t = 2 / 5：x_2 = “e”');
  await expect(fig.getByRole('button', { name: '播放' })).toBeVisible();
  expect(problems.list).toEqual([]);
});

test('plays and pauses; reduced motion turns playback off', async ({ page, problems }) => {
  await page.goto('/en/rnn');
  const fig = page.locator(FIG);
  await showFigure(fig);
  await fig.locator('.us').scrollIntoViewIfNeeded();
  await fig.getByLabel('Speed').selectOption('4');
  await fig.getByRole('button', { name: 'Play' }).click();
  await expect(fig.locator('.us-status')).toContainText('t = 5 of 5', { timeout: 5000 });
  await expect(fig.getByRole('button', { name: 'Play' })).toHaveAttribute('aria-pressed', 'false');

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.reload();
  const again = page.locator(FIG);
  await showFigure(again);
  await again.locator('.us').scrollIntoViewIfNeeded();
  await expect(again.getByRole('button', { name: 'Play' })).toBeDisabled();
  await expect(again.getByText(/asks for reduced motion/).first()).toBeVisible();
  expect(problems.list).toEqual([]);
});

test('a step redraws within a frame: LSTM, 3 layers, bidirectional, T = 12', async ({ page, problems }) => {
  const state = {
    cell: 'lstm',
    layers: 3,
    bidirectional: true,
    sequence: '想要有直升机hello!',
    t: 0,
    phase: 0,
    dir: 0,
    mode: 'forward',
    seed: 1,
  } as const;
  await page.goto(`/en/rnn?rnn-stepper=${encode(state)}`);
  const fig = page.locator(FIG);
  await showFigure(fig);
  await fig.locator('.us').scrollIntoViewIfNeeded();
  await expect(fig.locator('[data-cell]')).toHaveCount(12 * 3 * 2);
  const times = await page.evaluate(async () => {
    const root = document.querySelector('#rnn-stepper .us') as HTMLElement;
    root.focus();
    const frame = () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
    const sync: number[] = [];
    const framed: number[] = [];
    for (let k = 0; k < 40; k++) {
      await frame();
      const t0 = performance.now();
      root.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
      await Promise.resolve(); // React commits a keydown's update in a microtask
      sync.push(performance.now() - t0);
      await frame(); // the next frame: style, layout and paint of the new step
      framed.push(performance.now() - t0);
    }
    const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
    return {
      syncMedian: med(sync),
      syncMax: Math.max(...sync),
      frameMedian: med(framed),
      frameMax: Math.max(...framed),
    };
  });
  console.log(`stepper step (LSTM, 3 layers, bidirectional, T=12): ${JSON.stringify(times)}`);
  await expect(fig.locator('.us-status')).toContainText('Step 11 of 36');
  // the update itself (state change → DOM committed) fits a frame; paint depends on the machine (see report)
  expect(times.syncMedian).toBeLessThan(33);
  expect(problems.list).toEqual([]);
});

test('phone width: controls wrap and the page does not scroll sideways', async ({ page, problems }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto('/en/rnn');
  const fig = page.locator(FIG);
  await showFigure(fig);
  await fig.locator('.us').scrollIntoViewIfNeeded();
  await expect(fig.locator('[data-cell]')).toHaveCount(5);
  const widths = await page.evaluate(() => ({
    doc: document.documentElement.scrollWidth,
    fig: (document.querySelector('#rnn-stepper') as HTMLElement).getBoundingClientRect().right,
  }));
  expect(widths.doc).toBeLessThanOrEqual(390);
  expect(widths.fig).toBeLessThanOrEqual(390);
  await fig.getByRole('button', { name: 'Step forward' }).click();
  await expect(fig.locator('.us-status')).toContainText('t = 2 of 5');
  expect(problems.list).toEqual([]);
});
