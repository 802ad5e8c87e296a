// @vitest-environment jsdom
/** The gate inspector's model source in the DOM: choosing a trained model, its layer and units, loading files. */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLanguageModel, createRng } from '../../src/engine';
import { Vocab } from '../../src/engine/text';
import { toModelFile } from '../../src/engine/train';
import GateInspector from '../../src/widgets/gate-inspector';
import { readModelFile } from '../../src/widgets/shared/trainedModelFile';
import { trainedModels } from '../../src/widgets/shared/trainedModels';

const TANG = ['<unk>', ...'床前明月光，疑是地上霜'];

function json(cell: 'rnn' | 'gru' | 'lstm', hidden: number, layers: number) {
  const vocab = Vocab.fromTokens(TANG);
  const mode = cell === 'rnn' ? 'RNN_TANH' : cell === 'gru' ? 'GRU' : 'LSTM';
  const lm = createLanguageModel(
    { mode, vocabSize: vocab.size, hiddenSize: hidden, numLayers: layers, dtype: 'float32' },
    createRng(5),
  );
  return JSON.stringify(
    toModelFile(lm, vocab, cell, {
      config: {} as never,
      step: 1200,
      epoch: 0,
      loss: Math.log(45),
      corpus: 'tang',
    }),
  );
}

function publishGru() {
  const r = readModelFile(json('gru', 20, 2));
  if (!r.ok) throw new Error(r.message);
  return act(() => trainedModels.getState().publish({ ...r.model, key: 'test-gru', origin: 'trainer' }));
}

beforeEach(() => {
  for (const m of trainedModels.getState().models) trainedModels.getState().remove(m.key);
});
afterEach(cleanup);

describe('<GateInspector> with trained models', () => {
  it('lists a trained GRU in the LSTM figure; choosing it switches the cell, the text and the units', async () => {
    render(<GateInspector lang="en" id="fig-gi-tr" cell="lstm" sequence="the cat" />);
    expect(screen.getByText(/Train a GRU or LSTM in the trainer/)).toBeTruthy();
    await publishGru();
    const select = screen.getByLabelText('Model') as HTMLSelectElement;
    const option = [...select.options].find((o) => o.value === 'test-gru');
    expect(option?.textContent).toBe('GRU 2×20 trained on Tang poems, step 1,200, perplexity 45');
    fireEvent.change(select, { target: { value: 'test-gru' } });
    // GRU strips, the Tang line, the note about the switch and the share fallback
    expect(document.querySelectorAll('[data-strip]')).toHaveLength(3);
    expect((screen.getByLabelText('Sequence') as HTMLInputElement).value).toBe('床前明月光，疑是地上霜');
    expect(screen.getByRole('note').textContent).toContain('This model is a GRU');
    expect(screen.getByText(/cannot go into a link/)).toBeTruthy();
    expect(screen.queryByLabelText('Extra forget-gate bias')).toBeNull();
    expect(screen.queryByLabelText('Seed')).toBeNull();
    expect(screen.getByText(/Showing 16 of the layer’s 20 units/)).toBeTruthy();
    // layer 2, the 8 most active units
    fireEvent.change(screen.getByLabelText('Layer'), { target: { value: '1' } });
    fireEvent.change(screen.getByLabelText('How many units'), { target: { value: '8' } });
    fireEvent.change(screen.getByLabelText('Units shown'), { target: { value: 'active' } });
    expect(screen.getByText(/Showing 8 of the layer’s 20 units/)).toBeTruthy();
    fireEvent.focus(screen.getByLabelText('Step 1: 床'));
    expect(document.querySelectorAll('.gi-table tbody tr')).toHaveLength(8);
    // an unknown character under the trained vocabulary
    fireEvent.change(screen.getByLabelText('Sequence'), { target: { value: '床x' } });
    expect(screen.getByText(/Not in this model’s vocabulary: “x”/)).toBeTruthy();
    // back to the fresh LSTM
    fireEvent.change(select, { target: { value: 'fresh' } });
    expect(document.querySelectorAll('[data-strip]')).toHaveLength(5);
    expect(screen.queryByText(/cannot go into a link/)).toBeNull();
  });

  it('loads a saved file, and explains a bad one in Chinese without breaking the figure', async () => {
    render(<GateInspector lang="zh" id="fig-gi-file" cell="lstm" sequence="the cat" />);
    const input = screen.getByLabelText('保存的模型文件（训练器“保存”按钮写出的 JSON）') as HTMLInputElement;
    const drop = (name: string, text: string) =>
      fireEvent.change(input, { target: { files: [new File([text], name, { type: 'application/json' })] } });
    drop('rnn.json', json('rnn', 8, 1));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('普通循环网络'));
    expect(document.querySelectorAll('[data-strip]')).toHaveLength(5);
    drop('junk.json', '{oops');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('不是 JSON'));
    drop('lstm.json', json('lstm', 12, 1));
    await waitFor(() => expect(screen.getByText(/已加载：LSTM 12，在唐诗上训练/)).toBeTruthy());
    expect(screen.queryByRole('alert')).toBeNull();
    expect((screen.getByLabelText('模型') as HTMLSelectElement).value).toMatch(/^file:lstm\.json/);
    expect((screen.getByLabelText('输入序列') as HTMLInputElement).value).toBe('床前明月光，疑是地上霜');
    expect(screen.getByLabelText('额外的遗忘门偏置')).toBeTruthy();
    expect(document.querySelectorAll('[data-strip]')).toHaveLength(5);
    expect(trainedModels.getState().models).toHaveLength(1);
  });
});
