/**
 * resilient_external_service.py in TypeScript: a 5-minute response cache, a circuit breaker, a timeout
 * and three attempts with backoff + jitter under one idempotency key, and a fallback that serves the
 * stale cached response (or a fallback value) while the dependency is down.
 * `requests.post(endpoint, json=data, timeout=5, headers=…)` becomes a call to a kit Service.
 */
import { now, sleep, TimeoutError } from '../../kit/clock';
import { random } from '../../kit/random';
import { ServiceError, type Service } from '../../kit/service';
import { CircuitBreaker, CircuitBreakerError, type BreakerState } from './circuit-breaker';

/** What goes over the wire: the POST body and its idempotency header. */
export interface PostRequest<Data> {
  readonly endpoint: string;
  readonly json: Data;
  readonly headers: { readonly 'X-Idempotency-Key': string };
}

/** Where an answer came from. */
export type Source = 'api' | 'cache' | 'stale' | 'fallback';

export interface ResilienceOptions {
  readonly cacheTtlMs?: number;
  readonly timeoutMs?: number;
  readonly attempts?: number;
  readonly onStateChange?: (from: BreakerState, to: BreakerState, why: string) => void;
  readonly onRetry?: (attempt: number, error: Error, delayMs: number) => void;
}

/** Timeouts and 5xx (and 408/429) are transient: retried, and counted by the breaker. 4xx are neither. */
export function isTransient(error: unknown): error is TimeoutError | ServiceError {
  return error instanceof TimeoutError || (error instanceof ServiceError && error.retryable);
}

export class ResilientExternalService<Data, Res> {
  private readonly cache = new Map<string, { response: Res; storedAt: number }>();
  private keys = 0;
  readonly breaker: CircuitBreaker;
  readonly served: Record<Source, number> = { api: 0, cache: 0, stale: 0, fallback: 0 };

  constructor(
    private readonly http: Service<PostRequest<Data>, Res>,
    private readonly options: ResilienceOptions = {},
  ) {
    this.breaker = new CircuitBreaker({
      name: http.name,
      failureThreshold: 5,
      recoveryTimeoutMs: 60_000,
      isFailure: isTransient, // a 400 means our request is wrong, not that the dependency is down
      ...(options.onStateChange ? { onStateChange: options.onStateChange } : {}),
    });
  }

  async callExternalApi(endpoint: string, data: Data, useCache = true): Promise<Res> {
    // Check the cache first, outside the breaker: a fresh hit is served even while the circuit is open,
    // and it must not count as the successful trial call that closes a half-open circuit.
    const cacheKey = this.cacheKey(endpoint, data);
    const cached = this.cache.get(cacheKey);
    if (useCache && cached && now() - cached.storedAt < (this.options.cacheTtlMs ?? 300_000)) {
      this.served.cache += 1;
      return cached.response;
    }
    const response = await this.breaker.call(() => this.postWithRetries(endpoint, data));
    this.cache.set(cacheKey, { response, storedAt: now() }); // cache successful response
    this.served.api += 1;
    return response;
  }

  /** The live or cached answer; while the dependency fails, the stale cached one, else `fallbackValue`. */
  async callWithFallback(endpoint: string, data: Data, fallbackValue?: Res): Promise<Res | undefined> {
    try {
      return await this.callExternalApi(endpoint, data);
    } catch (error) {
      // Open circuit, or any failed request (the seed's requests.RequestException, a 400 included).
      if (!(error instanceof CircuitBreakerError || error instanceof ServiceError || error instanceof TimeoutError))
        throw error;
      const stale = this.getCachedValue(endpoint, data);
      this.served[stale !== undefined ? 'stale' : 'fallback'] += 1;
      return stale ?? fallbackValue; // ?? and not ||: a fallback of 0 or [] is still a value
    }
  }

  /** The cached response whatever its age: stale beats nothing while the dependency is down. */
  getCachedValue(endpoint: string, data: Data): Res | undefined {
    return this.cache.get(this.cacheKey(endpoint, data))?.response;
  }

  private async postWithRetries(endpoint: string, data: Data): Promise<Res> {
    const { attempts = 3, timeoutMs = 5_000 } = this.options;
    // One key for all attempts (not a new uuid per attempt): the provider recognises a retried POST.
    const idempotencyKey = `req-${++this.keys}`;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.http.call(
          { endpoint, json: data, headers: { 'X-Idempotency-Key': idempotencyKey } },
          { timeoutMs },
        );
      } catch (error) {
        // 4xx and the last attempt: give up. Timeouts and 5xx (error.status, not e.status_code): back off.
        if (!isTransient(error) || attempt >= attempts - 1) throw error;
        const delayMs = Math.round(1000 * (2 ** attempt + random.float(0, 1))); // 2^attempt s + jitter
        this.options.onRetry?.(attempt + 1, error, delayMs);
        await sleep(delayMs);
      }
    }
  }

  private cacheKey(endpoint: string, data: Data): string {
    return `${endpoint}:${JSON.stringify(data)}`;
  }
}
