/**
 * A small circuit breaker, standing in for Python's `circuitbreaker` package (`@circuit(failure_threshold=5,
 * recovery_timeout=60)`), on the kit's virtual clock.
 *
 * closed:    calls pass through; `failureThreshold` failures in a row open it.
 * open:      every call fails fast with CircuitBreakerError, until `recoveryTimeoutMs` has passed.
 * half-open: one trial call goes through (others still fail fast); success closes it, failure opens it again.
 */
import { now } from '../../kit/clock';

export type BreakerState = 'closed' | 'open' | 'half-open';

/** Thrown instead of calling the dependency while the circuit is open (Python: CircuitBreakerError). */
export class CircuitBreakerError extends Error {
  override readonly name = 'CircuitBreakerError';
  constructor(readonly breaker: string) {
    super(`circuit "${breaker}" is open`);
  }
}

export interface CircuitBreakerOptions {
  readonly name: string;
  readonly failureThreshold: number;
  readonly recoveryTimeoutMs: number;
  /** Which errors count as failures (Python: expected_exception). Others pass through uncounted. Default: all. */
  readonly isFailure?: (error: unknown) => boolean;
  /** Called on every state change, e.g. to log it. */
  readonly onStateChange?: (from: BreakerState, to: BreakerState, why: string) => void;
}

export class CircuitBreaker {
  private current: BreakerState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private trialInFlight = false;
  /** Every state the breaker has been in, in order: ['closed', 'open', 'half-open', …]. */
  readonly history: BreakerState[] = ['closed'];

  constructor(private readonly options: CircuitBreakerOptions) {}

  get state(): BreakerState {
    return this.current;
  }

  /** Consecutive counted failures so far. */
  get failureCount(): number {
    return this.failures;
  }

  async call<T>(work: () => Promise<T>): Promise<T> {
    if (this.current === 'open') {
      if (now() - this.openedAt < this.options.recoveryTimeoutMs) throw new CircuitBreakerError(this.options.name);
      this.moveTo('half-open', 'recovery timeout passed, letting one trial call through');
    }
    const isTrial = this.current === 'half-open';
    if (isTrial) {
      if (this.trialInFlight) throw new CircuitBreakerError(this.options.name); // one trial at a time
      this.trialInFlight = true;
    }
    try {
      const result = await work();
      this.failures = 0;
      if (this.current === 'half-open') this.moveTo('closed', 'trial call succeeded');
      return result;
    } catch (error) {
      if (this.options.isFailure?.(error) ?? true) this.recordFailure();
      throw error;
    } finally {
      if (isTrial) this.trialInFlight = false;
    }
  }

  private recordFailure(): void {
    this.failures += 1;
    if (this.current === 'half-open') this.open('trial call failed');
    else if (this.current === 'closed' && this.failures >= this.options.failureThreshold)
      this.open(`${this.failures} failures in a row`);
  }

  private open(why: string): void {
    this.openedAt = now();
    this.moveTo('open', why);
  }

  private moveTo(state: BreakerState, why: string): void {
    const from = this.current;
    this.current = state;
    this.history.push(state);
    this.options.onStateChange?.(from, state, why);
  }
}
