// @vitest-environment jsdom
/**
 * Reader text is never inserted as HTML. The only HTML the app inserts is KaTeX's output of TeX (MathText's
 * renderTex, linked math's linkedTexHtml (src/viz/linkedMath.ts)); every such place is listed here and a new one fails until it is reviewed.
 * Hostile text (an `<img onerror>` payload) typed into a sequence, put in `\text{…}`, or given to a quiz comes out
 * as text, never as an element or an event-handler attribute.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { linkedTexHtml as texHtml } from '../../src/viz/linkedMath';
import ElmanJordan from '../../src/widgets/elman-jordan';
import GateInspector from '../../src/widgets/gate-inspector';
import HiddenStateHeatmap from '../../src/widgets/hidden-state-heatmap';
import Quiz from '../../src/widgets/quiz/Quiz';
import { MathText, renderTex } from '../../src/widgets/shared/MathText';
import UnrolledStepper from '../../src/widgets/unrolled-stepper';

declare global {
  interface Window {
    __xss?: number;
  }
}

const root = resolve(import.meta.dirname, '../..');
const PAYLOAD = '<img src=x onerror="window.__xss=1">';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
  delete window.__xss;
});

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx|js)$/.test(name) ? [path] : [];
  });
}

/** No element the payload could create, and no on* attribute anywhere. */
function expectInert(container: Element) {
  expect(container.querySelector('img, script, iframe, object, embed')).toBeNull();
  const handlers = [...container.querySelectorAll('*')].flatMap((el) =>
    [...el.attributes]
      .filter((a) => a.name.toLowerCase().startsWith('on'))
      .map((a) => `${el.tagName} ${a.name}`),
  );
  expect(handlers).toEqual([]);
  expect(window.__xss).toBeUndefined();
}

describe('HTML sinks in src', () => {
  // file → what the inserted HTML must be built by (KaTeX output of TeX)
  const allowed: Record<string, RegExp> = {
    'src/widgets/shared/MathText.tsx': /__html: renderTex\(part\.value\)/,
    'src/widgets/bptt-graph/index.tsx': /__html: renderTex\(tex, display\)/,
    'src/viz/LinkedTex.tsx': /__html: linkedTexHtml\(line\.(lhs|rhs)\)/,
    'src/widgets/elman-jordan/NetworkPanel.tsx': /__html: renderTex\(EQUATION\[kind\]\)/,
    'src/widgets/concat-equivalence/ConcatEquivalence.tsx': /__html: renderTex\(tex, true\)/,
  };
  const sink =
    /dangerouslySetInnerHTML|\.innerHTML\s*[+]?=|\.outerHTML\s*=|insertAdjacentHTML|document\.write|createContextualFragment|srcdoc/;

  it('every place that inserts HTML inserts KaTeX output, nowhere else', () => {
    const found: string[] = [];
    for (const path of files(join(root, 'src'))) {
      const name = relative(root, path);
      readFileSync(path, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (!sink.test(line)) return;
          const rule = allowed[name];
          if (!rule?.test(line)) found.push(`${name}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found, 'an HTML sink that is not KaTeX output of our TeX: review it, then list it here').toEqual(
      [],
    );
  });
});

describe('KaTeX output of hostile TeX', () => {
  it('escapes markup inside \\text{…} and in math', () => {
    for (const tex of [`\\text{${PAYLOAD}}`, PAYLOAD, `x_{\\text{${PAYLOAD}}}`, `\\mathrm{${PAYLOAD}}`]) {
      const html = renderTex(tex);
      expect(html).not.toMatch(/<img|<script/i);
      const box = document.createElement('div');
      box.innerHTML = html;
      expectInert(box);
    }
    expect(renderTex(`\\text{${PAYLOAD}}`)).toContain('&lt;img');
  });

  it('refuses links, raw HTML commands and data attributes in renderTex (no trust)', () => {
    for (const tex of [
      '\\href{javascript:alert(1)}{x}',
      '\\url{javascript:alert(1)}',
      '\\htmlData{onerror=alert(1)}{x}',
      '\\htmlClass{x" onclick="alert(1)}{x}',
      '\\htmlStyle{background:url(javascript:alert(1))}{x}',
      '\\includegraphics{x.png}',
    ]) {
      const box = document.createElement('div');
      box.innerHTML = renderTex(tex);
      expectInert(box);
      // `javascript:` may appear as text (the TeX annotation), never in an attribute
      expect(box.querySelector('a, [href], [src], [data-onerror], [style*="url("]')).toBeNull();
      expect(box.querySelector('.x[onclick], [class*="onclick"]')).toBeNull();
    }
  });

  it('linked math trusts \\htmlData only, which can set data-* attributes and nothing else', () => {
    const box = document.createElement('div');
    box.innerHTML = texHtml('\\htmlData{onerror=alert(1), part=x}{x} + \\href{javascript:alert(1)}{y}');
    expectInert(box);
    expect(box.querySelector('[data-onerror]')).not.toBeNull();
    expect(box.querySelector('a')).toBeNull();
    // linked math throws on bad TeX (an underscore in \text), so the payload here has none
    box.innerHTML = texHtml('\\text{<img src=x onerror="alert(1)">}');
    expectInert(box);
    expect(box.textContent).toContain('<img');
  });
});

describe('reader text in widgets is text', () => {
  it('MathText: outside and inside $…$', () => {
    const { container } = render(<MathText text={`${PAYLOAD} and $\\text{${PAYLOAD}}$`} />);
    expectInert(container);
    expect(container.textContent).toContain('<img src=x');
  });

  it('a quiz with hostile prompt and options', () => {
    const { container } = render(
      <Quiz
        lang="en"
        id="q"
        questions={[
          {
            kind: 'choice',
            prompt: PAYLOAD,
            options: [PAYLOAD, `$${PAYLOAD}$`],
            answer: 0,
            explain: PAYLOAD,
          },
        ]}
      />,
    );
    expectInert(container);
  });

  it('typed sequences in the stepper, the heatmap, Elman/Jordan and the gate inspector', () => {
    for (const widget of [
      <UnrolledStepper key="s" lang="en" id="s" sequence={PAYLOAD} />,
      <HiddenStateHeatmap key="h" lang="en" id="h" sequence={PAYLOAD} />,
      <ElmanJordan key="e" lang="en" id="e" sequence={PAYLOAD} />,
      <GateInspector key="g" lang="en" id="g" cell="lstm" sequence={PAYLOAD} />,
    ]) {
      const { container, unmount } = render(widget);
      expectInert(container);
      // the characters are on the page as text (at least the first few the widget reads)
      expect(container.textContent).toContain('<');
      unmount();
    }
  });
});
