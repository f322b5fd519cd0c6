import { describe, expect, it } from 'vitest';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, backoffMs } from './outbox';

describe('retry backoff', () => {
  it('is full jitter: anywhere from zero up to base × 2^(attempt−1), never above the cap', () => {
    expect(backoffMs(1, () => 0)).toBe(0);
    expect(backoffMs(1, () => 0.999)).toBeLessThan(BACKOFF_BASE_MS);
    expect(backoffMs(3, () => 0.999)).toBeGreaterThan(3 * BACKOFF_BASE_MS);
    expect(backoffMs(3, () => 0.999)).toBeLessThan(4 * BACKOFF_BASE_MS);
    expect(backoffMs(30, () => 0.999)).toBeLessThan(BACKOFF_CAP_MS);
    const spread = new Set(Array.from({ length: 50 }, () => backoffMs(4)));
    expect(spread.size).toBeGreaterThan(40);
  });
});
