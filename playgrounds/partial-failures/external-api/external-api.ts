/**
 * external_api.py in TypeScript: a call to an external API behind a circuit breaker, with a timeout,
 * bounded retries (exponential backoff + jitter) for transient failures only, and a fallback.
 * `requests.post(…, timeout=5)` becomes a call to a kit Service with `timeoutMs: 5000`.
 */
import { sleep, TimeoutError } from '../../kit/clock';
import { logger } from '../../kit/log';
import { random } from '../../kit/random';
import { ServiceError, type Service } from '../../kit/service';
import { CircuitBreaker, CircuitBreakerError, type BreakerState } from './circuit-breaker';

/** What we ask the API to process: a shipping quote. */
export interface ShippingRequest {
  readonly country: string;
  readonly weightKg: number;
}

export interface Quote {
  readonly price: number;
}

/** The body of the POST: the data plus one idempotency key shared by every retry of the same call. */
export interface ApiRequest {
  readonly data: ShippingRequest;
  readonly idempotencyKey: string;
}

/** Timeouts, connection errors and 5xx: worth another attempt, and counted by the breaker. */
export class RetryableError extends Error {
  override readonly name = 'RetryableError';
}

/** 4xx: the request itself is wrong. Not retried, and it does not trip the breaker. */
export class PermanentError extends Error {
  override readonly name = 'PermanentError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export type Source = 'api' | 'cache' | 'default';

export interface ExternalApiOptions {
  readonly timeoutMs?: number;
  readonly maxAttempts?: number;
  /** Backoff before retry n is baseMs · 2^(n-1) plus a random 0…jitterMs. */
  readonly backoffBaseMs?: number;
  readonly jitterMs?: number;
  readonly onStateChange?: (from: BreakerState, to: BreakerState, why: string) => void;
  readonly onRetry?: (data: ShippingRequest, attempt: number, error: RetryableError, delayMs: number) => void;
}

const log = logger('external-api');

export class ExternalApi {
  readonly breaker: CircuitBreaker;
  /** Last good answer per request, for the fallback (the seed's undefined get_cached_response). */
  private readonly cache = new Map<string, Quote>();
  private keys = 0;
  readonly served: Record<Source, number> = { api: 0, cache: 0, default: 0 };

  constructor(
    private readonly api: Service<ApiRequest, Quote>,
    private readonly options: ExternalApiOptions = {},
  ) {
    this.breaker = new CircuitBreaker({
      name: 'external-api',
      failureThreshold: 5,
      recoveryTimeoutMs: 60_000,
      isFailure: (error) => error instanceof RetryableError, // expected_exception=RetryableError: 4xx don't count
      ...(options.onStateChange ? { onStateChange: options.onStateChange } : {}),
    });
  }

  /** @circuit around a bounded retry: the breaker counts a call that failed after all its attempts. */
  async callExternalApi(data: ShippingRequest): Promise<Quote> {
    const quote = await this.breaker.call(() => this.postWithRetries(data));
    this.cache.set(cacheKey(data), quote);
    return quote;
  }

  /** Answers from the API, or from the cache or a default while the circuit is open. */
  async processWithFallback(data: ShippingRequest): Promise<{ quote: Quote; source: Source }> {
    try {
      const quote = await this.callExternalApi(data);
      this.served.api += 1;
      return { quote, source: 'api' };
    } catch (error) {
      if (error instanceof CircuitBreakerError) {
        // Circuit open: use the fallback without touching the API.
        const cached = this.getCachedResponse(data);
        this.served[cached ? 'cache' : 'default'] += 1;
        return cached ? { quote: cached, source: 'cache' } : { quote: defaultResponse(), source: 'default' };
      }
      if (error instanceof PermanentError) log(`permanent error ${error.status}: ${error.message}`); // don't retry: log and alert
      throw error; // PermanentError, or a RetryableError after the last attempt
    }
  }

  getCachedResponse(data: ShippingRequest): Quote | undefined {
    return this.cache.get(cacheKey(data));
  }

  private async postWithRetries(data: ShippingRequest): Promise<Quote> {
    const { maxAttempts = 3, backoffBaseMs = 1_000, jitterMs = 1_000 } = this.options;
    // One key for every attempt: if a timed-out POST was processed after all, the API can spot the retry.
    const idempotencyKey = `quote-${++this.keys}`;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.post({ data, idempotencyKey });
      } catch (error) {
        if (!(error instanceof RetryableError) || attempt >= maxAttempts) throw error;
        const delayMs = backoffBaseMs * 2 ** (attempt - 1) + random.int(0, jitterMs);
        this.options.onRetry?.(data, attempt, error, delayMs);
        await sleep(delayMs);
      }
    }
  }

  /** One POST, its failure sorted into retryable or permanent. */
  private async post(request: ApiRequest): Promise<Quote> {
    try {
      return await this.api.call(request, { timeoutMs: this.options.timeoutMs ?? 5_000 }); // fail fast
    } catch (error) {
      if (error instanceof TimeoutError) throw new RetryableError(error.message, { cause: error });
      if (error instanceof ServiceError) {
        // The status is on the response (the seed's e.status_code does not exist). 5xx, 408 and 429 are transient.
        if (error.retryable) throw new RetryableError(error.message, { cause: error });
        throw new PermanentError(error.status, error.message);
      }
      throw error;
    }
  }
}

export function defaultResponse(): Quote {
  return { price: 9.99 }; // flat rate: good enough while the API is down
}

function cacheKey(data: ShippingRequest): string {
  return `${data.country}:${data.weightKg}`;
}
