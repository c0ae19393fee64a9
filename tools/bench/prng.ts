// The seeded PRNG now lives with the synthetic-data generators (tools/synthetic).
export { Prng, WeightedSampler } from '../synthetic/prng';
