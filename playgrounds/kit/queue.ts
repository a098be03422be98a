/**
 * kit/queue — a message queue like SQS or RabbitMQ: at-least-once delivery with ack/nack, a visibility
 * timeout (no ack in time → the message is delivered again), a maximum number of attempts after which
 * the message moves to a dead-letter queue, and optional duplicate delivery.
 *
 *   import { Queue } from '../../kit/queue';
 *   const orders = new Queue<{ orderId: string }>({ visibilityTimeoutMs: 5000, maxAttempts: 3 });
 *   await orders.send({ orderId: 'o-1' });
 *   await orders.drain(async (msg) => charge(msg.body), { concurrency: 2 }); // ack on success, retry on throw
 *   console.log(orders.stats, orders.deadLetters.peek());
 *
 * Or by hand: `const msg = await orders.receive()` … `await orders.ack(msg)` / `await orders.nack(msg)`.
 * Several consumers (or `concurrency`) compete: each delivery goes to one of them.
 */
import { after, now, sleep, type Timer } from './clock';
import { Random, stableHash, type Latency } from './random';

/** A delivered message. */
export interface Message<T> {
  /** The message id: the same on every redelivery and on duplicates (a natural deduplication key). */
  readonly id: string;
  readonly body: T;
  /** 1 on the first delivery, 2 on the first redelivery… */
  readonly attempt: number;
  /** Virtual time it was sent. */
  readonly sentAt: number;
}

export interface QueueOptions {
  /** Default "queue"; also seeds the randomness. */
  readonly name?: string;
  /** How long a received message stays invisible to others while unacknowledged. Default 30 000 ms. */
  readonly visibilityTimeoutMs?: number;
  /** Deliveries before a failing message goes to the dead-letter queue. Default 3; Infinity: never. */
  readonly maxAttempts?: number;
  /** Chance that a sent message is delivered twice (a producer retry, a lost ack). Default 0. */
  readonly duplicateRate?: number;
  /** How long each send, receive, ack and nack takes. Default 0. */
  readonly latency?: Latency;
  /** Seed for randomness. Default: derived from the name. */
  readonly seed?: number;
}

export interface QueueStats {
  readonly sent: number;
  /** Deliveries, first ones and redeliveries. */
  readonly received: number;
  readonly redelivered: number;
  readonly acked: number;
  readonly nacked: number;
  /** Deliveries whose visibility timeout ran out before an ack. */
  readonly expired: number;
  readonly deadLettered: number;
  /** Extra copies created by `duplicateRate`. */
  readonly duplicated: number;
}

export interface ConsumeOptions<T> {
  /** Messages handled at the same time. Default 1. */
  readonly concurrency?: number;
  /** When the handler throws, redeliver after this long. Default 0 (at once). */
  readonly retryDelayMs?: number;
  /** Called when the handler throws (the message is then nacked). */
  readonly onError?: (error: unknown, message: Message<T>) => void;
}

/** Consumers started by {@link Queue.consume}. */
export interface Consumer {
  /** Stops taking messages; resolves when the messages being handled are done. */
  stop(): Promise<void>;
}

interface Envelope<T> {
  readonly id: string;
  readonly body: T;
  readonly sentAt: number;
  deliveries: number;
  /** Which delivery is current; an ack for an older one is stale. */
  delivery: number;
  state: 'delayed' | 'visible' | 'in flight' | 'done';
  timer: Timer | undefined;
}

interface Waiter<T> {
  readonly deliver: (message: Message<T> | undefined) => void;
  timer: Timer | undefined;
}

/** A queue of messages with bodies of type T. */
export class Queue<T> {
  readonly name: string;
  readonly visibilityTimeoutMs: number;
  readonly maxAttempts: number;
  /** How long each operation takes; change it at any time. */
  latency: Latency;
  duplicateRate: number;
  private readonly random: Random;
  private readonly visible: Envelope<T>[] = [];
  private readonly pending = new Set<Envelope<T>>();
  private readonly waiters: Waiter<T>[] = [];
  private readonly emptyWaiters: (() => void)[] = [];
  private readonly deliveries = new WeakMap<Message<T>, { envelope: Envelope<T>; delivery: number }>();
  private dlq: Queue<T> | undefined;
  private lastId = 0;
  private counters = {
    sent: 0,
    received: 0,
    redelivered: 0,
    acked: 0,
    nacked: 0,
    expired: 0,
    deadLettered: 0,
    duplicated: 0,
  };

  constructor(options: QueueOptions = {}) {
    this.name = options.name ?? 'queue';
    this.visibilityTimeoutMs = options.visibilityTimeoutMs ?? 30_000;
    this.maxAttempts = options.maxAttempts ?? 3;
    this.duplicateRate = options.duplicateRate ?? 0;
    this.latency = options.latency ?? 0;
    this.random = new Random(options.seed ?? stableHash(this.name));
  }

  /** Where messages go after maxAttempts failed deliveries (created on first use; a Queue like any other). */
  get deadLetters(): Queue<T> {
    this.dlq ??= new Queue<T>({ name: `${this.name}.dlq`, maxAttempts: Infinity });
    return this.dlq;
  }

  /** Sends a message; returns its id. `delayMs` keeps it invisible that long; `id` sets the id (default "msg-1"…). */
  async send(body: T, options: { readonly id?: string; readonly delayMs?: number } = {}): Promise<string> {
    await this.delay();
    const id = options.id ?? `msg-${++this.lastId}`;
    this.counters.sent += 1;
    this.enqueue(id, body, options.delayMs ?? 0);
    if (this.duplicateRate > 0 && this.random.chance(this.duplicateRate)) {
      this.counters.duplicated += 1;
      this.enqueue(id, body, options.delayMs ?? 0);
    }
    return id;
  }

  /**
   * Receives the next visible message, or undefined if there is none — after waiting up to `waitMs`
   * for one to arrive (long polling; default 0).
   */
  async receive(options: { readonly waitMs?: number } = {}): Promise<Message<T> | undefined> {
    await this.delay();
    const envelope = this.visible.shift();
    return envelope ? this.deliver(envelope) : this.waitForMessage(options.waitMs ?? 0);
  }

  /** Acknowledges (deletes) a message. False if it was too late: the visibility timeout had run out. */
  async ack(message: Message<T>): Promise<boolean> {
    await this.delay();
    const envelope = this.current(message);
    if (!envelope) return false;
    this.counters.acked += 1;
    this.settle(envelope);
    return true;
  }

  /**
   * Gives a message back: it is delivered again (after `delayMs`), or goes to the dead-letter queue if
   * this was its last attempt. False if it was too late (the message had already been redelivered).
   */
  async nack(message: Message<T>, options: { readonly delayMs?: number } = {}): Promise<boolean> {
    await this.delay();
    const envelope = this.current(message);
    if (!envelope) return false;
    this.counters.nacked += 1;
    envelope.timer?.cancel();
    this.retry(envelope, options.delayMs ?? 0);
    return true;
  }

  /**
   * Starts `concurrency` consumers that receive messages one at a time and call `handler`: a message
   * is acked when the handler returns and nacked when it throws. Keep the returned Consumer to stop().
   */
  consume(handler: (message: Message<T>) => void | Promise<void>, options: ConsumeOptions<T> = {}): Consumer {
    let stopped = false;
    const mine = new Set<Waiter<T>>();
    const worker = async () => {
      while (!stopped) {
        await this.delay();
        if (stopped) break;
        const envelope = this.visible.shift();
        const message = envelope ? this.deliver(envelope) : await this.waitForMessage(Infinity, mine);
        if (!message) break;
        try {
          await handler(message);
        } catch (error) {
          options.onError?.(error, message);
          await this.nack(message, { delayMs: options.retryDelayMs ?? 0 });
          continue;
        }
        await this.ack(message);
      }
    };
    const workers = Array.from({ length: options.concurrency ?? 1 }, () => worker());
    return {
      stop: async () => {
        stopped = true;
        for (const waiter of mine) this.removeWaiter(waiter).deliver(undefined);
        await Promise.all(workers);
      },
    };
  }

  /** Consumes (see consume()) until the queue is empty — nothing visible, delayed or in flight — then stops. */
  async drain(handler: (message: Message<T>) => void | Promise<void>, options: ConsumeOptions<T> = {}): Promise<void> {
    const consumer = this.consume(handler, options);
    await this.whenEmpty();
    await consumer.stop();
  }

  /** Resolves when nothing is visible, delayed or in flight. */
  whenEmpty(): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.emptyWaiters.push(resolve));
  }

  /** Messages not yet acked or dead-lettered: visible, delayed or in flight. */
  get size(): number {
    return this.visible.length + this.pending.size;
  }

  /** Messages in flight: delivered and not yet acked. */
  get inFlight(): number {
    return [...this.pending].filter((e) => e.state === 'in flight').length;
  }

  /** The bodies of the visible messages, in delivery order, without receiving them (for printing a DLQ). */
  peek(): T[] {
    return this.visible.map((e) => e.body);
  }

  get stats(): QueueStats {
    return { ...this.counters };
  }

  // ---- Internals --------------------------------------------------------------------------------

  private async delay(): Promise<void> {
    const ms = this.random.latency(this.latency);
    if (ms > 0) await sleep(ms);
  }

  private enqueue(id: string, body: T, delayMs: number): void {
    const envelope: Envelope<T> = {
      id,
      body,
      sentAt: now(),
      deliveries: 0,
      delivery: 0,
      state: 'delayed',
      timer: undefined,
    };
    if (delayMs > 0) {
      this.pending.add(envelope);
      envelope.timer = after(delayMs, () => this.makeVisible(envelope));
    } else {
      this.makeVisible(envelope);
    }
  }

  private makeVisible(envelope: Envelope<T>): void {
    this.pending.delete(envelope);
    envelope.timer = undefined;
    envelope.state = 'visible';
    const waiter = this.waiters.shift();
    if (waiter) {
      waiter.timer?.cancel();
      waiter.deliver(this.deliver(envelope)); // straight to a consumer that was waiting
    } else {
      this.visible.push(envelope);
    }
  }

  private deliver(envelope: Envelope<T>): Message<T> {
    envelope.deliveries += 1;
    envelope.delivery += 1;
    envelope.state = 'in flight';
    this.pending.add(envelope);
    this.counters.received += 1;
    if (envelope.deliveries > 1) this.counters.redelivered += 1;
    const delivery = envelope.delivery;
    envelope.timer = after(this.visibilityTimeoutMs, () => {
      if (envelope.state !== 'in flight' || envelope.delivery !== delivery) return;
      this.counters.expired += 1;
      this.retry(envelope, 0);
    });
    const message: Message<T> = {
      id: envelope.id,
      body: envelope.body,
      attempt: envelope.deliveries,
      sentAt: envelope.sentAt,
    };
    this.deliveries.set(message, { envelope, delivery });
    return message;
  }

  /** The envelope if `message` is its current, unsettled delivery. */
  private current(message: Message<T>): Envelope<T> | undefined {
    const found = this.deliveries.get(message);
    if (!found || found.envelope.state !== 'in flight' || found.envelope.delivery !== found.delivery) return undefined;
    return found.envelope;
  }

  private retry(envelope: Envelope<T>, delayMs: number): void {
    if (envelope.deliveries >= this.maxAttempts) {
      this.counters.deadLettered += 1;
      this.settle(envelope);
      this.deadLetters.enqueue(envelope.id, envelope.body, 0);
      return;
    }
    envelope.state = 'delayed';
    if (delayMs > 0) envelope.timer = after(delayMs, () => this.makeVisible(envelope));
    else this.makeVisible(envelope);
  }

  /** Done with a message: acked or dead-lettered. */
  private settle(envelope: Envelope<T>): void {
    envelope.timer?.cancel();
    envelope.timer = undefined;
    envelope.state = 'done';
    this.pending.delete(envelope);
    if (this.size === 0) for (const resolve of this.emptyWaiters.splice(0)) resolve();
  }

  private waitForMessage(waitMs: number, owners?: Set<Waiter<T>>): Promise<Message<T> | undefined> {
    if (waitMs <= 0) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const waiter: Waiter<T> = {
        deliver: (message) => {
          owners?.delete(waiter);
          resolve(message);
        },
        timer: undefined,
      };
      if (waitMs !== Infinity) waiter.timer = after(waitMs, () => this.removeWaiter(waiter).deliver(undefined));
      this.waiters.push(waiter);
      owners?.add(waiter);
    });
  }

  private removeWaiter(waiter: Waiter<T>): Waiter<T> {
    const index = this.waiters.indexOf(waiter);
    if (index >= 0) this.waiters.splice(index, 1);
    waiter.timer?.cancel();
    return waiter;
  }
}
