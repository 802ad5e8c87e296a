import { describe, expect, it } from 'vitest';
import {
  type CellKind,
  cellId,
  type EdgeKind,
  expectedEdgeCounts,
  layoutUnrolled,
  polylinePath,
  round2,
} from '../../src/viz/layout';

const kinds: CellKind[] = ['rnn', 'gru', 'lstm'];

function countByKind(edges: { kind: EdgeKind }[]) {
  const c: Partial<Record<EdgeKind, number>> = {};
  for (const e of edges) c[e.kind] = (c[e.kind] ?? 0) + 1;
  return c;
}

describe('layoutUnrolled', () => {
  for (const cell of kinds)
    for (const T of [1, 2, 5, 12])
      for (const L of [1, 2, 3])
        for (const D of [1, 2] as const)
          it(`${cell} T=${T} L=${L} D=${D}: nodes and edges`, () => {
            const g = layoutUnrolled({ T, L, D, cell });
            const nodes = g.nodes;
            expect(nodes.filter((n) => n.kind === 'cell')).toHaveLength(T * L * D);
            expect(nodes.filter((n) => n.kind === 'input')).toHaveLength(T);
            expect(nodes.filter((n) => n.kind === 'output')).toHaveLength(T);
            expect(nodes.filter((n) => n.kind === 'init')).toHaveLength(L * D);
            const want = expectedEdgeCounts(T, L, D, cell);
            const got = countByKind(g.edges);
            for (const k of Object.keys(want) as EdgeKind[]) expect(got[k] ?? 0, k).toBe(want[k]);
            // ids are unique and every edge joins existing nodes
            const ids = new Set(nodes.map((n) => n.id));
            expect(ids.size).toBe(nodes.length);
            expect(new Set(g.edges.map((e) => e.id)).size).toBe(g.edges.length);
            for (const e of g.edges) {
              expect(ids.has(e.from), e.id).toBe(true);
              expect(ids.has(e.to), e.id).toBe(true);
              expect(e.points.length).toBeGreaterThanOrEqual(2);
            }
            // everything inside the viewBox
            for (const n of nodes) {
              expect(n.x - n.w / 2).toBeGreaterThanOrEqual(0);
              expect(n.x + n.w / 2).toBeLessThanOrEqual(g.width);
              expect(n.y - n.h / 2).toBeGreaterThanOrEqual(0);
              expect(n.y + n.h / 2).toBeLessThanOrEqual(g.height);
            }
            // cells of different (layer, dir, t) never overlap
            const cells = nodes.filter((n) => n.kind === 'cell');
            for (let a = 0; a < cells.length; a++)
              for (let b = a + 1; b < cells.length; b++) {
                const [p, q] = [cells[a], cells[b]];
                const apart = Math.abs(p.x - q.x) >= p.w || Math.abs(p.y - q.y) >= p.h;
                expect(apart).toBe(true);
              }
            expect(g.junctions).toHaveLength(D === 2 ? T * (L + 1) : 0);
          });

  it('time runs left to right, layers bottom to top, reverse row above forward', () => {
    const g = layoutUnrolled({ T: 3, L: 2, D: 2, cell: 'gru' });
    const at = (l: number, d: number, t: number) => g.nodes.find((n) => n.id === cellId(l, d, t))!;
    expect(at(0, 0, 1).x).toBeGreaterThan(at(0, 0, 0).x);
    expect(at(1, 0, 0).y).toBeLessThan(at(0, 0, 0).y);
    expect(at(0, 1, 0).y).toBeLessThan(at(0, 0, 0).y);
    expect(at(0, 1, 0).y).toBeGreaterThan(at(1, 0, 0).y);
    // the forward recurrence points right, the reverse one left
    const fwd = g.edges.find((e) => e.id === 'e:recurrent:l0:d0:t1')!;
    const rev = g.edges.find((e) => e.id === 'e:recurrent:l0:d1:t1')!;
    expect(fwd.from).toBe(cellId(0, 0, 0));
    expect(fwd.points[1][0]).toBeGreaterThan(fwd.points[0][0]);
    expect(rev.from).toBe(cellId(0, 1, 2));
    expect(rev.points[1][0]).toBeLessThan(rev.points[0][0]);
    // layer 1 reads both directions of layer 0 (concatenation)
    const into = g.edges.filter((e) => e.kind === 'layer' && e.to === cellId(1, 0, 2)).map((e) => e.from);
    expect(into.sort()).toEqual([cellId(0, 0, 2), cellId(0, 1, 2)].sort());
  });

  it('LSTM carries c above h; Jordan feeds o_{t−1} back with one layer and direction', () => {
    const g = layoutUnrolled({ T: 2, cell: 'lstm' });
    const c = g.edges.find((e) => e.kind === 'cellState')!;
    const h = g.edges.find((e) => e.kind === 'recurrent')!;
    expect(c.role).toBe('c');
    expect(c.points[0][1]).toBeLessThan(h.points[0][1]);
    const j = layoutUnrolled({ T: 4, L: 3, D: 2, cell: 'jordan' });
    expect(j.L).toBe(1);
    expect(j.D).toBe(1);
    const fb = j.edges.filter((e) => e.kind === 'feedback');
    expect(fb.map((e) => e.from)).toEqual(['o:t0', 'o:t1', 'o:t2']);
    expect(j.edges.some((e) => e.kind === 'recurrent')).toBe(false);
  });

  it('snapshot of a small layout, rounded', () => {
    const g = layoutUnrolled({ T: 2, L: 1, D: 1, cell: 'rnn' });
    expect({ w: g.width, h: g.height }).toEqual({ w: 258, h: 192 });
    expect(g.edges.map((e) => `${e.id} ${polylinePath(e.points)}`)).toMatchInlineSnapshot(`
      [
        "e:input:d0:t0 M112,154L112,136L112,118",
        "e:output:s0:t0 M112,74L112,56L112,38",
        "e:input:d0:t1 M216,154L216,136L216,118",
        "e:output:s0:t1 M216,74L216,56L216,38",
        "e:recurrent:l0:d0:t1 M144,96L184,96",
        "e:init:l0:d0 M40,96L80,96",
      ]
    `);
    expect(round2(1 / 3)).toBe(0.33);
  });
});
