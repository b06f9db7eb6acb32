/**
 * Per-client token buckets, in the memory of one server process: each process (or instance
 * behind a load balancer) counts on its own, so the effective limit is the limit times the
 * number of processes. Enough to stop one client from hogging the API; a shared store (the
 * database, a proxy) would be needed for a strict global quota.
 */

export interface RateLimitDecision {
  allowed: boolean;
  /** Whole tokens left after this request. */
  remaining: number;
  /** Seconds until a token is available again (0 when allowed). */
  retryAfter: number;
}

export class TokenBucketLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly capacity: number,
    readonly refillPerSecond: number,
    private readonly now: () => number = Date.now,
    private readonly maxClients = 50_000,
  ) {}

  take(client: string, cost = 1): RateLimitDecision {
    const now = this.now();
    const bucket = this.buckets.get(client) ?? { tokens: this.capacity, at: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + ((now - bucket.at) / 1000) * this.refillPerSecond);
    bucket.at = now;
    // Re-inserted so that the Map's order is least recently seen first, for eviction below.
    this.buckets.delete(client);
    this.buckets.set(client, bucket);
    if (this.buckets.size > this.maxClients) this.buckets.delete(this.buckets.keys().next().value!);
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return { allowed: true, remaining: Math.floor(bucket.tokens), retryAfter: 0 };
    }
    return { allowed: false, remaining: 0, retryAfter: Math.max(1, Math.ceil((cost - bucket.tokens) / this.refillPerSecond)) };
  }
}

/** 120 requests at once, then 2 per second, per client address. */
export const RATE_LIMIT = { capacity: 120, refillPerSecond: 2 } as const;

const holder = globalThis as unknown as { reperesApiLimiter?: TokenBucketLimiter };
export function apiLimiter(): TokenBucketLimiter {
  holder.reperesApiLimiter ??= new TokenBucketLimiter(RATE_LIMIT.capacity, RATE_LIMIT.refillPerSecond);
  return holder.reperesApiLimiter;
}
