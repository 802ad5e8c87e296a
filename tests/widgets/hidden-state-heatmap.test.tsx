// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createNetwork, createRng, forward } from '../../src/engine';
import HiddenStateHeatmap from '../../src/widgets/hidden-state-heatmap';
import {
  allStates,
  cellStates,
  HIDDEN,
  MAX_LENGTH,
  MODE,
  nextSeed,
  parseText,
  summarize,
  VOCAB,
} from '../../src/widgets/hidden-state-heatmap/model';
import { heatmapSchema } from '../../src/widgets/hidden-state-heatmap/store';
import { encodeState } from '../../src/widgets/shared/urlState';

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/');
});

describe('hidden-state-heatmap model', () => {
  it('reads graphemes through a fixed vocabulary', () => {
    const p = parseText('想要有直升机');
    expect(p.chars).toEqual(['想', '要', '有', '直', '升', '机']);
    expect(p.unknown).toEqual([]);
    expect([...p.ids].every((id) => id > 0)).toBe(true);
    // the same character always gets the same id, whatever surrounds it
    expect(parseText('hello').ids[2]).toBe(parseText('ll').ids[0]);
    expect(VOCAB.tokens[0]).toBe('<unk>');
  });

  it('reports unknown characters, keeps emoji whole and caps the length', () => {
    const p = parseText('a👩‍👩‍👧b☃');
    expect(p.chars).toEqual(['a', '👩‍👩‍👧', 'b', '☃']);
    expect(p.unknown).toEqual(['👩‍👩‍👧', '☃']);
    expect(p.ids[1]).toBe(0);
    const long = parseText('x'.repeat(MAX_LENGTH + 5));
    expect(long.chars).toHaveLength(MAX_LENGTH);
    expect(long.truncated).toBe(true);
    expect(parseText('').chars).toEqual([]);
    expect(parseText('a\nb').chars).toEqual(['a', ' ', 'b']);
  });

  it('equals the engine’s own forward pass, for every cell type', () => {
    const ids = parseText('hello').ids;
    for (const cell of ['rnn', 'gru', 'lstm'] as const) {
      const states = cellStates(cell, 7, ids);
      const net = createNetwork(
        { mode: MODE[cell], inputSize: VOCAB.size, hiddenSize: HIDDEN },
        createRng(7),
      );
      const trace = forward(net, { shape: [ids.length, 1], tokens: ids });
      for (let t = 0; t < ids.length; t++)
        for (let u = 0; u < HIDDEN; u++)
          expect(states.h.values[u * ids.length + t]).toBe(trace.output.data[t * HIDDEN + u]);
      if (cell === 'lstm') {
        const cN = trace.cN!.data;
        for (let u = 0; u < HIDDEN; u++)
          expect(states.c!.values[u * ids.length + ids.length - 1]).toBe(cN[u]);
      } else expect(states.c).toBeNull();
    }
  });

  it('is deterministic by seed and changes with it', () => {
    const ids = parseText('abc').ids;
    expect(allStates(3, ids).gru.h.values).toEqual(allStates(3, ids).gru.h.values);
    expect(allStates(3, ids).gru.h.values).not.toEqual(allStates(4, ids).gru.h.values);
    expect(nextSeed(3)).toBe(nextSeed(3));
    expect(nextSeed(3)).not.toBe(3);
    for (let s = 1, k = 0; k < 50; k++, s = nextSeed(s)) expect(s >= 1 && s <= 999_999).toBe(true);
  });

  it('summarises a matrix and handles an empty one', () => {
    const s = summarize({ units: 2, steps: 2, values: Float64Array.from([0.1, -0.9, 0.5, 0.2]) });
    expect(s?.peak).toEqual({ unit: 0, step: 1, value: -0.9 });
    expect(s?.min).toBe(-0.9);
    expect(summarize({ units: 2, steps: 0, values: new Float64Array(0) })).toBeNull();
  });
});

describe('<HiddenStateHeatmap>', () => {
  it('draws three heatmaps with named cells and toggles the LSTM state', () => {
    render(<HiddenStateHeatmap lang="en" id="hm" sequence="hi" />);
    expect(screen.getByRole('heading', { name: 'RNN (tanh)' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'GRU' })).toBeTruthy();
    expect(screen.getAllByRole('gridcell')).toHaveLength(3 * HIDDEN * 2);
    expect(screen.getAllByLabelText(/^LSTM h_t, unit 1, step 2 \(i\)/)).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: /cell state c_t/ }));
    expect(screen.getAllByLabelText(/^LSTM c_t, unit 1, step 2 \(i\)/)).toHaveLength(1);
    expect(location.search).toContain('hm=');
  });

  it('shows the value and the character on focus, in Chinese', () => {
    render(<HiddenStateHeatmap lang="zh" id="hm" sequence="想要" />);
    const cell = screen.getAllByLabelText(/^GRU h_t，单元 2，第 2 步（要）/)[0];
    fireEvent.focus(cell);
    expect(screen.getByText(/GRU，h_t，读入“要”后（第 2 步）单元 2：/)).toBeTruthy();
  });

  it('says which characters are unknown and what to do with empty text', () => {
    render(<HiddenStateHeatmap lang="en" id="hm" sequence="ab☃" />);
    expect(screen.getByText(/Not in the model’s vocabulary.*☃/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Text to read'), { target: { value: '' } });
    expect(screen.getByText(/Type some text/)).toBeTruthy();
    expect(screen.queryAllByRole('gridcell')).toHaveLength(0);
  });

  it('restores its state from the URL and says when a link was bad', () => {
    const schema = heatmapSchema('hello');
    history.replaceState(null, '', `/?hm=${encodeState(schema, { text: 'ok', seed: 5, lstmView: 'c' })}`);
    const { unmount } = render(<HiddenStateHeatmap lang="en" id="hm" sequence="hello" />);
    expect((screen.getByLabelText('Text to read') as HTMLInputElement).value).toBe('ok');
    expect(document.querySelector('.hsh-seed output')?.textContent).toBe('5');
    expect(screen.getByRole('button', { name: /cell state c_t/ }).getAttribute('aria-pressed')).toBe('true');
    unmount();
    history.replaceState(null, '', '/?hm=%%%');
    render(<HiddenStateHeatmap lang="en" id="hm" sequence="hello" />);
    expect(screen.getByText(/could not be read/)).toBeTruthy();
  });
});
