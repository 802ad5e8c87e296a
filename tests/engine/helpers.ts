import type { RnnConfig } from '../../src/engine/config.ts';
import { createNetwork, type Network } from '../../src/engine/network.ts';
import { createRng, type Rng } from '../../src/engine/random.ts';
import type { Tensor } from '../../src/engine/tensor.ts';

export function randTensor(rng: Rng, shape: number[], scale = 1): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  return { shape, data: Float64Array.from({ length: n }, () => rng.uniform(-scale, scale)) };
}

export function makeNet(config: RnnConfig, seed = 1): { net: Network; rng: Rng } {
  const rng = createRng(seed);
  return { net: createNetwork({ dtype: 'float64', ...config }, rng), rng };
}
