/**
 * After `vite build` (client) and `vite build --ssr` (server entry), writes one HTML file per route so every
 * page works on a plain static host: dist/<lang>/index.html, dist/<lang>/<slug>/index.html and
 * dist/<lang>/<slug>.html (for hosts that map /x to x.html), dist/404.html, and dist/index.html, which sends
 * the reader to their language (and, without JavaScript, offers both). Last, dist/sw.js: the service worker that
 * keeps the whole book (every route, chunk, KaTeX font and corpus) for offline reading.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
// BOOK_DIST / BOOK_SSR let a private build (e.g. to check a change while others build) live elsewhere.
const dist = resolve(root, process.env.BOOK_DIST ?? 'dist');
const ssr = resolve(root, process.env.BOOK_SSR ?? 'dist-ssr');
const server = (await import(pathToFileURL(join(ssr, 'entry-server.js')).href)) as {
  render: (url: string) => string;
  routes: () => { lang: 'en' | 'zh'; slug: string; title: string; description: string }[];
};
const template = readFileSync(join(dist, 'index.html'), 'utf8');

// The chapter's own chunk, which the entry would only ask for once it had run: named in the page's head, it is
// fetched beside the entry, and hydration starts as soon as both are in.
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<
  string,
  { file: string }
>;
function pageChunkPreload(lang: string, slug: string): string {
  const chunk = manifest[`content/${lang}/${slug}.mdx`];
  return chunk ? `<link rel="modulepreload" crossorigin href="/${chunk.file}" />` : '';
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function page(
  html: string,
  options: { lang: string; title: string; description?: string; alternates?: string },
) {
  let out = template.replace('<div id="root"></div>', `<div id="root">${html}</div>`);
  out = out.replace(/<html lang="[^"]*">/, `<html lang="${options.lang}">`);
  out = out.replace(
    /<title>[^<]*<\/title>/,
    `<title>${escapeHtml(options.title)}</title>${options.alternates ?? ''}`,
  );
  if (options.description) {
    out = out.replace(
      /<meta name="description" content="[^"]*"/,
      `<meta name="description" content="${escapeHtml(options.description)}"`,
    );
  }
  return out;
}

function write(path: string, html: string) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, html);
}

let count = 0;
for (const route of server.routes()) {
  const url = route.slug ? `/${route.lang}/${route.slug}` : `/${route.lang}/`;
  const other = route.lang === 'en' ? 'zh' : 'en';
  const alternates =
    `<link rel="alternate" hreflang="${other === 'zh' ? 'zh-Hans' : 'en'}" href="${route.slug ? `/${other}/${route.slug}` : `/${other}/`}" />` +
    pageChunkPreload(route.lang, route.slug);
  const html = page(server.render(url), {
    lang: route.lang === 'zh' ? 'zh-Hans' : 'en',
    title: route.title,
    description: route.description,
    alternates,
  });
  if (route.slug) {
    write(join(dist, route.lang, route.slug, 'index.html'), html);
    write(join(dist, route.lang, `${route.slug}.html`), html);
  } else {
    write(join(dist, route.lang, 'index.html'), html);
  }
  count++;
}

write(
  join(dist, '404.html'),
  page(server.render('/404'), { lang: 'en', title: 'Page not found — Unrolled' }),
);

// The root keeps the client app (which redirects by browser language) and, for readers without JavaScript,
// links to both languages.
const chooser =
  '<main class="not-found" id="main"><h1>Unrolled</h1><p><a href="/en/" hreflang="en">Read in English</a></p>' +
  '<p lang="zh-Hans"><a href="/zh/" hreflang="zh-Hans">阅读中文版</a></p></main>';
write(
  join(dist, 'index.html'),
  page(chooser, { lang: 'en', title: 'Unrolled — Recurrent neural networks, step by step' }),
);
rmSync(ssr, { recursive: true, force: true });
console.log(`prerendered ${count} pages, 404.html and the language chooser`);

// ---------- the service worker ----------

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

const urlOf = (path: string) => `/${relative(dist, path).split(sep).join('/')}`;
const files = listFiles(dist).filter((path) => !path.endsWith(`${sep}sw.js`));
// Pages are kept under their route (/en/rnn), not under the files that serve them; KaTeX's CSS lists woff2
// first, which every browser that runs a service worker reads, so the .woff and .ttf copies stay out.
const assets = files
  .map(urlOf)
  .filter(
    (url) =>
      !url.endsWith('.html') &&
      !/\.(ttf|woff)$/.test(url) &&
      !url.endsWith('.map') &&
      // the build manifest is for scripts/budgets.ts, not for readers
      !url.startsWith('/.vite/'),
  )
  .sort();
const pages = [
  '/',
  ...server.routes().map((route) => (route.slug ? `/${route.lang}/${route.slug}` : `/${route.lang}/`)),
  '/404.html',
];
const digest = createHash('sha256');
for (const path of files.sort()) digest.update(urlOf(path)).update(readFileSync(path));
const version = digest.digest('hex').slice(0, 16);
const bytes = files
  .filter((path) => assets.includes(urlOf(path)) || path.endsWith('.html'))
  .reduce((sum, path) => sum + statSync(path).size, 0);

const worker = readFileSync(join(root, 'src', 'book', 'offline', 'sw-template.js'), 'utf8')
  .replace('__VERSION__', version)
  .replace('__PAGES__', JSON.stringify(pages))
  .replace('__ASSETS__', JSON.stringify(assets));
writeFileSync(join(dist, 'sw.js'), worker);
console.log(
  `sw.js ${version}: ${pages.length} pages and ${assets.length} files (≈${(bytes / 1e6).toFixed(1)} MB) for offline reading`,
);
