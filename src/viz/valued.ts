import type { CSSProperties } from 'react';
import { type ThemedColorScale, textOn } from './scales';

/**
 * The inline style of a value-coloured element: its light and dark fills (and text colours) as custom
 * properties. With className `viz-valued` (fill) or `viz-valued-text` (text), the theme CSS picks the
 * right one, so switching theme needs no render.
 */
export function valuedStyle(scale: ThemedColorScale, v: number): CSSProperties {
  const light = scale.light(v);
  const dark = scale.dark(v);
  return {
    '--v-light': light,
    '--v-dark': dark,
    '--t-light': textOn(light),
    '--t-dark': textOn(dark),
  } as CSSProperties;
}
