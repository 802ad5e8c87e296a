/** The reading app as a reader meets it: every page in both languages, the switches, the 404 page. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { languages, pathOf, toc } from '../../src/book/toc';
import { expect, showFigure, test } from './fixtures';

/** The prerendered page answers clicks only once React has taken it over. */
const hydrated = (page: Page) =>
  expect(page.locator('html')).toHaveAttribute('data-hydrated', '', { timeout: 20_000 });

for (const lang of languages) {
  for (const entry of toc) {
    const path = pathOf(lang, entry.slug);
    test(`${path} loads cleanly with its math typeset`, async ({ page, problems }) => {
      // axe over a chapter with several live figures (≈15k nodes) needs more than a minute on a busy machine.
      test.setTimeout(120_000);
      await page.goto(path);
      await expect(page.locator('h1')).toHaveText(entry.title[lang]);
      await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-Hans' : 'en');
      await expect(page).toHaveTitle(new RegExp(entry.title[lang].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      const math = page.locator('.page .katex');
      // Every chapter and appendix has math, except the glossary (words only).
      if (entry.slug && entry.slug !== 'glossary') expect(await math.count()).toBeGreaterThan(0);
      await expect(page.locator('.katex-error')).toHaveCount(0);
      // Hydration finished and the page is interactive: the theme button answers.
      await expect(page.locator('.theme-button')).toBeEnabled();
      await page.waitForLoadState('networkidle');
      // Figures mount as the reader nears them; bring each into view so axe checks the live widgets too.
      for (const figure of await page.locator('figure[data-widget]').all()) await showFigure(figure);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForLoadState('networkidle');
      // As a keyboard reader starts: the first Tab gives every wide block far down the page its tab stop.
      await page.keyboard.press('Tab');
      const axe = await new AxeBuilder({ page }).exclude('.katex-mathml').analyze();
      const serious = axe.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map(
          (violation) =>
            `${violation.id}: ${violation.nodes
              .map((node) => node.target.join(' '))
              .slice(0, 3)
              .join(', ')}`,
        );
      expect(serious).toEqual([]);
      expect(problems.list).toEqual([]);
    });
  }
}

test('the language switch keeps the page and the section', async ({ page, problems }) => {
  await page.goto('/en/notation#notation-symbols');
  await hydrated(page);
  const link = page.locator('.language-link');
  await expect(link).toHaveAttribute('hreflang', 'zh-Hans');
  await link.click();
  await expect(page).toHaveURL(/\/zh\/notation#notation-/);
  await expect(page.locator('h1')).toHaveText('符号');
  await page.locator('.language-link').click();
  await expect(page).toHaveURL(/\/en\/notation/);
  expect(problems.list).toEqual([]);
});

test('the theme switch sets data-theme and is remembered', async ({ page, problems }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/en/');
  await hydrated(page);
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.getByRole('button', { name: 'Switch to the dark theme' }).click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await hydrated(page);
  await page.getByRole('button', { name: 'Switch to the light theme' }).click();
  await expect(html).toHaveAttribute('data-theme', 'light');
  expect(problems.list).toEqual([]);
});

test('the theme follows the system until the reader chooses', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/zh/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('an unknown page shows a 404 with a way back', async ({ page }) => {
  await page.goto('/en/no-such-chapter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await page.getByRole('link', { name: 'Go to the front page' }).click();
  await expect(page).toHaveURL(/\/en\/$/);
  await page.goto('/zh/no-such-chapter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('找不到该页面');
  await page.goto('/fr/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});

test.describe('the root sends the reader to their language', () => {
  test.use({ locale: 'zh-CN' });
  test('zh-CN goes to /zh/', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/zh\/$/);
  });
});

test('other languages go to /en/', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'de-DE' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page).toHaveURL(/\/en\/$/);
  await context.close();
});

test('on a phone the table of contents is a drawer', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 800 } });
  const page = await context.newPage();
  await page.goto('/en/');
  await hydrated(page);
  const toc = page.locator('#book-toc');
  await expect(toc).toBeHidden();
  await page.getByRole('button', { name: 'Open the table of contents' }).click();
  await expect(toc).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(toc).toBeHidden();
  await page.getByRole('button', { name: 'Open the table of contents' }).click();
  await toc.getByRole('link', { name: 'Notation' }).click();
  await expect(page).toHaveURL(/\/en\/notation$/);
  await expect(toc).toBeHidden();
  await context.close();
});

test('previous and next follow the table of contents', async ({ page }) => {
  await page.goto('/en/');
  await hydrated(page);
  const next = toc[1];
  await page.locator('.prev-next a[rel="next"]').click();
  await expect(page).toHaveURL(new RegExp(`/en/${next.slug}$`));
  await expect(page.locator('h1')).toHaveText(next.title.en);
  await page.locator('.prev-next a[rel="prev"]').click();
  await expect(page).toHaveURL(/\/en\/$/);
});
