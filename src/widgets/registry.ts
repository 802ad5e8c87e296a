/**
 * Every widget the chapters may use, by its MDX component name. Each is loaded on demand in its own chunk, so a
 * page downloads only the widgets it shows. `load` is absent while a widget is still being built: the page then
 * shows an honest "being built" figure in its place.
 */
import type { ComponentType } from 'react';
import type { WidgetBaseProps } from './types';

// Props differ per widget; the MDX page passes them through unchanged.
// biome-ignore lint/suspicious/noExplicitAny: each widget declares its own props; the registry only routes them.
export type WidgetComponent = ComponentType<WidgetBaseProps & any>;

export interface WidgetEntry {
  /** DESIGN's data-widget kind. */
  kind: string;
  load?: () => Promise<{ default: WidgetComponent }>;
}

export const widgetRegistry = {
  MlpVsRnn: { kind: 'mlp-vs-rnn', load: () => import('./mlp-vs-rnn') },
  UnrolledStepper: { kind: 'unrolled-stepper', load: () => import('./unrolled-stepper') },
  HiddenStateHeatmap: { kind: 'hidden-state-heatmap', load: () => import('./hidden-state-heatmap') },
  ConcatEquivalence: {
    kind: 'concat-equivalence',
    load: () => import('./concat-equivalence/ConcatEquivalence'),
  },
  ParamShapes: { kind: 'param-shapes', load: () => import('./param-shapes/ParamShapes') },
  ElmanJordan: { kind: 'elman-jordan', load: () => import('./elman-jordan') },
  GradientFlow: { kind: 'gradient-flow', load: () => import('./gradient-flow') },
  GateInspector: { kind: 'gate-inspector', load: () => import('./gate-inspector') },
  CharLmTrainer: { kind: 'char-lm-trainer', load: () => import('./char-lm-trainer') },
  BpttGraph: { kind: 'bptt-graph', load: () => import('./bptt-graph') },
  Quiz: { kind: 'quiz', load: () => import('./quiz/Quiz') },
  SequenceClassifier: { kind: 'sequence-classifier', load: () => import('./sequence-classifier') },
  SlotFilling: { kind: 'slot-filling', load: () => import('./slot-filling') },
  FindTheBugs: { kind: 'find-the-bugs', load: () => import('./find-the-bugs') },
} satisfies Record<string, WidgetEntry>;

export type WidgetName = keyof typeof widgetRegistry;
