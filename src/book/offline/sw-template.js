// The book's service worker. scripts/prerender.ts fills in the version and the file lists from the built site
// and writes it to dist/sw.js; it is never bundled.
//
// - Install keeps every route's HTML, every chunk, the KaTeX fonts and the corpora in a cache named by the
//   build's content hash. Hashed files already kept by an older version are copied, not downloaded again.
// - Pages are network-first (so a rebuilt site is never hidden behind old HTML) and fall back to the cache when
//   offline; everything else is cache-first.
// - A new version waits until the page asks it to take over ("A new version is available — reload"), so an
//   open page never loses the chunks it was built with.

const VERSION = '__VERSION__';
const CACHE = `unrolled-${VERSION}`;
const PAGES = __PAGES__;
const ASSETS = new Set(__ASSETS__);
const HASHED = /^\/assets\//;

async function keep(cache, url) {
  if (HASHED.test(url)) {
    const old = await caches.match(url);
    if (old) return cache.put(url, old);
  }
  const response = await fetch(url, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  // Store a plain response: a redirected one may not answer a navigation.
  const body = await response.blob();
  return cache.put(url, new Response(body, { status: 200, headers: response.headers }));
}

async function keepAll() {
  const cache = await caches.open(CACHE);
  const queue = [...PAGES, ...ASSETS];
  // A few at a time: the reader's first visit should not feel the download.
  const workers = Array.from({ length: 4 }, async () => {
    while (queue.length > 0) await keep(cache, queue.shift());
  });
  await Promise.all(workers);
}

self.addEventListener('install', (event) => {
  event.waitUntil(keepAll());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((key) => key.startsWith('unrolled-') && key !== CACHE).map((key) => caches.delete(key)),
        ),
      ),
  );
});

self.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') self.skipWaiting();
});

/** The route a page URL names: /en/rnn, /en/rnn/, /en/rnn.html and /en/rnn/index.html are one page. */
function routeOf(pathname) {
  let path = pathname.replace(/\/index\.html$/, '/').replace(/\.html$/, '');
  if (/^\/(en|zh)$/.test(path)) return `${path}/`;
  if (/^\/(en|zh)\/.+\/$/.test(path)) path = path.slice(0, -1);
  return path;
}

async function page(request, url) {
  try {
    return await fetch(request);
  } catch (error) {
    const cache = await caches.open(CACHE);
    const kept = (await cache.match(routeOf(url.pathname))) ?? (await cache.match('/404.html'));
    if (kept) return kept;
    throw error;
  }
}

async function asset(request, url) {
  const cache = await caches.open(CACHE);
  const kept = (await cache.match(request)) ?? (await cache.match(url.pathname));
  return kept ?? fetch(request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') event.respondWith(page(request, url));
  else if (ASSETS.has(url.pathname)) event.respondWith(asset(request, url));
});
