// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { formatFixed } from '../../src/viz';
import { linkedTexHtml } from '../../src/viz/linkedMath';
import BpttGraph from '../../src/widgets/bptt-graph';
import { EDGE_IDS, NODES } from '../../src/widgets/bptt-graph/Graph';
import {
  allParts,
  expansionLines,
  graphLink,
  parsePart,
  partName,
  termPath,
} from '../../src/widgets/bptt-graph/linked';
import { addM, type Mat, problemOf, runEngine, walk } from '../../src/widgets/bptt-graph/model';
import { STEPS } from '../../src/widgets/bptt-graph/store';

afterEach(cleanup);

describe('bptt-graph model', () => {
  it('replays the engine: ∂L/∂H_t and the sum of the W_hh terms equal the engine’s gradients', () => {
    for (const seed of [1, 2, 3, 99]) {
      const w = walk(problemOf(seed));
      expect(w.maxDiff).toBeLessThan(1e-12);
      expect(w.terms).toHaveLength(6); // pairs (i, t), t ≤ i, for T = 3
      const sum = w.terms.reduce((a, b) => addM(a, b.value), [0, 0, 0, 0] as Mat);
      for (let q = 0; q < 4; q++) expect(sum[q]).toBeCloseTo(w.engine.dWhh[q], 12);
      for (let q = 0; q < 2; q++) expect(w.dWxh[q]).toBeCloseTo(w.engine.dWxh[q], 12);
      expect(w.steps).toHaveLength(STEPS);
    }
  });

  it('the term for (i, t) carries i − t factors of W_hhᵀ, and the h_2 gradient has two parts', () => {
    const w = walk(problemOf(1));
    const dH2 = w.steps.find((s) => s.kind === 'dH' && s.t === 2)!;
    expect(dH2.fromFuture).toBeDefined();
    expect(dH2.edges).toEqual(['o2-h2', 'h3-h2']);
    const order = w.steps.filter((s) => s.kind === 'dW').map((s) => s.terms!.map((x) => x.i - x.t));
    expect(order).toEqual([[0], [0, 1], [0, 1, 2]]);
  });

  it('matches a hand computation of the forward pass', () => {
    const p = problemOf(5);
    const { fwd } = runEngine(p);
    const a1 = [
      p.x[0] * p.Wxh[0] + p.h0[0] * p.Whh[0] + p.h0[1] * p.Whh[2],
      p.x[0] * p.Wxh[1] + p.h0[0] * p.Whh[1] + p.h0[1] * p.Whh[3],
    ];
    expect(fwd.h[1][0]).toBeCloseTo(Math.tanh(a1[0]), 14);
    expect(fwd.h[1][1]).toBeCloseTo(Math.tanh(a1[1]), 14);
  });
});

describe('<BpttGraph>', () => {
  it('steps with buttons and keys, shows terms and the engine check (en)', () => {
    render(<BpttGraph lang="en" id="fig-bptt" />);
    expect(screen.getByText('Step 0 of 13')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Next step'));
    expect(screen.getByText('Step 1 of 13')).toBeTruthy();
    const nav = screen.getByRole('group', { name: /Backward pass/ });
    fireEvent.keyDown(nav, { key: 'End' });
    expect(screen.getByText('Step 13 of 13')).toBeTruthy();
    expect(document.querySelectorAll('tr[data-term]')).toHaveLength(6);
    expect(document.querySelector('.bg-check')?.getAttribute('data-ok')).toBe('true');
    fireEvent.keyDown(nav, { key: 'ArrowLeft' });
    expect(screen.getByText('Step 12 of 13')).toBeTruthy();
    fireEvent.keyDown(nav, { key: 'Home' });
    expect(document.querySelectorAll('tr[data-term]')).toHaveLength(0);
    expect(window.location.search).toContain('fig-bptt=');
  });

  it('speaks Chinese', () => {
    render(<BpttGraph lang="zh" id="fig-bptt-zh" />);
    expect(screen.getByLabelText('下一步')).toBeTruthy();
    expect(screen.getByText('第 0 步，共 13 步')).toBeTruthy();
  });
});

describe('bptt-graph: the expansion linked to the graph', () => {
  it('every symbol of the full expansion names nodes and edges the graph draws (no dangling links)', () => {
    const w = walk(problemOf(1));
    const parts = allParts();
    // ∂L/∂W_hh, then per term H, e, D_t plus (D_j, W_hhᵀ) for each factor: 6 terms, 3 + 3 + 5 + 3 + 5 + 7
    expect(parts).toHaveLength(1 + 26);
    const nodeIds = new Set(NODES.map((n) => n.id));
    const edgeIds = new Set(EDGE_IDS);
    for (const p of parts) {
      expect(partName(parsePart(p)!)).toBe(p);
      const link = graphLink(p, w.terms)!;
      expect(link, p).not.toBeNull();
      for (const n of [...link.nodes, ...link.pathNodes])
        expect(nodeIds.has(n), `${p}: node ${n}`).toBe(true);
      for (const e of [...link.edges, ...link.pathEdges])
        expect(edgeIds.has(e), `${p}: edge ${e}`).toBe(true);
    }
    expect(() => linkedTexHtml(expansionLines(w.terms)[0].rhs)).not.toThrow();
  });

  it('the path of term (i, t) crosses i − t recurrent edges, one per factor of W_hhᵀ', () => {
    for (const { i, t } of walk(problemOf(2)).terms) {
      const rec = termPath(i, t).edges.filter((e) => /^h\d-h\d$/.test(e));
      expect(rec).toHaveLength(i - t);
    }
    expect(graphLink('T31.W2', [])!.edges).toEqual(['h2-h1']);
    expect(graphLink('T21.H', [])!.nodes).toEqual(['h0']);
  });

  it('focusing a symbol lights its node and its term’s path and names its value; a node lights its symbols', () => {
    render(<BpttGraph lang="en" id="fig-bptt-link" />);
    fireEvent.keyDown(screen.getByRole('group', { name: /Backward pass/ }), { key: 'End' });
    const eq = screen.getByRole('group', { name: 'The terms of ∂L/∂W_hh, symbol by symbol' });
    const symbols = screen.getAllByRole('button').filter((b) => eq.contains(b));
    expect(symbols).toHaveLength(27);
    expect(symbols.filter((b) => b.tabIndex === 0)).toHaveLength(1);
    const d2 = eq.querySelector<HTMLElement>('[data-part="T31.D2"]')!;
    const w = walk(problemOf(1));
    const dd = w.fwd.d[1].map((v) => formatFixed(v, 3)).join(', ');
    expect(d2.getAttribute('aria-label')).toContain(
      `D_2 = diag(1 − H_2²), the way back through tanh at step 2: diag(${dd})`,
    );
    expect(d2.getAttribute('aria-label')).toMatch(
      /Term for the loss at step 3 and the use of W_hh at step 1 \(2 factors of W_hhᵀ\): \[\[/,
    );
    act(() => d2.focus());
    const graph = document.querySelector('.bg-graph')!;
    expect(graph.querySelector('[data-node="h2"]')!.getAttribute('data-linked')).toBe('symbol');
    expect(graph.querySelector('[data-node="l3"]')!.getAttribute('data-linked')).toBe('path');
    expect(graph.querySelector('[data-node="x1"]')!.getAttribute('data-linked')).toBeNull();
    expect(graph.querySelector('[data-link-edge="h2-h1"]')).toBeTruthy();
    expect(document.querySelector('.bg-readout')!.textContent).toContain('D_2');
    fireEvent.keyDown(d2, { key: 'ArrowRight' });
    expect(document.activeElement?.getAttribute('data-part')).toBe('T31.W2');
    expect(graph.querySelector('[data-link-edge="h2-h1"]')!.getAttribute('data-linked')).toBe('symbol');
    act(() => (document.activeElement as HTMLElement).blur());
    // from the graph: the node h_0 lights the H_0ᵀ of every term that uses W_hh at step 1
    fireEvent.pointerEnter(graph.querySelector('[data-node="h0"]')!);
    const on = [...eq.querySelectorAll('.viz-lt-sym-on')].map((e) => e.getAttribute('data-part'));
    expect(on).toEqual(['T11.H', 'T21.H', 'T31.H']);
  });

  it('names the symbols in Chinese', () => {
    render(<BpttGraph lang="zh" id="fig-bptt-link-zh" />);
    fireEvent.keyDown(screen.getByRole('group', { name: /反向传播/ }), { key: 'End' });
    const eq = screen.getByRole('group', { name: '逐个符号看 ∂L/∂W_hh 的各项' });
    expect(eq.querySelector('[data-part="T33.e"]')!.getAttribute('aria-label')).toMatch(
      /^e_3 = ∂L\/∂o_3 W_hqᵀ，第 3 步的损失送入 h_3 的梯度：\[/,
    );
  });
});
