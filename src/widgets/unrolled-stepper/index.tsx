/**
 * unrolled-stepper: the network unrolled over a short sequence the reader types, stepped one cell (and
 * one sub-step) at a time, forward or backward, with the current cell's equations, diagram and numbers.
 */
import { useEffect, useState } from 'react';
import { readFromUrl, writeToUrl } from '../shared/urlState';
import type { WidgetBaseProps } from '../types';
import { CELLS, type CellKind, MAX_LAYERS, type StepMode } from './model';
import { Stepper } from './Stepper';
import { createStepperStore, StepperStoreContext, urlStateOf } from './store';
import { type StepperUrlState, stepperSchema } from './urlSchema';

export interface UnrolledStepperProps extends WidgetBaseProps {
  cell?: CellKind;
  sequence?: string;
  layers?: number;
  bidirectional?: boolean;
  mode?: StepMode;
  seed?: number;
}

/** The page's props as a starting state (bad props fall back to defaults; they never throw). */
export function initialState(props: Omit<UnrolledStepperProps, 'lang' | 'id'>): StepperUrlState {
  const layers = Number(props.layers ?? 1);
  return {
    cell: CELLS.includes(props.cell as CellKind) ? (props.cell as CellKind) : 'rnn',
    layers: Number.isFinite(layers) ? Math.min(MAX_LAYERS, Math.max(1, Math.round(layers))) : 1,
    bidirectional: props.bidirectional === true,
    sequence: typeof props.sequence === 'string' && props.sequence.trim() ? props.sequence : 'hello',
    t: 0,
    phase: 0,
    dir: 0,
    mode: props.mode === 'backward' ? 'backward' : 'forward',
    seed: Number.isFinite(props.seed) ? Math.abs(Math.floor(props.seed as number)) % 1_000_000 : 1,
  };
}

export default function UnrolledStepper({ lang, id, ...props }: UnrolledStepperProps) {
  const [{ store, notice }] = useState(() => {
    const inUrl = typeof location !== 'undefined' && new URLSearchParams(location.search).has(id);
    const fromUrl = inUrl ? readFromUrl(id, stepperSchema) : null;
    return {
      store: createStepperStore(
        fromUrl && (!fromUrl.notice || fromUrl.notice === 'adjusted') ? fromUrl.state : initialState(props),
      ),
      notice: fromUrl?.notice,
    };
  });
  // the address bar follows the figure, at most a few times a second (replaceState is not free)
  useEffect(() => {
    let last = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const write = () => {
      timer = undefined;
      const state = urlStateOf(store.getState());
      const key = JSON.stringify(state);
      if (key !== last) {
        last = key;
        writeToUrl(id, stepperSchema, state);
      }
    };
    const unsubscribe = store.subscribe(() => {
      if (timer === undefined) timer = setTimeout(write, 300);
    });
    return () => {
      unsubscribe();
      if (timer !== undefined) {
        clearTimeout(timer);
        write();
      }
    };
  }, [store, id]);
  return (
    <StepperStoreContext.Provider value={store}>
      <Stepper lang={lang} id={id} notice={notice} />
    </StepperStoreContext.Provider>
  );
}
