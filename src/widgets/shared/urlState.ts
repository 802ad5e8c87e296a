/**
 * A widget's state in the URL, as a declared schema (playground's state.ts idea): each field says how to read
 * itself back and what to do with a bad value. `?<figure-id>=<base64url JSON>` keeps each figure's state apart,
 * leaves `#section` to the page, and round-trips exactly, seed included. A malformed or outdated link never
 * throws: it falls back to defaults, field by field, and says so.
 */

export interface Field<T> {
  readonly fallback: T;
  /** The value, or undefined when `raw` cannot be used. Numbers out of range are clamped. */
  read(raw: unknown): T | undefined;
}

export const field = {
  int(min: number, max: number, fallback: number): Field<number> {
    return {
      fallback,
      read: (raw) =>
        typeof raw === 'number' && Number.isFinite(raw)
          ? Math.min(max, Math.max(min, Math.round(raw)))
          : undefined,
    };
  },
  number(min: number, max: number, fallback: number): Field<number> {
    return {
      fallback,
      read: (raw) =>
        typeof raw === 'number' && Number.isFinite(raw) ? Math.min(max, Math.max(min, raw)) : undefined,
    };
  },
  oneOf<const T extends string>(values: readonly T[], fallback: T): Field<T> {
    return { fallback, read: (raw) => (values.includes(raw as T) ? (raw as T) : undefined) };
  },
  bool(fallback: boolean): Field<boolean> {
    return { fallback, read: (raw) => (typeof raw === 'boolean' ? raw : undefined) };
  },
  text(maxLength: number, fallback: string): Field<string> {
    return {
      fallback,
      read: (raw) => (typeof raw === 'string' ? [...raw].slice(0, maxLength).join('') : undefined),
    };
  },
};

export interface Schema<S> {
  /** Bump when the meaning of a field changes; links with another version fall back to defaults. */
  version: number;
  fields: { [K in keyof S]: Field<S[K]> };
}

/** Why the state is not exactly what the link said: shown to the reader as a short notice. */
export type UrlNotice = 'malformed' | 'outdated' | 'adjusted';

export function defaults<S>(schema: Schema<S>): S {
  const state = {} as S;
  for (const key of Object.keys(schema.fields) as (keyof S)[]) state[key] = schema.fields[key].fallback;
  return state;
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(encoded: string): string {
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

export function encodeState<S>(schema: Schema<S>, state: S): string {
  return toBase64Url(JSON.stringify({ v: schema.version, ...state }));
}

export function decodeState<S>(
  schema: Schema<S>,
  encoded: string | null | undefined,
): { state: S; notice?: UrlNotice } {
  const state = defaults(schema);
  if (!encoded) return { state };
  let raw: unknown;
  try {
    raw = JSON.parse(fromBase64Url(encoded));
  } catch {
    return { state, notice: 'malformed' };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { state, notice: 'malformed' };
  const record = raw as Record<string, unknown>;
  if (record.v !== schema.version) return { state, notice: 'outdated' };
  let notice: UrlNotice | undefined;
  for (const key of Object.keys(schema.fields) as (keyof S & string)[]) {
    if (!(key in record)) continue;
    const value = schema.fields[key].read(record[key]);
    if (value === undefined) notice = 'adjusted';
    else {
      if (JSON.stringify(value) !== JSON.stringify(record[key])) notice = 'adjusted';
      state[key] = value;
    }
  }
  return { state, notice };
}

/** The figure's state as the current URL carries it (in the browser), or defaults. */
export function readFromUrl<S>(
  id: string,
  schema: Schema<S>,
  search?: string,
): { state: S; notice?: UrlNotice } {
  const query = search ?? (typeof location === 'undefined' ? '' : location.search);
  return decodeState(schema, new URLSearchParams(query).get(id));
}

/** A link to this page, at this figure, that reproduces `state`. */
export function shareUrl<S>(id: string, schema: Schema<S>, state: S, href = location.href): string {
  const url = new URL(href);
  url.searchParams.set(id, encodeState(schema, state));
  url.hash = id;
  return url.toString();
}

/** Keeps the address bar in step with the figure without adding history entries. */
export function writeToUrl<S>(id: string, schema: Schema<S>, state: S) {
  if (typeof history === 'undefined') return;
  const url = new URL(location.href);
  url.searchParams.set(id, encodeState(schema, state));
  history.replaceState(history.state, '', url);
}
