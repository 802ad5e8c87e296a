/** gradient-flow and bptt-graph in the built book, in both languages: they draw, answer their controls, stay clean. */
import { expect, showFigure, test } from './fixtures';

for (const lang of ['en', 'zh'] as const) {
  test(`/${lang}/bptt: gradient-flow answers its controls and views`, async ({ page, problems }) => {
    await page.goto(`/${lang}/bptt`);
    const fig = page.locator('#bptt-gradient-norms');
    await fig.scrollIntoViewIfNeeded();
    await expect(fig.locator('.viz-linechart').first()).toBeVisible({ timeout: 20_000 });
    const slope = fig.locator('[data-slope]');
    const before = Number(await slope.getAttribute('data-slope'));
    // a larger spectral radius at zero input: the tanh RNN's gradient grows back in time
    await fig.locator('[data-control="inputScale"]').fill('0');
    await fig.locator('[data-control="radius"]').fill('600');
    await expect.poll(async () => Number(await slope.getAttribute('data-slope'))).toBeGreaterThan(0);
    expect(before).toBeLessThan(0);
    // the cell switch and the activation
    await fig.locator('[data-control="cell"]').selectOption('gru');
    await expect(slope).toContainText('GRU');
    await fig.locator('[data-control="cell"]').selectOption('rnn');
    await fig.locator('[data-control="activation"]').selectOption('relu');
    await expect(slope).toContainText('ReLU');
    // an extreme radius: the widget says so and offers a reset
    await fig.locator('[data-control="T"]').fill('100');
    await fig.locator('[data-control="radius"]').fill('1000');
    await expect(fig.getByRole('alert').first()).toBeVisible();
    await fig.getByRole('alert').first().getByRole('button').click();
    await expect(fig.getByRole('alert')).toHaveCount(0);
    // the graph and truncation views
    await fig.locator('[data-view-button="graph"]').click();
    await expect(fig.locator('.gf-edge').first()).toBeVisible();
    await fig.locator('[data-view-button="truncation"]').click();
    await expect(fig.locator('tr[data-summary]')).toHaveCount(3);
    expect(page.url()).toContain('bptt-gradient-norms=');
    expect(problems.list).toEqual([]);
  });

  test(`/${lang}/bptt: the truncation figure changes with k`, async ({ page, problems }) => {
    await page.goto(`/${lang}/bptt`);
    const fig = page.locator('#bptt-truncation-flow');
    await fig.scrollIntoViewIfNeeded();
    const kept = fig.locator('tr[data-summary="truncated"] td').last();
    // the figure loads lazily and computes after it mounts: on a busy machine that takes more than 5 s
    await expect(kept).toBeVisible({ timeout: 20_000 });
    const a = await kept.textContent();
    await fig.locator('[data-control="k"]').fill('10');
    await expect(kept).not.toHaveText(a ?? '');
    expect(problems.list).toEqual([]);
  });

  test(`/${lang}/bptt: bptt-graph steps the backward pass with buttons and keys`, async ({
    page,
    problems,
  }) => {
    await page.goto(`/${lang}/bptt`);
    const fig = page.locator('#bptt-graph');
    await fig.scrollIntoViewIfNeeded();
    const count = fig.locator('.bg-count');
    await expect(count).toHaveAttribute('data-step', '0');
    await fig.getByRole('button', { name: lang === 'en' ? 'Next step' : '下一步' }).click();
    await expect(count).toHaveAttribute('data-step', '1');
    const nav = fig.locator('.bg-nav');
    await nav.focus();
    for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowRight');
    await expect(count).toHaveAttribute('data-step', '4');
    await expect(fig.locator('tr[data-term]')).toHaveCount(1);
    await page.keyboard.press('End');
    await expect(fig.locator('tr[data-term]')).toHaveCount(6);
    await expect(fig.locator('.bg-check').first()).toHaveAttribute('data-ok', 'true');
    await expect(fig.locator('.katex-error')).toHaveCount(0);
    await page.keyboard.press('ArrowLeft');
    await expect(count).toHaveAttribute('data-step', '12');
    expect(problems.list).toEqual([]);
  });
}

test('/en/lstm: the gradient comparison starts on the LSTM', async ({ page, problems }) => {
  await page.goto('/en/lstm');
  const fig = page.locator('#lstm-gradient-compare');
  await fig.scrollIntoViewIfNeeded();
  await expect(fig.locator('[data-slope]')).toContainText('LSTM');
  await expect(fig.locator('[data-control="T"]')).toHaveValue('60');
  expect(problems.list).toEqual([]);
});

test('/en/bptt and /zh/bptt: a quiz question answered by setting the gradient-flow figure', async ({
  page,
  problems,
}) => {
  for (const [lang, check, wrong, right] of [
    ['en', 'Check the figure', /the gradient vanishes on its way back/, /within a factor of 10/],
    ['zh', '检查图中的设置', /梯度在向前传的路上消失了/, /在 10 倍以内/],
  ] as const) {
    await page.goto(`/${lang}/bptt`);
    const fig = page.locator('#bptt-gradient-norms');
    await fig.scrollIntoViewIfNeeded();
    await expect(fig.locator('.viz-linechart').first()).toBeVisible({ timeout: 20_000 });
    await showFigure(page.locator('#bptt-quiz'));
    const question = page
      .locator('#bptt-quiz .quiz-question')
      .filter({ has: page.getByRole('button', { name: check }) });
    // at the default radius 0.9 the gradient at t = 1 is 200 times smaller than at t = 50
    await question.getByRole('button', { name: check }).click();
    await expect(question.locator('.quiz-wrong')).toContainText(wrong);
    // the link goes to the figure; at ρ ≈ 1.05 it is within 10×
    await question.getByRole('link').click();
    await expect(page).toHaveURL(/#bptt-gradient-norms$/);
    await fig.locator('[data-control="radius"]').fill('340');
    await expect(fig.locator('.gf-status')).toHaveText('');
    await question.getByRole('button', { name: check }).click();
    await expect(question.locator('.quiz-correct')).toContainText(right);
    await expect(question.locator('.quiz-correct')).toContainText('ρ = 1.05');
  }
  expect(problems.list).toEqual([]);
});
