/** Counts events per key in a sliding window; used to slow down password guessing per address. */
export function createRateLimiter(limit: number, windowMs: number, now: () => number = Date.now) {
  const hits = new Map<string, number[]>();
  return {
    /** Records an attempt; returns the ms to wait if the key is over its limit, else 0. */
    hit(key: string): number {
      const t = now();
      const recent = (hits.get(key) ?? []).filter((at) => t - at < windowMs);
      if (recent.length >= limit) {
        hits.set(key, recent);
        return windowMs - (t - recent[0]!);
      }
      recent.push(t);
      hits.set(key, recent);
      if (hits.size > 10_000) for (const k of [...hits.keys()].slice(0, 5_000)) hits.delete(k);
      return 0;
    },
  };
}
