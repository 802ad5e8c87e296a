/**
 * The pure parts of scripts/budgets.ts: which JavaScript a prerendered page loads before it is interactive (from
 * Vite's build manifest and the page's HTML), how big that is gzipped, whether built code evaluates strings as
 * code, and whether a page carries the Content-Security-Policy. No file system here: tests/book/budgets.test.ts
 * feeds these functions small made-up inputs.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { parseAst } from 'vite';

/** One entry of dist/.vite/manifest.json (the fields this script reads). */
export interface ManifestChunk {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  /** Chunks this one imports statically: loaded before it runs. */
  imports?: string[];
  /** Chunks it may import later (widgets, search): not initial. */
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/** The page budget: initial JavaScript, gzipped, per prerendered page. */
export const PAGE_BUDGET_BYTES = 250_000;

/**
 * Manifest keys reachable from `roots` through static imports only (a chunk's dynamic imports load later and do
 * not count), roots first, then in the order they are found. A key missing from the manifest is an error: the
 * manifest and the build disagree.
 */
export function staticClosure(manifest: Manifest, roots: readonly string[]): string[] {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const key = queue.shift()!;
    if (seen.has(key)) continue;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`manifest has no chunk ${key}`);
    seen.add(key);
    for (const next of chunk.imports ?? []) if (!seen.has(next)) queue.push(next);
  }
  return [...seen];
}

/** The manifest key of a built file (`assets/index-x.js` → `index.html`), if the manifest knows it. */
export function keyOfFile(manifest: Manifest, file: string): string | undefined {
  const clean = file.replace(/^\/+/, '');
  return Object.keys(manifest).find((key) => manifest[key].file === clean);
}

/** What an HTML page loads as script: classic and module `<script src>`, `<link rel="modulepreload">`, inline. */
export interface HtmlScripts {
  scripts: string[];
  modulePreloads: string[];
  /** Inline `<script>` bodies (a CSP without 'unsafe-inline' blocks them). */
  inline: string[];
}

const attr = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined);

export function htmlScripts(html: string): HtmlScripts {
  const out: HtmlScripts = { scripts: [], modulePreloads: [], inline: [] };
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const src = attr(match[1], 'src');
    if (src !== undefined) out.scripts.push(src);
    else if (match[2].trim() !== '' && !/type\s*=\s*["']?application\/(ld\+)?json/i.test(match[1]))
      out.inline.push(match[2]); // untrimmed: the CSP hashes the exact text
  }
  for (const match of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attr(match[0], 'rel');
    const href = attr(match[0], 'href');
    if (rel?.toLowerCase() === 'modulepreload' && href) out.modulePreloads.push(href);
  }
  return out;
}

/** A same-origin path (`/assets/x.js`, `assets/x.js`) without query or hash; undefined for another origin. */
export function localPath(url: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) return undefined;
  return `/${url.replace(/[?#].*$/, '').replace(/^\.?\/+/, '')}`;
}

export interface PageJs {
  /** Files (paths from the site root) that run before the page is interactive. */
  initial: string[];
  /** Of those, the files of the shared entry (the same on every page). */
  entry: string[];
  /** Widget chunks the page then loads lazily (not counted against the budget). */
  lazy: string[];
}

/**
 * The JavaScript a page loads up front: every script and modulepreload its HTML names, everything those import
 * statically, and the page's own content chunk (`pageKey`, which entry-client.tsx awaits before hydrating) with its
 * static imports. `lazyKeys` are the widget chunks the page shows; what they add beyond the initial set is listed
 * apart.
 */
export function pageJs(
  manifest: Manifest,
  html: string,
  pageKey: string | undefined,
  lazyKeys: readonly string[] = [],
): PageJs {
  const { scripts, modulePreloads } = htmlScripts(html);
  const outside: string[] = [];
  const roots: string[] = [];
  for (const url of [...scripts, ...modulePreloads]) {
    const path = localPath(url);
    if (!path) continue;
    const key = keyOfFile(manifest, path);
    if (key) roots.push(key);
    else outside.push(path); // e.g. public/theme-init.js: not in the manifest, still initial
  }
  const files = (keys: string[]) =>
    keys.map((key) => `/${manifest[key].file}`).filter((f) => f.endsWith('.js'));
  const entry = [...new Set([...outside, ...files(staticClosure(manifest, roots))])];
  // the shared entry first, then what the page's chunk adds
  const initial = [...new Set([...entry, ...files(pageKey ? staticClosure(manifest, [pageKey]) : [])])];
  const lazy = files(staticClosure(manifest, lazyKeys)).filter((f) => !initial.includes(f));
  return { initial, entry, lazy: [...new Set(lazy)] };
}

/** Gzip size the way a static host serves it (zlib's default level, as Vite's size report). */
export function gzipBytes(content: Uint8Array | string): number {
  return gzipSync(content).length;
}

/** Sum of sizes, each file counted once. */
export function totalBytes(files: readonly string[], sizeOf: (file: string) => number): number {
  return [...new Set(files)].reduce((sum, file) => sum + sizeOf(file), 0);
}

export const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

// ---------- code from strings ----------

export interface DynamicCode {
  /** What was found: eval(…), new Function(…), a string given to setTimeout, … */
  kind: string;
  offset: number;
  snippet: string;
}

type Walkable = { type: string; start: number; end: number; [key: string]: unknown };

function isNode(value: unknown): value is Walkable {
  return (
    typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
  );
}

function walk(node: Walkable, visit: (node: Walkable) => void): void {
  visit(node);
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (Array.isArray(value)) for (const item of value) isNode(item) && walk(item, visit);
    else if (isNode(value)) walk(value, visit);
  }
}

const GLOBALS = new Set(['window', 'self', 'globalThis', 'global']);

/** `eval`, `window.eval`, `globalThis['eval']`, `(0, eval)`: the callee names the global `name`. */
function names(callee: Walkable, name: string): boolean {
  if (callee.type === 'Identifier') return callee.name === name;
  if (callee.type === 'ParenthesizedExpression') return names(callee.expression as Walkable, name);
  if (callee.type === 'SequenceExpression') {
    const list = callee.expressions as Walkable[];
    return names(list[list.length - 1], name);
  }
  if (callee.type === 'MemberExpression' || callee.type === 'StaticMemberExpression') {
    const object = callee.object as Walkable;
    const property = callee.property as Walkable;
    const propName =
      property.type === 'Identifier' && !callee.computed
        ? property.name
        : property.type === 'Literal'
          ? property.value
          : undefined;
    return propName === name && object.type === 'Identifier' && GLOBALS.has(object.name as string);
  }
  return false;
}

const isStringArgument = (node: Walkable | undefined) =>
  !!node &&
  ((node.type === 'Literal' && typeof node.value === 'string') ||
    node.type === 'TemplateLiteral' ||
    (node.type === 'BinaryExpression' && node.operator === '+'));

/**
 * Every place the code turns a string into code: direct or indirect `eval`, `Function(…)` / `new Function(…)`,
 * and a string (not a function) handed to setTimeout/setInterval. Found in the syntax tree, so the words inside
 * strings and comments (a Python listing's `model.eval()`, a prose "Function(") are not findings.
 */
export function findDynamicCode(source: string, fileName = 'chunk.js'): DynamicCode[] {
  const program = parseAst(source, null, fileName) as unknown as Walkable;
  const found: DynamicCode[] = [];
  const snippet = (node: Walkable) => {
    const from = Math.max(0, node.start - 60);
    return source.slice(from, Math.min(source.length, node.end + 60, node.start + 160)).replace(/\s+/g, ' ');
  };
  walk(program, (node) => {
    if (node.type !== 'CallExpression' && node.type !== 'NewExpression') return;
    const callee = node.callee as Walkable;
    const args = node.arguments as Walkable[];
    let kind: string | undefined;
    if (node.type === 'CallExpression' && names(callee, 'eval')) kind = 'eval(…)';
    else if (names(callee, 'Function'))
      kind = node.type === 'NewExpression' ? 'new Function(…)' : 'Function(…)';
    else if (
      node.type === 'CallExpression' &&
      (names(callee, 'setTimeout') || names(callee, 'setInterval')) &&
      isStringArgument(args[0])
    )
      kind = 'string passed to setTimeout/setInterval';
    if (kind) found.push({ kind, offset: node.start, snippet: snippet(node) });
  });
  return found;
}

// ---------- Content-Security-Policy ----------

/** The CSP source that allows exactly this inline script: 'sha256-' and the base64 SHA-256 of its text. */
export function cspHashOf(scriptText: string): string {
  return `'sha256-${createHash('sha256').update(scriptText, 'utf8').digest('base64')}'`;
}

/** The CSP of a page's `<meta http-equiv="Content-Security-Policy">`, as directive → sources; null when absent. */
export function cspOf(html: string): Map<string, string[]> | null {
  for (const match of html.matchAll(/<meta\b[^>]*>/gi)) {
    if (attr(match[0], 'http-equiv')?.toLowerCase() !== 'content-security-policy') continue;
    const content = attr(match[0], 'content') ?? '';
    const directives = new Map<string, string[]>();
    for (const part of content.split(';')) {
      const [name, ...sources] = part.trim().split(/\s+/);
      if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
    }
    return directives;
  }
  return null;
}

/**
 * What is wrong with a page's CSP and scripts: no CSP meta, a script-src (or its default-src fallback) without
 * 'self' or with 'unsafe-eval' / 'unsafe-inline', or inline scripts the policy would block (one whose hash it
 * names runs). 'wasm-unsafe-eval'
 * (WebAssembly compilation, which the engine's wasm backend needs) is allowed.
 */
export function cspProblems(html: string): string[] {
  const csp = cspOf(html);
  if (!csp) return ['no Content-Security-Policy meta'];
  const problems: string[] = [];
  const scriptSrc = csp.get('script-src') ?? csp.get('default-src');
  if (!scriptSrc) problems.push('CSP has neither script-src nor default-src');
  else {
    if (!scriptSrc.includes("'self'")) problems.push("script-src lacks 'self'");
    if (scriptSrc.includes("'unsafe-eval'")) problems.push("script-src allows 'unsafe-eval'");
    if (scriptSrc.includes("'unsafe-inline'")) problems.push("script-src allows 'unsafe-inline'");
    if (scriptSrc.includes('*') || scriptSrc.some((s) => /^(https?:|data:|blob:)$/.test(s)))
      problems.push(`script-src allows any origin or scheme: ${scriptSrc.join(' ')}`);
  }
  if (!csp.get('object-src')?.includes("'none'")) problems.push("object-src is not 'none'");
  // An inline script runs only when the policy names its hash (the theme script); any other would be blocked.
  const blocked = htmlScripts(html).inline.filter((text) => !scriptSrc?.includes(cspHashOf(text)));
  if (blocked.length > 0)
    problems.push(`${blocked.length} inline <script> the CSP blocks: ${blocked[0].slice(0, 80)}`);
  return problems;
}

// ---------- the report ----------

/** A plain-text table: the first row is the header; numbers (all but the first column) right-aligned. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  const line = (row: readonly string[]) =>
    row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
