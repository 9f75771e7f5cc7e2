// A generated layered supply network for the footprint benchmarks (issue 5, item 7).
import { sparseMatrixFromTriplets } from '../src/core/footprint/sparse-matrix.ts';
import type { SparseMatrix } from '../src/core/footprint/sparse-matrix.ts';

/** A small seeded PRNG (mulberry32), so every run builds the same network. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Network {
  readonly matrix: SparseMatrix;
  readonly demand: Float64Array;
  readonly emissions: Float64Array;
}

/**
 * A layered network from raw materials (layer 0, no inputs) to consumer goods (last layer, the
 * final demand). Each process takes 1-9 inputs (mean 5) from lower layers, `smallCycles` rings of 2-8
 * processes inside one layer give the small cycles, 1,000 processes use some of their own
 * output, and optionally one whole layer of `bigCycle` processes is a single cycle (a ring plus
 * two random inputs within the layer). Columns are scaled to sum to 0.3-0.9, so rho(A) < 0.9.
 */
export function generateNetwork(
  n: number,
  bigCycle: number,
  seed: number,
  smallCycles = 300,
  selfLoops = 1000,
): Network {
  const random = mulberry32(seed);
  const layerCount = 20;
  const bounds: number[] = [0];
  const rest = n - bigCycle;
  for (let l = 1; l <= layerCount; l++) {
    if (bigCycle > 0 && l === layerCount / 2) bounds.push(bounds[bounds.length - 1]! + bigCycle);
    bounds.push(bigCycle + Math.round((rest * l) / layerCount));
  }
  if (bigCycle === 0)
    bounds.splice(
      0,
      bounds.length,
      ...Array.from({ length: layerCount + 1 }, (_, l) => Math.round((n * l) / layerCount)),
    );
  const rows: number[] = [];
  const cols: number[] = [];
  const values: number[] = [];
  const add = (i: number, j: number): void => {
    rows.push(i);
    cols.push(j);
    values.push(0.05 + random());
  };
  for (let l = 1; l < bounds.length - 1; l++) {
    const from = bounds[l]!;
    const to = bounds[l + 1]!;
    for (let j = from; j < to; j++) {
      const inputs = 1 + Math.floor(random() * 9);
      for (let k = 0; k < inputs; k++) {
        // Mostly the layer just below, sometimes any lower layer (energy, chemicals).
        const lower = random() < 0.7 ? bounds[l - 1]! : 0;
        add(lower + Math.floor(random() * (from - lower)), j);
      }
    }
    if (to - from === bigCycle && bigCycle > 0) {
      for (let j = from; j < to; j++) {
        add(j + 1 < to ? j + 1 : from, j);
        add(from + Math.floor(random() * bigCycle), j);
        add(from + Math.floor(random() * bigCycle), j);
      }
    }
  }
  for (let c = 0; c < smallCycles; c++) {
    const l = 1 + Math.floor(random() * (bounds.length - 2));
    const from = bounds[l]!;
    const width = bounds[l + 1]! - from;
    const size = 2 + Math.floor(random() * 7);
    const start = from + Math.floor(random() * (width - size));
    for (let k = 0; k < size; k++) add(start + ((k + 1) % size), start + k);
  }
  for (let s = 0; s < selfLoops; s++) {
    const j = Math.floor(random() * n);
    add(j, j);
  }
  const sums = new Float64Array(n);
  cols.forEach((j, k) => (sums[j]! += values[k]!));
  const target = Float64Array.from({ length: n }, () => 0.3 + 0.6 * random());
  const scaled = values.map((v, k) => (v * target[cols[k]!]!) / sums[cols[k]!]!);
  const matrix = sparseMatrixFromTriplets({
    rows: n,
    cols: n,
    rowIndex: rows,
    colIndex: cols,
    values: scaled,
  });
  const demand = new Float64Array(n);
  for (let j = bounds[bounds.length - 2]!; j < n; j++) demand[j] = random() < 0.1 ? 1 + random() : 0;
  const emissions = Float64Array.from({ length: n }, () => random() * 2);
  return { matrix, demand, emissions };
}
