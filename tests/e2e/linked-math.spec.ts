/**
 * Math linked to figures (issue 8): in concat-equivalence, bptt-graph, gradient-flow and gate-inspector a
 * symbol of the equation lights its part of the figure on hover and on keyboard focus (one tab stop,
 * arrows), names its live value, and the figure lights the symbol back. English and Chinese, phone width.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, showFigure, test } from './fixtures';

const LOAD = { timeout: 30_000 };
// axe over a figure of some hundred focusable cells takes tens of seconds on a busy two-core machine
test.describe.configure({ timeout: 180_000 });

/** The equation's symbols: exactly one in the tab order. */
async function oneTabStop(eq: Locator) {
  await expect(eq.locator('[data-part][role="button"]').first()).toBeVisible(LOAD);
  await expect(eq.locator('[data-part][role="button"][tabindex="0"]')).toHaveCount(1);
}

async function seriousViolations(page: Page, selector: string): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).include(selector).exclude('.viz-sr-only').analyze();
  return axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

test('concat-equivalence: a symbol lights its matrix and names its shape; a matrix lights its symbol', async ({
  page,
  problems,
}) => {
  await page.goto('/en/rnn');
  const fig = page.locator('#rnn-concat-demo');
  await fig.scrollIntoViewIfNeeded();
  const eq = fig.getByRole('group', { name: 'The identity, symbol by symbol' });
  await oneTabStop(eq);
  // hover
  await eq.locator('[data-part="W_hh"]').hover();
  await expect(fig.locator('.ce-matrix[data-part="W_hh"]')).toHaveAttribute('data-on', 'true');
  await expect(fig.locator('.ce-readout')).toContainText(
    /W_hh: 4 × 4 \(h × h\); entry row 1, column 1 = −?\d/,
  );
  // keyboard: the tab stop, then the arrows (the pointer out of the way: a symbol under it would win)
  await page.mouse.move(0, 0);
  await eq.locator('[data-part][tabindex="0"]').focus();
  await expect(fig.locator('.ce-matrix[data-part="X"]')).toHaveAttribute('data-on', 'true');
  await page.keyboard.press('End');
  await expect(eq.locator('[data-part="joint"]')).toBeFocused();
  await expect(eq.locator('[data-part="joint"]')).toHaveAccessibleName(/^\[X, H\] \[W_xh ; W_hh\]: 3 × 4/);
  await expect(fig.locator('.ce-matrix[data-part="joint"]')).toHaveAttribute('data-on', 'true');
  await expect(fig.locator('.ce-matrix[data-on]')).toHaveCount(1);
  // and back: a matrix lights its symbol
  await fig.getByRole('gridcell', { name: /^H row 2, column 3:/ }).hover();
  await expect(eq.locator('[data-part="H"]')).toHaveClass(/viz-lt-sym-on/);
  expect(await seriousViolations(page, '#rnn-concat-demo')).toEqual([]);
  expect(problems.list).toEqual([]);
});

test('bptt-graph: a factor lights its node and its term’s path, with its value', async ({
  page,
  problems,
}) => {
  await page.goto('/en/bptt');
  const fig = page.locator('#bptt-graph');
  await fig.scrollIntoViewIfNeeded();
  await fig.getByRole('button', { name: 'Last step' }).click();
  const eq = fig.getByRole('group', { name: 'The terms of ∂L/∂W_hh, symbol by symbol' });
  await oneTabStop(eq);
  await eq.locator('[data-part="T31.D2"]').hover();
  await expect(fig.locator('[data-node="h2"]')).toHaveAttribute('data-linked', 'symbol');
  await expect(fig.locator('[data-node="l3"]')).toHaveAttribute('data-linked', 'path');
  await expect(fig.locator('.bg-readout')).toContainText(
    /D_2 = diag\(1 − H_2²\).*: diag\(\d\.\d{3}, \d\.\d{3}\)/,
  );
  // keyboard
  await page.mouse.move(0, 0);
  await eq.locator('[data-part][tabindex="0"]').focus();
  await expect(eq.locator('[data-part="dWhh"]')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(eq.locator('[data-part="T33.H"]')).toBeFocused();
  await expect(eq.locator('[data-part="T33.H"]')).toHaveAccessibleName(
    /^H_2ᵀ, the state that meets W_hh at step 3: \[/,
  );
  await expect(fig.locator('[data-node="h2"]')).toHaveAttribute('data-linked', 'symbol');
  await page.keyboard.press('ArrowRight');
  await expect(fig.locator('[data-node="o3"]')).toHaveAttribute('data-linked', 'symbol');
  // and back: a node lights its symbols
  await eq.locator('[data-part="T33.e"]').blur();
  await fig.locator('[data-node="h0"]').hover();
  await expect(eq.locator('.viz-lt-sym-on')).toHaveCount(3);
  expect(await seriousViolations(page, '#bptt-graph')).toEqual([]);
  expect(problems.list).toEqual([]);
});

test('gradient-flow: ρ lights the slider and the eigenvalue plot; the chart lights ‖∂L/∂h_t‖', async ({
  page,
  problems,
}) => {
  await page.goto('/en/bptt');
  const fig = page.locator('#bptt-gradient-norms');
  await fig.scrollIntoViewIfNeeded();
  const eq = fig.getByRole('group', { name: 'Why the gradient vanishes or explodes, symbol by symbol' });
  await oneTabStop(eq);
  await eq.locator('[data-part="rho"]').hover();
  await expect(fig.locator('[data-link="radius"]')).toHaveAttribute('data-linked', 'true');
  await expect(fig.locator('[data-link="eigen-rho"]')).toHaveAttribute('data-linked', 'true');
  await expect(fig.locator('.gf-readout')).toContainText('ρ = 0.9, the spectral radius of W_hh');
  // keyboard
  await page.mouse.move(0, 0);
  await eq.locator('[data-part][tabindex="0"]').focus();
  await expect(fig.locator('[data-link="norms-chart"]')).toHaveAttribute('data-linked', 'true');
  await expect(eq.locator('[data-part="dh"]')).toHaveAccessibleName(
    /^‖∂L\/∂h_t‖ for the RNN \(tanh\): .+ at t = 50, .+ at t = 1/,
  );
  await page.keyboard.press('End');
  await expect(eq.locator('[data-part="rho"]')).toBeFocused();
  await expect(fig.locator('[data-link="radius"]')).toHaveAttribute('data-linked', 'true');
  // the slider moves the value the symbol names
  await fig.locator('[data-control="radius"]').fill('700');
  await expect(eq.locator('[data-part="rho"]')).not.toHaveAccessibleName(/^ρ = 0\.9,/);
  // and back: pointing at the eigenvalue plot lights W_hh
  await fig.locator('[data-link="eigen"]').hover();
  await expect(eq.locator('[data-part="Whh"]')).toHaveClass(/viz-lt-sym-on/);
  expect(await seriousViolations(page, '#bptt-gradient-norms')).toEqual([]);
  expect(problems.list).toEqual([]);
});

test('gate-inspector: a gate lights its strip and names its value at the character and unit', async ({
  page,
  problems,
}) => {
  // Tall enough that the whole figure fits: a hover that had to scroll first would slide other cells under the
  // resting pointer, and the cell the pointer lands on would pick the step and unit instead.
  await page.setViewportSize({ width: 1280, height: 1600 });
  await page.goto('/en/lstm');
  const fig = await showFigure(page.locator('#lstm-gate-inspector'));
  const eq = fig.getByRole('group', { name: /The cell’s equations/ });
  await oneTabStop(eq);
  await fig.getByRole('button', { name: 'Step 3: e' }).hover();
  await eq.locator('[data-part="f"]').first().hover();
  await expect(fig.locator('[data-strip="f"]')).toHaveAttribute('data-linked', 'true');
  await expect(fig.locator('.gi-eqs-readout')).toContainText(
    /F_t, forget gate, at step 3 \(e\), unit 1: \d\.\d{3}/,
  );
  // keyboard: the tab stop, then the arrows; the unit comes from the select
  await fig.getByLabel('Unit', { exact: true }).selectOption({ label: '3' });
  await page.mouse.move(0, 0);
  await eq.locator('[data-part][tabindex="0"]').focus();
  await expect(fig.locator('[data-strip="i"]')).toHaveAttribute('data-linked', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(eq.locator('[data-part="hprev"]').first()).toBeFocused();
  await expect(eq.locator('[data-part="hprev"]').first()).toHaveAccessibleName(
    /^H_t−1, previous hidden state, at step 3 \(e\), unit 3: −?\d\.\d{3}$/,
  );
  await expect(fig.locator('[data-strip="h"]')).toHaveAttribute('data-linked', 'true');
  // and back: a strip lights its symbols
  await eq.locator('[data-part="hprev"]').first().blur();
  await fig.locator('[data-strip="c"] h4').hover();
  await expect(eq.locator('[data-part="c"].viz-lt-sym-on')).toHaveCount(2);
  await expect(eq.locator('[data-part="cprev"]')).toHaveClass(/viz-lt-sym-on/);
  expect(await seriousViolations(page, '#lstm-gate-inspector')).toEqual([]);
  expect(problems.list).toEqual([]);
});

test('speaks Chinese: one symbol in each figure', async ({ page, problems }) => {
  await page.goto('/zh/rnn');
  const concat = page.locator('#rnn-concat-demo');
  await concat.scrollIntoViewIfNeeded();
  const ceq = concat.getByRole('group', { name: '逐个符号看这个等式' });
  await ceq.locator('[data-part="XH"]').hover();
  await expect(concat.locator('.ce-matrix[data-part="XH"]')).toHaveAttribute('data-on', 'true');
  await expect(concat.locator('.ce-readout')).toContainText('[X, H]：3 × 5（n × (d + h)）；第 1 行第 1 列 =');

  await page.goto('/zh/bptt');
  const graph = page.locator('#bptt-graph');
  await graph.scrollIntoViewIfNeeded();
  await graph.getByRole('button', { name: '最后一步' }).click();
  const beq = graph.getByRole('group', { name: '逐个符号看 ∂L/∂W_hh 的各项' });
  await beq.locator('[data-part][tabindex="0"]').focus();
  await expect(graph.locator('[data-node="Whh"]')).toHaveAttribute('data-linked', 'symbol');
  await expect(beq.locator('[data-part="dWhh"]')).toHaveAccessibleName(/^∂L\/∂W_hh，目前的 6 项之和：\[\[/);

  const flow = page.locator('#bptt-gradient-norms');
  await flow.scrollIntoViewIfNeeded();
  const feq = flow.getByRole('group', { name: '逐个符号看梯度为何消失或爆炸' });
  await feq.locator('[data-part="Whh"]').hover();
  await expect(flow.locator('[data-link="eigen"]')).toHaveAttribute('data-linked', 'true');
  await expect(flow.locator('.gf-readout')).toContainText('W_hh，16 × 16：谱半径 ρ = 0.9');

  await page.goto('/zh/gru');
  const gates = page.locator('#gru-gate-inspector');
  await gates.scrollIntoViewIfNeeded();
  const geq = gates.getByRole('group', { name: /单元的方程/ });
  await geq.locator('[data-part="z"]').first().hover();
  await expect(gates.locator('[data-strip="z"]')).toHaveAttribute('data-linked', 'true');
  await expect(gates.locator('.gi-eqs-readout')).toContainText(
    /Z_t，更新门，第 22 步（t），单元 1：\d\.\d{3}/,
  );
  expect(problems.list).toEqual([]);
});

test('phone width: the equation panels scroll inside themselves, the page does not', async ({
  page,
  problems,
}) => {
  await page.setViewportSize({ width: 390, height: 800 });
  for (const [path, ids] of [
    ['/en/rnn', ['#rnn-concat-demo']],
    ['/en/bptt', ['#bptt-graph', '#bptt-gradient-norms']],
    ['/en/lstm', ['#lstm-gate-inspector']],
  ] as const) {
    await page.goto(path);
    if (path === '/en/bptt') {
      await showFigure(page.locator('#bptt-graph'));
      await page.locator('#bptt-graph').getByRole('button', { name: 'Last step' }).click();
    }
    for (const id of ids) {
      await showFigure(page.locator(id));
      const eq = page.locator(`${id} .viz-lt-equations`);
      await eq.scrollIntoViewIfNeeded();
      await expect(eq).toBeVisible(LOAD);
      const box = await eq.boundingBox();
      expect(box && box.x + box.width, `${path} ${id}`).toBeLessThanOrEqual(390);
    }
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, path).toBeLessThanOrEqual(390);
  }
  expect(problems.list).toEqual([]);
});
