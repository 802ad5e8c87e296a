/**
 * `npm run budgets` (and part of `npm test`, after the build): checks the built site in dist/.
 *
 * 1. Initial JavaScript per prerendered page (dist/<lang>/index.html, dist/<lang>/<slug>/index.html): the scripts
 *    and modulepreloads the HTML names, their static imports (from Vite's manifest, dist/.vite/manifest.json), and
 *    the page's content chunk, which entry-client.tsx loads before hydrating. Gzipped, at most 250 kB a page.
 *    Widget chunks load lazily after hydration: listed for information, not counted.
 * 2. No built JavaScript turns strings into code (eval, new Function, setTimeout("…")): found in the syntax tree,
 *    so words inside strings are not findings. WebAssembly compilation is not eval and is allowed by the CSP's
 *    'wasm-unsafe-eval'.
 * 3. Every HTML file carries the Content-Security-Policy meta with script-src 'self' and without 'unsafe-eval'.
 *
 * Prints a table and every problem; exits 1 when there is one.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import {
  cspProblems,
  findDynamicCode,
  gzipBytes,
  kB,
  type Manifest,
  PAGE_BUDGET_BYTES,
  pageJs,
  table,
  totalBytes,
} from './budgets-lib.ts';

const root = resolve(import.meta.dirname, '..');
const dist = resolve(root, process.env.BOOK_DIST ?? 'dist');
const manifestPath = join(dist, '.vite', 'manifest.json');
if (!existsSync(manifestPath)) {
  console.error(`budgets: ${relative(root, manifestPath)} is missing: run 'npm run build' first.`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}
const urlOf = (path: string) => `/${relative(dist, path).split(sep).join('/')}`;
const files = listFiles(dist);
const problems: string[] = [];

// ---------- 1. initial JavaScript per page ----------

const gzipCache = new Map<string, number>();
const gzipOf = (url: string) => {
  let size = gzipCache.get(url);
  if (size === undefined) {
    const path = join(dist, url);
    if (!existsSync(path)) {
      problems.push(`a page loads ${url}, which is not in dist/`);
      size = 0;
    } else size = gzipBytes(readFileSync(path));
    gzipCache.set(url, size);
  }
  return size;
};

/** The widget chunks a page shows, by the `data-widget` kinds in its HTML. */
function widgetKeys(html: string): string[] {
  const kinds = new Set([...html.matchAll(/data-widget="([a-z0-9-]+)"/g)].map((m) => m[1]));
  return Object.keys(manifest).filter((key) =>
    [...kinds].some((kind) => key.startsWith(`src/widgets/${kind}/`) && manifest[key].isDynamicEntry),
  );
}

const pagePattern = /^\/(en|zh)\/(?:([a-z0-9-]+)\/)?index\.html$/;
const pages = files
  .map(urlOf)
  .filter((url) => pagePattern.test(url))
  .sort();
if (pages.length === 0) problems.push('no prerendered pages in dist/<lang>/…/index.html');

const rows: string[][] = [['page', 'entry', 'page chunk', 'initial JS', 'budget', '+ lazy widgets']];
let largest = 0;
for (const url of pages) {
  const [, lang, slug] = pagePattern.exec(url)!;
  const html = readFileSync(join(dist, url), 'utf8');
  const pageKey = `content/${lang}/${slug ?? 'index'}.mdx`;
  if (!manifest[pageKey]) problems.push(`${url}: no chunk ${pageKey} in the manifest`);
  const js = pageJs(manifest, html, manifest[pageKey] ? pageKey : undefined, widgetKeys(html));
  const entry = totalBytes(js.entry, gzipOf);
  const initial = totalBytes(js.initial, gzipOf);
  const lazy = totalBytes(js.lazy, gzipOf);
  largest = Math.max(largest, initial);
  const over = initial > PAGE_BUDGET_BYTES;
  if (over)
    problems.push(
      `${url}: initial JavaScript ${kB(initial)} gzip is over the ${kB(PAGE_BUDGET_BYTES)} budget (${js.initial.join(', ')})`,
    );
  rows.push([
    `/${lang}/${slug ?? ''}`,
    kB(entry),
    kB(initial - entry),
    kB(initial),
    over ? 'OVER' : 'ok',
    lazy ? kB(lazy) : '-',
  ]);
}
console.log(
  `Initial JavaScript per page, gzip (budget ${kB(PAGE_BUDGET_BYTES)}; lazy widget chunks not counted):\n`,
);
console.log(table(rows));
console.log(`\nlargest: ${kB(largest)} of ${kB(PAGE_BUDGET_BYTES)}`);

// ---------- 2. no code from strings ----------

const scripts = files.filter((path) => /\.(m?js)$/.test(path));
let findings = 0;
for (const path of scripts) {
  let found: ReturnType<typeof findDynamicCode>;
  try {
    found = findDynamicCode(readFileSync(path, 'utf8'), path);
  } catch (e) {
    problems.push(`${urlOf(path)}: could not be parsed to look for eval: ${(e as Error).message}`);
    continue;
  }
  for (const f of found) {
    findings++;
    problems.push(`${urlOf(path)}:${f.offset}: ${f.kind}: …${f.snippet}…`);
  }
}
console.log(
  `\nCode from strings (eval, new Function, string timers) in ${scripts.length} built scripts: ${findings === 0 ? 'none' : findings}`,
);

// ---------- 3. Content-Security-Policy on every page ----------

const htmlFiles = files.filter((path) => path.endsWith('.html'));
let withCsp = 0;
for (const path of htmlFiles) {
  const found = cspProblems(readFileSync(path, 'utf8'));
  if (found.length === 0) withCsp++;
  for (const p of found) problems.push(`${urlOf(path)}: ${p}`);
}
console.log(
  `Content-Security-Policy (script-src 'self', no 'unsafe-eval', inline scripts only by hash): ${withCsp} of ${htmlFiles.length} HTML files`,
);

if (problems.length > 0) {
  console.error(`\nbudgets: ${problems.length} problem(s):`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log('\nbudgets: all checks passed');
