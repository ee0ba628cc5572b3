// A deterministic pseudo-random sequence for tests that generate inputs (random texts, random edits): the
// same seed gives the same inputs, so a failure can be replayed.

/** Numbers in [0, 1) from a linear congruential generator started at `seed`. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}
