/** scripts/budgets-lib.ts: reachability over the build manifest, size accounting, eval finding, CSP checks. */
import { describe, expect, it } from 'vitest';
import {
  cspHashOf,
  cspProblems,
  findDynamicCode,
  gzipBytes,
  htmlScripts,
  localPath,
  type Manifest,
  pageJs,
  staticClosure,
  table,
  totalBytes,
} from '../../scripts/budgets-lib.ts';
import { fontPreloadTags, inlineThemeInit } from '../../scripts/vite-plugin-book.ts';

/** A build in miniature: an entry with a shared chunk and a lazy widget, two pages, a widget with its own deps. */
const manifest: Manifest = {
  'index.html': {
    file: 'assets/index-A.js',
    src: 'index.html',
    isEntry: true,
    imports: ['_vendor-B.js'],
    dynamicImports: ['content/en/rnn.mdx', 'content/en/lstm.mdx', 'src/widgets/stepper/index.tsx'],
    css: ['assets/index-A.css'],
  },
  '_vendor-B.js': { file: 'assets/vendor-B.js' },
  '_viz-C.js': { file: 'assets/viz-C.js', imports: ['index.html'] },
  '_katex-D.js': { file: 'assets/katex-D.js' },
  'content/en/rnn.mdx': {
    file: 'assets/rnn-E.js',
    src: 'content/en/rnn.mdx',
    isDynamicEntry: true,
    imports: ['index.html', '_viz-C.js'],
  },
  'content/en/lstm.mdx': {
    file: 'assets/lstm-F.js',
    src: 'content/en/lstm.mdx',
    isDynamicEntry: true,
    imports: ['index.html'],
  },
  'src/widgets/stepper/index.tsx': {
    file: 'assets/stepper-G.js',
    src: 'src/widgets/stepper/index.tsx',
    isDynamicEntry: true,
    // a cycle back to the entry, a chunk the page already has, and one of its own
    imports: ['index.html', '_viz-C.js', '_katex-D.js'],
    dynamicImports: ['content/en/lstm.mdx'],
  },
};

const html = `<!doctype html><html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'" />
<script src="/theme-init.js"></script>
<script type="module" crossorigin src="/assets/index-A.js"></script>
<link rel="stylesheet" href="/assets/index-A.css">
</head><body><div id="root"></div></body></html>`;

describe('reachability', () => {
  it('follows static imports only, through cycles, each chunk once', () => {
    expect(staticClosure(manifest, ['index.html'])).toEqual(['index.html', '_vendor-B.js']);
    expect(staticClosure(manifest, ['content/en/rnn.mdx'])).toEqual([
      'content/en/rnn.mdx',
      'index.html',
      '_viz-C.js',
      '_vendor-B.js',
    ]);
  });

  it('fails loudly on a key the manifest lacks', () => {
    expect(() => staticClosure(manifest, ['_gone.js'])).toThrow(/no chunk _gone\.js/);
  });

  it('reads scripts, modulepreloads and inline scripts from HTML', () => {
    const page = `${html}<link rel="modulepreload" crossorigin href="/assets/vendor-B.js"><script>alert(1)</script><script type="application/ld+json">{}</script>`;
    expect(htmlScripts(page)).toEqual({
      scripts: ['/theme-init.js', '/assets/index-A.js'],
      modulePreloads: ['/assets/vendor-B.js'],
      inline: ['alert(1)'],
    });
    expect(localPath('https://cdn.example/x.js')).toBeUndefined();
    expect(localPath('//cdn.example/x.js')).toBeUndefined();
    expect(localPath('./assets/a.js?v=1#x')).toBe('/assets/a.js');
  });

  it("a page's initial JS: the HTML's scripts, their imports and the page chunk; widgets apart", () => {
    const js = pageJs(manifest, html, 'content/en/rnn.mdx', ['src/widgets/stepper/index.tsx']);
    expect(js.entry).toEqual(['/theme-init.js', '/assets/index-A.js', '/assets/vendor-B.js']);
    expect(js.initial).toEqual([
      '/theme-init.js',
      '/assets/index-A.js',
      '/assets/vendor-B.js',
      '/assets/rnn-E.js',
      '/assets/viz-C.js',
    ]);
    // the widget adds its own chunk and KaTeX, not what the page already loaded, nor its dynamic imports
    expect(js.lazy).toEqual(['/assets/stepper-G.js', '/assets/katex-D.js']);
    // CSS is not JavaScript
    expect(js.initial.some((f) => f.endsWith('.css'))).toBe(false);
  });

  it('a page without its own chunk (the language chooser) has only the entry', () => {
    const js = pageJs(manifest, html, undefined);
    expect(js.initial).toEqual(js.entry);
    expect(js.lazy).toEqual([]);
  });
});

describe('size accounting', () => {
  it('counts each file once and sums the sizes', () => {
    const sizes: Record<string, number> = { '/a.js': 100, '/b.js': 20 };
    expect(totalBytes(['/a.js', '/b.js', '/a.js'], (f) => sizes[f])).toBe(120);
    expect(totalBytes([], () => 1)).toBe(0);
  });

  it('gzip shrinks repetitive code and is deterministic', () => {
    const code = 'export const x = 1;\n'.repeat(1000);
    expect(gzipBytes(code)).toBeLessThan(code.length / 20);
    expect(gzipBytes(code)).toBe(gzipBytes(Buffer.from(code)));
  });

  it('prints an aligned table', () => {
    const text = table([
      ['page', 'size'],
      ['/en/rnn', '1.0 kB'],
      ['/zh/', '10.0 kB'],
    ]);
    expect(text.split('\n')).toEqual([
      'page        size',
      '-------  -------',
      '/en/rnn   1.0 kB',
      '/zh/     10.0 kB',
    ]);
  });
});

describe('code from strings', () => {
  it('finds eval, indirect eval, Function and string timers', () => {
    const source = [
      'eval("1+1");',
      'var g=(0,eval)("this");',
      'window.eval(s);',
      "globalThis['eval'](s);",
      'new Function("a","return a");',
      'var f=Function("return this")();',
      'self.Function("x");',
      'setTimeout("tick()", 10);',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: JavaScript source under test, a template literal
      'setInterval(`x${1}`, 10);',
    ].join('\n');
    const kinds = findDynamicCode(source).map((f) => f.kind);
    expect(kinds).toEqual([
      'eval(…)',
      'eval(…)',
      'eval(…)',
      'eval(…)',
      'new Function(…)',
      'Function(…)',
      'Function(…)',
      'string passed to setTimeout/setInterval',
      'string passed to setTimeout/setInterval',
    ]);
  });

  it('ignores the words in strings, comments, methods and function timers', () => {
    const source = [
      'const listing = "model.eval()\\nnew Function(x)";',
      '// eval( in a comment; new Function in a comment',
      'model.eval(); obj.Function(); defineFunction({});',
      'setTimeout(() => tick(), 10); setTimeout(tick, 0);',
      'WebAssembly.instantiate(bytes);',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: JavaScript source under test, a template literal
      'const t = `eval(${x})`;',
    ].join('\n');
    expect(findDynamicCode(source)).toEqual([]);
  });

  it('gives a snippet around the finding', () => {
    const [f] = findDynamicCode('const a = 1; const b = eval(code); const c = 3;');
    expect(f.snippet).toContain('eval(code)');
    expect(f.offset).toBe(23);
  });
});

describe('Content-Security-Policy', () => {
  it("accepts script-src 'self' with 'wasm-unsafe-eval'", () => {
    expect(cspProblems(html)).toEqual([]);
  });

  it("refuses a missing policy, 'unsafe-eval', 'unsafe-inline', no 'self', inline scripts", () => {
    expect(cspProblems('<html><head></head></html>')).toEqual(['no Content-Security-Policy meta']);
    const withPolicy = (policy: string, extra = '') =>
      `<meta http-equiv="Content-Security-Policy" content="${policy}">${extra}`;
    expect(cspProblems(withPolicy("script-src 'self' 'unsafe-eval'; object-src 'none'"))).toEqual([
      "script-src allows 'unsafe-eval'",
    ]);
    expect(cspProblems(withPolicy("script-src 'self' 'unsafe-inline'; object-src 'none'"))).toEqual([
      "script-src allows 'unsafe-inline'",
    ]);
    expect(cspProblems(withPolicy("script-src https:; object-src 'none'"))).toEqual([
      "script-src lacks 'self'",
      'script-src allows any origin or scheme: https:',
    ]);
    // script-src falls back to default-src
    expect(cspProblems(withPolicy("default-src 'self' 'unsafe-eval'; object-src 'none'"))).toEqual([
      "script-src allows 'unsafe-eval'",
    ]);
    expect(cspProblems(withPolicy("script-src 'self'"))).toEqual(["object-src is not 'none'"]);
    expect(
      cspProblems(withPolicy("script-src 'self'; object-src 'none'", '<script>document.write(1)</script>')),
    ).toEqual(['1 inline <script> the CSP blocks: document.write(1)']);
  });

  it('lets an inline script run only when the policy names the hash of its exact text', () => {
    const script = 'document.documentElement.dataset.theme = "dark";';
    const policy = `script-src 'self' ${cspHashOf(script)}; object-src 'none'`;
    const page = (text: string) =>
      `<meta http-equiv="Content-Security-Policy" content="${policy}"><script>${text}</script>`;
    expect(cspProblems(page(script))).toEqual([]);
    // One more space is another text, another hash: the browser would refuse it.
    expect(cspProblems(page(` ${script}`))).toEqual([
      '1 inline <script> the CSP blocks:  document.documentElement.dataset.theme = "dark";',
    ]);
  });

  it('inlines the theme script into index.html with its hash in script-src', () => {
    const source =
      '// why, for the repository\n// more why\n(() => { document.documentElement.dataset.theme = "light"; })();\n';
    const out = inlineThemeInit(html, source);
    expect(out).not.toContain('src="/theme-init.js"');
    expect(out).toContain(
      '<script>(() => { document.documentElement.dataset.theme = "light"; })();</script>',
    );
    expect(out).not.toContain('for the repository');
    expect(cspProblems(out)).toEqual([]);
    expect(htmlScripts(out).scripts).toEqual(['/assets/index-A.js']);
    expect(() => inlineThemeInit('<html></html>', source)).toThrow(/lacks <script src="\/theme-init.js">/);
    expect(() => inlineThemeInit(html.replace(/<meta[^>]*>/, ''), source)).toThrow(/Content-Security-Policy/);
  });
});

describe('font preloads', () => {
  const bundle = [
    'assets/KaTeX_Main-BoldItalic-DxDJ3AOS.woff2',
    'assets/KaTeX_Main-Bold-Cx986IdX.woff2',
    'assets/KaTeX_Main-Bold-Jm3AIy58.woff',
    'assets/KaTeX_Main-Regular-B22Nviop.woff2',
    'assets/index-A.js',
  ];

  it('preloads the woff2 of exactly the named face, not a face whose name starts the same', () => {
    expect(fontPreloadTags(bundle, ['KaTeX_Main-Regular', 'KaTeX_Main-Bold'])).toEqual([
      '<link rel="preload" href="/assets/KaTeX_Main-Regular-B22Nviop.woff2" as="font" type="font/woff2" crossorigin />',
      '<link rel="preload" href="/assets/KaTeX_Main-Bold-Cx986IdX.woff2" as="font" type="font/woff2" crossorigin />',
    ]);
  });

  it('fails the build when a face to preload is not in it (a KaTeX upgrade renamed it)', () => {
    expect(() => fontPreloadTags(bundle, ['KaTeX_Math-Italic'])).toThrow(
      /no built woff2 for KaTeX_Math-Italic/,
    );
  });
});
