/**
 * Matrix kernels for the engine. `bestBackend()` picks WebAssembly SIMD when the runtime has it,
 * else the plain TypeScript backend. See wasm-backend.ts for the memory model (fixed arena, views
 * never detach, mark/release/reset).
 */
export { createTsBackend, gemmF32Ts } from './ts-backend';
export type { Backend } from './types';
export {
  bestBackend,
  createWasmBackend,
  decodeBase64,
  hasWasmSimd,
  type WasmBackend,
  type WasmBackendOptions,
} from './wasm-backend';
