/** A page that records console errors and failed requests, so every test can assert there were none. */
import { test as base, expect, type Locator, type Page } from '@playwright/test';

export interface Problems {
  list: string[];
}

export const test = base.extend<{ problems: Problems }>({
  problems: async ({ page }, use) => {
    const problems: Problems = { list: [] };
    watch(page, problems);
    await use(problems);
  },
});

export function watch(page: Page, problems: Problems) {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.list.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.list.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => {
    // A request the browser itself cancels (a reload or navigation that starts before it finished) is not a failure.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.list.push(`failed: ${request.url()} ${request.failure()?.errorText}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.list.push(`HTTP ${response.status()}: ${response.url()}`);
  });
}

export { expect };

/**
 * Brings a figure into view, as a reader scrolling to it would, and waits until its live body has replaced the
 * placeholder: figures mount only when they come near the viewport (WidgetFrame), so a control inside one does not
 * exist before that.
 */
export async function showFigure(figure: Locator): Promise<Locator> {
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator('.widget-placeholder')).toHaveCount(0, { timeout: 20_000 });
  return figure;
}
