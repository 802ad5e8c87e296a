/**
 * Prepares the default corpora of the character-level language model into public/corpora/.
 *
 *   npx tsx scripts/prepare-corpora.ts           # rebuild tang.txt, english.txt, manifest.json
 *   npx tsx scripts/prepare-corpora.ts --check   # verify the committed files against manifest.json
 *
 * Rebuilding needs two Debian tools (the outputs are committed, so nothing else needs them):
 *   apt-get install opencc bible-kjv
 * - tang.txt: regular five- and seven-character Tang poems (jueju and lüshi: 4 or 8 lines, every
 *   line of 5 or all of 7 Han characters) from the `chinese-poetry` npm package's 全唐诗
 *   (dist/quantangshi, Traditional characters), converted to Simplified with OpenCC (`opencc -c t2s`),
 *   one poem per line, chosen evenly across the collection up to a byte budget. Deterministic.
 * - english.txt: Genesis and Exodus of the King James Version (1611, public domain) as shipped by
 *   Debian's `bible-kjv-text` package and printed by its `bible` program; one chapter per line.
 * See CORPORA.md for sources and licences.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'public/corpora');
const poetryDir = join(root, 'node_modules/chinese-poetry/dist/quantangshi');
const TANG_BUDGET = 360_000; // bytes of UTF-8

interface Entry {
  id: string;
  file: string;
  bytes: number;
  sha256: string;
  chars: number;
  title: { en: string; zh: string };
  source: string;
  licence: string;
}

function sha256(buf: Buffer | string): string {
  return createHash('sha256').update(buf).digest('hex');
}

function need(tool: string, pkg: string): void {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'pipe' });
  } catch {
    console.error(
      `prepare-corpora: the '${tool}' program is missing; install it with: apt-get install ${pkg}`,
    );
    process.exit(1);
  }
}

function packageVersion(dir: string): string {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
}

function debVersion(pkg: string): string {
  try {
    return execFileSync('dpkg-query', ['-W', `-f=\${Version}`, pkg], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

// ---------------------------------------------------------------- Tang poems
const HAN = '\\p{Script=Han}';
const COUPLET5 = new RegExp(`^${HAN}{5}，${HAN}{5}。$`, 'u');
const COUPLET7 = new RegExp(`^${HAN}{7}，${HAN}{7}。$`, 'u');

function tang(): { text: string; poems: number; pool: number } {
  const files = readdirSync(poetryDir)
    .filter((f) => /^poet\.tang\.\d+\.json$/.test(f))
    .sort((a, b) => Number(a.split('.')[2]) - Number(b.split('.')[2]));
  const seen = new Set<string>();
  const pool: string[] = [];
  for (const f of files) {
    const poems = JSON.parse(readFileSync(join(poetryDir, f), 'utf8')) as { paragraphs?: string[] }[];
    for (const p of poems) {
      const paras = (p.paragraphs ?? []).map((s) => s.trim());
      if (paras.length !== 2 && paras.length !== 4) continue; // 4 or 8 lines: jueju, lüshi
      const re = COUPLET5.test(paras[0]) ? COUPLET5 : COUPLET7;
      if (!paras.every((s) => re.test(s))) continue;
      const poem = paras.join('');
      if (seen.has(poem)) continue;
      seen.add(poem);
      pool.push(poem);
    }
  }
  // one conversion for the whole pool (OpenCC works phrase by phrase inside each line)
  const simplified = execFileSync('opencc', ['-c', 't2s'], {
    input: pool.join('\n'),
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  })
    .split('\n')
    .filter((s) => s.length > 0);
  if (simplified.length !== pool.length) throw new Error('opencc changed the number of lines');
  // evenly spaced picks across the whole collection (all periods and poets), up to the budget
  const avg = Buffer.byteLength(simplified.join('\n')) / simplified.length;
  const count = Math.min(simplified.length, Math.floor(TANG_BUDGET / avg));
  const picked: string[] = [];
  let bytes = 0;
  for (let k = 0; k < count; k++) {
    const line = simplified[Math.floor((k * simplified.length) / count)];
    const b = Buffer.byteLength(line) + 1;
    if (bytes + b > TANG_BUDGET) break;
    picked.push(line);
    bytes += b;
  }
  return { text: `${picked.join('\n')}\n`, poems: picked.length, pool: pool.length };
}

// ---------------------------------------------------------------- English (KJV)
function english(): { text: string; chapters: number } {
  const raw = execFileSync('bible', ['-f', 'gen1:1-exo40:38'], {
    encoding: 'utf8',
    env: { ...process.env, COLUMNS: '100000' },
  });
  const chapters: string[] = [];
  let cur: string[] = [];
  let chapterKey = '';
  for (const line of raw.split('\n')) {
    const m = /^([1-3]?[A-Z][a-z]*)(\d+):(\d+) (.*)$/.exec(line);
    if (m) {
      const key = `${m[1]}${m[2]}`;
      if (key !== chapterKey && cur.length > 0) {
        chapters.push(cur.join(' '));
        cur = [];
      }
      chapterKey = key;
      cur.push(m[4].trim());
    } else if (line.trim() !== '' && cur.length > 0) {
      cur[cur.length - 1] += ` ${line.trim()}`;
    }
  }
  if (cur.length > 0) chapters.push(cur.join(' '));
  const text = `${chapters.map((c) => c.replace(/\s+/g, ' ')).join('\n')}\n`;
  return { text, chapters: chapters.length };
}

function check(): void {
  const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as { corpora: Entry[] };
  let bad = 0;
  for (const e of manifest.corpora) {
    const buf = readFileSync(join(outDir, e.file));
    const ok = buf.length === e.bytes && sha256(buf) === e.sha256;
    console.log(`${ok ? 'ok  ' : 'BAD '} ${e.file} ${buf.length} bytes`);
    if (!ok) bad++;
  }
  process.exit(bad ? 1 : 0);
}

function main(): void {
  if (process.argv.includes('--check')) {
    check();
    return;
  }
  need('opencc', 'opencc');
  need('bible', 'bible-kjv');
  if (!existsSync(poetryDir)) throw new Error(`missing ${poetryDir}: run npm ci`);
  mkdirSync(outDir, { recursive: true });
  const t0 = Date.now();
  const t = tang();
  const e = english();
  const entries: Entry[] = [];
  const write = (
    id: string,
    file: string,
    text: string,
    meta: Omit<Entry, 'id' | 'file' | 'bytes' | 'sha256' | 'chars'>,
  ) => {
    const buf = Buffer.from(text, 'utf8');
    writeFileSync(join(outDir, file), buf);
    entries.push({ id, file, bytes: buf.length, sha256: sha256(buf), chars: [...text].length, ...meta });
  };
  const poetryVersion = packageVersion(join(root, 'node_modules/chinese-poetry'));
  write('tang', 'tang.txt', t.text, {
    title: { en: 'Tang poems (five- and seven-character regular verse)', zh: '唐诗（五言、七言绝句与律诗）' },
    source: `npm chinese-poetry@${poetryVersion}, dist/quantangshi (全唐诗), ${t.poems} of ${t.pool} regular poems, converted to Simplified with OpenCC ${debVersion('opencc')} (t2s)`,
    licence: 'chinese-poetry: MIT; the Tang poems themselves are in the public domain',
  });
  write('english', 'english.txt', e.text, {
    title: { en: 'The King James Bible: Genesis and Exodus', zh: '英王钦定本圣经：创世记与出埃及记' },
    source: `Debian bible-kjv-text ${debVersion('bible-kjv-text')} (printed by the bible program), ${e.chapters} chapters`,
    licence: 'Public domain (1611 translation; Crown rights apply in the United Kingdom only)',
  });
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify({ corpora: entries }, null, 2)}\n`);
  for (const x of entries)
    console.log(`${x.file}: ${x.bytes} bytes, ${x.chars} characters, sha256 ${x.sha256.slice(0, 16)}…`);
  console.log(`done in ${Date.now() - t0} ms`);
}

main();
