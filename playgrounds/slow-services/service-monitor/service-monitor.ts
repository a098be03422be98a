/**
 * service_monitor.py in TypeScript: times every call to one downstream service, enforces its timeout,
 * counts slow requests and timeouts, and opens a circuit that really isolates the service: while open,
 * calls fail fast; after a cooldown one trial call may pass (half-open) and a fast answer closes it.
 * Prometheus' labelled Histogram/Counter become kit metrics named with a service="…" label.
 */
import { now, timeout, TimeoutError } from '../../kit/clock';
import { metrics, type Counter, type Histogram } from '../../kit/metrics';

/** Thrown instead of calling the service while its circuit is open. */
export class CircuitOpenError extends Error {
  override readonly name = 'CircuitOpenError';
  constructor(readonly service: string) {
    super(`circuit open for ${service}: failing fast`);
  }
}

/** What the monitor reports (the seed's logger.warning / logger.error lines). */
export type MonitorEvent =
  | { readonly kind: 'slow'; readonly durationMs: number; readonly slowCount: number }
  | { readonly kind: 'timeout'; readonly slowCount: number }
  | { readonly kind: 'opened'; readonly slowCount: number }
  | { readonly kind: 'trial'; readonly durationMs: number; readonly closed: boolean };

export interface ServiceMonitorOptions {
  /** Per-service deadline for each call. Default 5 000 ms. */
  readonly timeoutMs?: number;
  /** Open the circuit after more than this many slow requests or timeouts in a row. Default 5. */
  readonly maxSlowRequests?: number;
  /** How long the circuit stays open before one trial call may pass. Default 10 000 ms. */
  readonly cooldownMs?: number;
  /** The latency histogram keeps this much virtual time, as a dashboard's window. Default: all. */
  readonly windowMs?: number;
  readonly onEvent?: (service: string, event: MonitorEvent) => void;
}

export class ServiceMonitor {
  readonly timeoutMs: number;
  circuitOpen = false;
  slowRequestCount = 0;
  private openedAt = 0;
  private trialInFlight = false;
  // One series per service (labelnames=['service']), not one unlabelled series for all of them.
  readonly requestDuration: Histogram;
  readonly requestErrors: Counter;
  readonly failedFast: Counter;

  constructor(
    readonly serviceName: string,
    private readonly options: ServiceMonitorOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 5_000;
    const label = `{service="${serviceName}"}`;
    this.requestDuration = metrics.histogram(
      `http_request_duration_ms${label}`,
      options.windowMs ? { windowMs: options.windowMs } : {},
    );
    this.requestErrors = metrics.counter(`http_request_errors_total${label}`);
    this.failedFast = metrics.counter(`circuit_rejections_total${label}`);
  }

  async callService<T>(func: () => Promise<T>): Promise<T> {
    // The seed set circuit_open but never checked it: check it first, so an open circuit isolates.
    let isTrial = false;
    if (this.circuitOpen) {
      if (now() - this.openedAt < (this.options.cooldownMs ?? 10_000) || this.trialInFlight) {
        this.failedFast.inc();
        throw new CircuitOpenError(this.serviceName);
      }
      isTrial = this.trialInFlight = true; // half-open: one trial call
    }
    const startTime = now();
    try {
      // Enforce the deadline; a timed-out call is recorded at the timeout (the work may carry on).
      const result = await this.requestDuration.time(() => timeout(func(), this.timeoutMs, this.serviceName));
      const duration = now() - startTime;
      if (duration > this.timeoutMs * 0.8)
        this.recordSlow({ kind: 'slow', durationMs: duration, slowCount: this.slowRequestCount + 1 });
      if (duration < this.timeoutMs * 0.5) this.slowRequestCount = 0; // reset on a fast success
      if (isTrial) this.endTrial(duration, duration < this.timeoutMs * 0.5);
      return result;
    } catch (error) {
      if (error instanceof TimeoutError) {
        // The kit's TimeoutError is what timeout() throws; an HTTP client's own timeout error would go here too.
        this.requestErrors.inc();
        this.recordSlow({ kind: 'timeout', slowCount: this.slowRequestCount + 1 });
      }
      if (isTrial) this.endTrial(now() - startTime, false);
      throw error;
    } finally {
      if (isTrial) this.trialInFlight = false;
    }
  }

  private recordSlow(event: MonitorEvent & { readonly slowCount: number }): void {
    this.slowRequestCount = event.slowCount;
    this.options.onEvent?.(this.serviceName, event);
    if (!this.circuitOpen && this.slowRequestCount > (this.options.maxSlowRequests ?? 5)) {
      this.circuitOpen = true;
      this.openedAt = now();
      this.options.onEvent?.(this.serviceName, { kind: 'opened', slowCount: this.slowRequestCount });
    }
  }

  /** A fast trial closes the circuit; a slow or failed one keeps it open for another cooldown. */
  private endTrial(durationMs: number, fast: boolean): void {
    if (fast) {
      this.circuitOpen = false;
      this.slowRequestCount = 0;
    } else {
      this.openedAt = now();
    }
    this.options.onEvent?.(this.serviceName, { kind: 'trial', durationMs, closed: fast });
  }
}
