/** This figure's state in the page URL: `?<figure id>=n3d1h4s42`, replaced in place (no history entries). */
import { type Dims, decodeState, encodeState } from './model';

export function readUrlState(id: string): { dims: Dims; seed: number } | null {
  if (typeof window === 'undefined') return null;
  return decodeState(new URLSearchParams(window.location.search).get(id));
}

export function writeUrlState(id: string, dims: Dims, seed: number): void {
  if (typeof window === 'undefined') return;
  const url = new URL(window.location.href);
  url.searchParams.set(id, encodeState(dims, seed));
  window.history.replaceState(window.history.state, '', url);
}
