/**
 * kit/service — a remote dependency (a payment provider, an inventory API) that is slow sometimes,
 * fails sometimes, and goes down for a while: latency distribution, error rate, hanging calls, lost
 * responses, outage windows, a concurrency limit, and counts of what callers saw.
 *
 *   import { Service, ServiceError } from '../../kit/service';
 *   const payments = new Service({ name: 'payments', latency: { p50: 40, p99: 400 }, errorRate: 0.1,
 *     outages: [{ from: 2_000, to: 5_000 }], handler: (amount: number) => ({ charged: amount }) });
 *   try { await payments.call(25, { timeoutMs: 300 }) } catch (e) { if (e instanceof ServiceError && e.retryable) … }
 *
 * What a call can end in (decided when it is made, from the service's own seeded generator):
 * - success: after `latency`, the handler runs and its result comes back;
 * - an error: after `latency`, a ServiceError (`errorStatus`, default 503) — the handler did not run;
 * - a hang: no answer until `hangMs` (then a 504) — unless the caller's `timeoutMs` gives up first;
 * - a lost response: the handler DID run (the card was charged) but the answer never arrives, as a hang.
 * During an outage window every call fails with the outage's status (or hangs if it says 'hang').
 */
import { now, sleep, timeout, TimeoutError } from './clock';
import { Random, stableHash, type Latency } from './random';
import { Semaphore } from './semaphore';

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  402: 'Payment Required',
  404: 'Not Found',
  408: 'Request Timeout',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** An HTTP-like error response. Handlers throw it for 4xx answers: `throw new ServiceError(402, 'card declined')`. */
export class ServiceError extends Error {
  override readonly name = 'ServiceError';
  constructor(
    readonly status: number,
    /** What went wrong; defaults to the status text ("Service Unavailable"). */
    readonly detail: string = STATUS_TEXT[status] ?? 'Error',
    /** The service that answered. */
    readonly service?: string,
    options?: { readonly cause?: unknown },
  ) {
    super(`${service ? `${service}: ` : ''}${status} ${detail}`, options);
  }

  /** 5xx, 408 and 429 are worth retrying (with backoff); other 4xx mean the request itself is wrong. */
  get retryable(): boolean {
    return this.status >= 500 || this.status === 408 || this.status === 429;
  }
}

/** A window of virtual time during which the service is down. */
export interface Outage {
  readonly from: number;
  readonly to: number;
  /** How calls fail meanwhile: a status (default 503) or 'hang'. */
  readonly status?: number | 'hang';
}

export interface ServiceOptions<Req, Res> {
  readonly name: string;
  /** How long a call takes. Default 10 ms. */
  readonly latency?: Latency;
  /** Chance that a call fails with `errorStatus`. Default 0. */
  readonly errorRate?: number;
  /** Status of those failures. Default 503. */
  readonly errorStatus?: number;
  /** Chance that a call hangs (no answer for `hangMs`). Default 0. */
  readonly hangRate?: number;
  /** Chance that the handler runs but the answer is lost (the caller sees a hang). Default 0. */
  readonly lostResponseRate?: number;
  /** How long a hanging call takes before failing with 504. Default 30 000 ms. */
  readonly hangMs?: number;
  /** Windows of downtime. */
  readonly outages?: readonly Outage[];
  /** At most this many calls are served at once; the others queue (their wait adds to their latency). */
  readonly concurrency?: number;
  /** What the service does with a request; its return value is the response. Default: returns undefined. */
  readonly handler?: (request: Req) => Res | Promise<Res>;
  /** Seed for the service's randomness. Default: derived from the name. */
  readonly seed?: number;
}

export interface CallOptions {
  /** Give up after this long with a TimeoutError (the service may still do the work). */
  readonly timeoutMs?: number;
}

/** What callers saw, plus what the service did. */
export interface ServiceStats {
  readonly calls: number;
  /** Calls that returned a response. */
  readonly ok: number;
  /** Calls that threw a ServiceError. */
  readonly errors: number;
  /** Calls the caller gave up on (TimeoutError). */
  readonly timeouts: number;
  /** Times the handler ran: the side effects that really happened. */
  readonly handled: number;
  /** ServiceErrors by status, e.g. { 503: 4, 504: 1 }. */
  readonly byStatus: Readonly<Record<number, number>>;
}

type Outcome = { readonly kind: 'ok' | 'hang' | 'lost' } | { readonly kind: 'error'; readonly status: number };

/** A remote service taking requests of type Req and answering Res. */
export class Service<Req = unknown, Res = void> {
  readonly name: string;
  // The behaviour can be changed at any time, e.g. `after(5_000, () => { svc.latency = 2_000 })`.
  latency: Latency;
  errorRate: number;
  errorStatus: number;
  hangRate: number;
  lostResponseRate: number;
  hangMs: number;
  private readonly outages: Outage[];
  private readonly handler: ((request: Req) => Res | Promise<Res>) | undefined;
  private readonly random: Random;
  private readonly slots: Semaphore | undefined;
  private active = 0;
  private counters = { calls: 0, ok: 0, errors: 0, timeouts: 0, handled: 0 };
  private readonly statuses: Record<number, number> = {};

  constructor(options: ServiceOptions<Req, Res>) {
    this.name = options.name;
    this.latency = options.latency ?? 10;
    this.errorRate = options.errorRate ?? 0;
    this.errorStatus = options.errorStatus ?? 503;
    this.hangRate = options.hangRate ?? 0;
    this.lostResponseRate = options.lostResponseRate ?? 0;
    this.hangMs = options.hangMs ?? 30_000;
    this.outages = [...(options.outages ?? [])];
    this.handler = options.handler;
    this.random = new Random(options.seed ?? stableHash(this.name));
    this.slots = options.concurrency ? new Semaphore(options.concurrency) : undefined;
  }

  /**
   * Calls the service. Resolves with the handler's response, or rejects with a ServiceError — or with a
   * TimeoutError if `timeoutMs` runs out first.
   */
  async call(request: Req, options: CallOptions = {}): Promise<Res> {
    this.counters.calls += 1;
    const work = this.serve(request, this.decide(), this.random.latency(this.latency));
    try {
      const response =
        options.timeoutMs === undefined ? await work : await timeout(work, options.timeoutMs, `${this.name}.call`);
      this.counters.ok += 1;
      return response;
    } catch (error) {
      if (error instanceof TimeoutError) this.counters.timeouts += 1;
      if (error instanceof ServiceError) {
        this.counters.errors += 1;
        this.statuses[error.status] = (this.statuses[error.status] ?? 0) + 1;
      }
      throw error;
    }
  }

  /** Adds a window of downtime, e.g. `svc.addOutage({ from: now(), to: now() + 3_000 })`. */
  addOutage(outage: Outage): void {
    this.outages.push(outage);
  }

  /** The outage in effect at `at` (default now), if any. */
  outageAt(at = now()): Outage | undefined {
    return this.outages.find((o) => o.from <= at && at < o.to);
  }

  /** Calls being served right now. */
  get inFlight(): number {
    return this.active;
  }

  /** Calls waiting for one of the `concurrency` slots. */
  get queued(): number {
    return this.slots?.waiting ?? 0;
  }

  get stats(): ServiceStats {
    return { ...this.counters, byStatus: { ...this.statuses } };
  }

  private decide(): Outcome {
    const roll = this.random.next(); // always drawn, so an outage doesn't shift later calls' luck
    const outage = this.outageAt();
    if (outage) return outage.status === 'hang' ? { kind: 'hang' } : { kind: 'error', status: outage.status ?? 503 };
    if (roll < this.errorRate) return { kind: 'error', status: this.errorStatus };
    if (roll < this.errorRate + this.hangRate) return { kind: 'hang' };
    if (roll < this.errorRate + this.hangRate + this.lostResponseRate) return { kind: 'lost' };
    return { kind: 'ok' };
  }

  private async serve(request: Req, outcome: Outcome, latencyMs: number): Promise<Res> {
    const release = this.slots ? await this.slots.acquire() : undefined;
    this.active += 1;
    try {
      if (outcome.kind === 'error') {
        await sleep(latencyMs);
        throw new ServiceError(outcome.status, undefined, this.name);
      }
      if (outcome.kind === 'hang') {
        await sleep(this.hangMs);
        throw new ServiceError(504, 'no response', this.name);
      }
      if (outcome.kind === 'lost') {
        const started = now();
        await sleep(latencyMs);
        await this.handle(request); // the work is done…
        await sleep(Math.max(0, this.hangMs - (now() - started))); // …but the answer never arrives
        throw new ServiceError(504, 'no response', this.name);
      }
      await sleep(latencyMs);
      return await this.handle(request);
    } finally {
      this.active -= 1;
      release?.();
    }
  }

  private async handle(request: Req): Promise<Res> {
    this.counters.handled += 1;
    try {
      return this.handler ? await this.handler(request) : (undefined as Res);
    } catch (error) {
      if (error instanceof ServiceError)
        throw error.service ? error : new ServiceError(error.status, error.detail, this.name, { cause: error });
      throw new ServiceError(500, error instanceof Error ? error.message : String(error), this.name, { cause: error });
    }
  }
}
