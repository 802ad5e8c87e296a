/**
 * After `vite build` (client) and `vite build --ssr` (server entry), writes one HTML file per route so every
 * page works on a plain static host: dist/<lang>/index.html, dist/<lang>/<slug>/index.html and
 * dist/<lang>/<slug>.html (for hosts that map /x to x.html), dist/404.html, and dist/index.html, which sends
 * the reader to their language (and, without JavaScript, offers both).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const server = (await import(pathToFileURL(join(root, 'dist-ssr', 'entry-server.js')).href)) as {
  render: (url: string) => string;
  routes: () => { lang: 'en' | 'zh'; slug: string; title: string; description: string }[];
};
const template = readFileSync(join(dist, 'index.html'), 'utf8');

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
  const alternates = `<link rel="alternate" hreflang="${other === 'zh' ? 'zh-Hans' : 'en'}" href="${route.slug ? `/${other}/${route.slug}` : `/${other}/`}" />`;
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
rmSync(join(root, 'dist-ssr'), { recursive: true, force: true });
console.log(`prerendered ${count} pages, 404.html and the language chooser`);
