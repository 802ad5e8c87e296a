/**
 * What figures on the page currently show, for questions that are answered by setting a figure rather
 * than by typing: a figure publishes a few named numbers under its element id whenever what it shows
 * changes, and a quiz reads them when the reader asks it to check. A module-level store, like
 * trainedModels: it lives as long as the page's JavaScript, and a figure removes its reading on unmount.
 */
import { createStore } from 'zustand/vanilla';

export interface FigureReading {
  /** The figure's data-widget kind, so a question can tell it reads the right kind of figure. */
  kind: string;
  values: Readonly<Record<string, number | string | boolean>>;
}

export const figureReadings = createStore<Record<string, FigureReading | undefined>>()(() => ({}));

export function publishReading(figureId: string, reading: FigureReading | null): void {
  figureReadings.setState({ [figureId]: reading ?? undefined });
}

export function readingOf(figureId: string): FigureReading | undefined {
  return figureReadings.getState()[figureId];
}
