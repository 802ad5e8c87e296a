import { describe, expect, it } from 'vitest';
import { layoutCell, partsOf } from '../../src/viz/cellLayout';
import { isPartName, linePartsOf, linkedTexHtml, taggedParts, tagPart } from '../../src/viz/linkedMath';
import { backwardLines, equationLines } from '../../src/widgets/unrolled-stepper/equations';

describe('linked math: tagging', () => {
  it('tags a symbol with its part, and lists the parts of a string once each, in order', () => {
    expect(tagPart('W_hh', '\\Whh')).toBe('\\htmlData{part=W_hh}{\\Whh}');
    const tex = `${tagPart('X', 'X')} ${tagPart('W_xh', '\\Wxh')} + ${tagPart('X', 'X')} ${tagPart('op:r*(W_hn h)', 'r')}`;
    expect(taggedParts(tex)).toEqual(['X', 'W_xh', 'op:r*(W_hn h)']);
    expect(
      linePartsOf([{ lhs: tagPart('h', 'h'), rhs: tagPart('a', 'a') }, { rhs: tagPart('b', 'b') }]),
    ).toEqual(['h', 'a', 'b']);
  });

  it('carries an optional keyboard order, and still lists the part', () => {
    const tex = tagPart('sum', '3 \\times 4', 5);
    expect(tex).toBe('\\htmlData{part=sum,order=5}{3 \\times 4}');
    expect(taggedParts(tex)).toEqual(['sum']);
    expect(linkedTexHtml(tex)).toMatch(/data-part="sum" data-order="5"/);
    expect(() => tagPart('sum', 'x', 1.5)).toThrow(/integer/);
  });

  it('refuses part names that would break the \\htmlData argument', () => {
    for (const bad of ['', 'a,b', 'a=b', 'a}b', 'a{', '\\x', ' a', 'a ', 'a%b', 'a#b'])
      expect(isPartName(bad), bad).toBe(false);
    for (const good of ['x', 'W_hh', 'gate:f', 'op:(1-z)*n', 't3-1:D2'])
      expect(isPartName(good), good).toBe(true);
    expect(() => tagPart('a,b', 'x')).toThrow(/part name/);
  });

  it('typesets tagged parts as data-part attributes, with the book macros', () => {
    const html = linkedTexHtml(`${tagPart('W_hh', '\\Whh')}^\\top ${tagPart('gate:f', '\\Ft')}`);
    expect(html).toContain('data-part="W_hh"');
    expect(html).toContain('data-part="gate:f"');
    expect(html).not.toContain('katex-error');
  });

  it('stays strict: unknown macros and non-strict input throw', () => {
    expect(() => linkedTexHtml('\\nosuchmacro')).toThrow(/Undefined control sequence/);
    expect(() => linkedTexHtml('é')).toThrow(/strict/);
    expect(() => linkedTexHtml('\\frac{1}')).toThrow();
  });
});

describe('the stepper through the extracted helper', () => {
  it('typesets every line of every cell strictly, in both languages', () => {
    for (const cell of ['rnn', 'gru', 'lstm', 'jordan'] as const)
      for (const line of [
        ...equationLines(cell),
        ...backwardLines(cell, 'from the layer above'),
        ...backwardLines(cell, '来自上一层'),
      ]) {
        expect(() => linkedTexHtml(line.lhs)).not.toThrow();
        expect(() => linkedTexHtml(line.rhs)).not.toThrow();
      }
  });

  it('every tagged symbol names a part of the cell diagram or one the read-out shows', () => {
    // parts shown only in the read-out (the gradient, and the Jordan cell's output line)
    const readoutOnly: Record<string, string[]> = {
      rnn: ['grad'],
      gru: ['grad'],
      lstm: ['grad'],
      jordan: ['grad', 'h_prev', 'W_hq', 'b_q'],
    };
    for (const cell of ['rnn', 'gru', 'lstm', 'jordan'] as const) {
      const parts = new Set([...partsOf(layoutCell(cell)), ...readoutOnly[cell]]);
      const used = linePartsOf([...equationLines(cell), ...backwardLines(cell, '')]);
      expect(
        used.filter((p) => !parts.has(p)),
        cell,
      ).toEqual([]);
    }
  });
});
