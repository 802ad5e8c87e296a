/**
 * Screenshots for looking at the book: npx tsx scripts/shoot.ts URL_PATH [--width 1280] [--dark] [--full] [--out FILE]
 * Needs a server (npm run preview) on :4173. Prints console errors and failed requests it saw.
 */
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../tests/e2e/chromium.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : fallback;
};
const path = args.find((arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--')) ?? '/en/';
const width = Number(option('width', '1280'));
const out = option(
  'out',
  `/tmp/shot-${path.replace(/\W+/g, '_')}-${width}${flag('dark') ? '-dark' : ''}.png`,
);

const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
const page = await browser.newPage({
  viewport: { width, height: width < 600 ? 800 : 900 },
  colorScheme: flag('dark') ? 'dark' : 'light',
  deviceScaleFactor: 1,
});
page.on('console', (message) => {
  if (message.type() === 'error' || message.type() === 'warning')
    console.log(`console.${message.type()}: ${message.text()}`);
});
page.on('pageerror', (error) => console.log(`pageerror: ${error.message}`));
page.on('requestfailed', (request) => console.log(`requestfailed: ${request.url()}`));
await page.goto(`http://localhost:4173${path}`, { waitUntil: 'networkidle' });
await page.waitForTimeout(Number(option('wait', '300')));
await page.screenshot({ path: out, fullPage: flag('full') });
console.log(out);
await browser.close();
