/** The stepper's state in the URL: a declared schema (seed included), read back field by field. */
import { field, type Schema } from '../shared/urlState';
import { CELLS, type CellKind, MAX_LAYERS, MAX_LENGTH, type StepMode } from './model';

export interface StepperUrlState {
  cell: CellKind;
  layers: number;
  bidirectional: boolean;
  sequence: string;
  /** Position on the timeline (0-based). */
  t: number;
  /** Sub-step within the cell (gates, candidate, …). */
  phase: number;
  /** Direction shown in detail (bidirectional). */
  dir: number;
  mode: StepMode;
  seed: number;
}

export const stepperSchema: Schema<StepperUrlState> = {
  version: 1,
  fields: {
    cell: field.oneOf(CELLS, 'rnn'),
    layers: field.int(1, MAX_LAYERS, 1),
    bidirectional: field.bool(false),
    sequence: field.text(MAX_LENGTH * 4, 'hello'),
    t: field.int(0, MAX_LENGTH * MAX_LAYERS - 1, 0),
    phase: field.int(0, 3, 0),
    dir: field.int(0, 1, 0),
    mode: field.oneOf(['forward', 'backward'] as const, 'forward'),
    seed: field.int(0, 999_999, 1),
  },
};
