/**
 * The page's AuditLogger and AuditableService in TypeScript. log_async puts the event in an in-memory
 * buffer that a background loop writes to the audit database in batches; log_sync writes it at once.
 */
import { after, now, sleep, type Timer } from '../../kit/clock';
import type { Database } from '../../kit/db';
import { log } from '../../kit/log';

export type Action = 'CREATE' | 'UPDATE' | 'DELETE';

export interface AuditEvent {
  readonly id: number;
  readonly entityType: string;
  readonly entityId: string;
  readonly action: Action;
  /** Who made the change. */
  readonly userId: string;
  readonly timestamp: string;
  /** JSON: before/after or a delta. */
  readonly changes: string;
  readonly metadata: string;
}

export interface AuditTables {
  audit_logs: AuditEvent;
}

/** Virtual time 0 is this moment, so that timestamps read like dates. */
const EPOCH = Date.UTC(2026, 0, 15, 9, 0, 0);

export interface AuditLoggerOptions {
  readonly batchSize?: number;
  readonly flushIntervalMs?: number;
}

export class AuditLogger {
  /** Batch inserts that reached the audit database, and the events in them. */
  readonly stats = { batches: 0, eventsWritten: 0, failedFlushes: 0 };
  readonly batchSize: number;
  readonly flushIntervalMs: number;
  /** The in-memory queue: whatever is here when the process dies is gone. */
  private auditQueue: AuditEvent[] = [];
  private wake: (() => void) | undefined;
  private running = true;
  private readonly flushLoopDone: Promise<void>;

  constructor(
    private readonly auditDb: Database<AuditTables>,
    options: AuditLoggerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 100;
    this.flushIntervalMs = options.flushIntervalMs ?? 5000;
    this.flushLoopDone = this.flushLoop(); // the background "thread"
  }

  /** How many events wait in memory for the next flush. */
  get buffered(): number {
    return this.auditQueue.length;
  }

  /** Async audit logging (non-blocking): the event is only in memory until the next flush. */
  logAsync(
    entityType: string,
    entityId: string,
    action: Action,
    userId: string,
    changes: unknown,
    metadata: unknown = {},
  ): void {
    if (!this.running) throw new Error('audit logger stopped');
    this.auditQueue.push(this.event(entityType, entityId, action, userId, changes, metadata));
    if (this.auditQueue.length === 1 || this.auditQueue.length >= this.batchSize) this.wake?.();
  }

  /** Synchronous audit logging (for critical operations): returns once the row is in the audit database. */
  async logSync(entityType: string, entityId: string, action: Action, userId: string, changes: unknown): Promise<void> {
    await this.auditDb.insert('audit_logs', this.event(entityType, entityId, action, userId, changes, {}));
  }

  /** Graceful shutdown: stop the loop and flush what is buffered. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.flushLoopDone;
  }

  /** The process dies (kill -9, OOM, a deploy): no final flush, the buffered events are gone. */
  crash(): void {
    this.running = false;
    this.auditQueue = [];
    this.wake?.();
  }

  /** Background loop: wait for a full batch or the flush interval, then bulk insert; retry failed flushes. */
  private async flushLoop(): Promise<void> {
    while (this.running) {
      await this.untilBatchReady();
      const batch = this.auditQueue.splice(0, this.batchSize);
      for (let attempt = 1; batch.length > 0; attempt++) {
        try {
          await this.auditDb.insertMany('audit_logs', batch);
          this.stats.batches += 1;
          this.stats.eventsWritten += batch.length;
          log(`audit: flushed ${batch.length} events in one INSERT`);
          break;
        } catch (error) {
          // Keep the batch and retry it before collecting the next one: dropping it would lose audit events
          this.stats.failedFlushes += 1;
          log(`audit flush of ${batch.length} events failed (${String(error)}), retry ${attempt}`);
          await sleep(Math.min(1000 * 2 ** attempt, 30_000));
        }
      }
    }
  }

  /**
   * Resolves when batchSize events are buffered, or flushIntervalMs after the first buffered event, or
   * on stop/crash. Waiting for the whole interval is the point: the sample stopped at the first quiet
   * 100 ms, so under light load every event was written on its own.
   */
  private untilBatchReady(): Promise<void> {
    return new Promise((resolve) => {
      let timer: Timer | undefined;
      const done = () => {
        timer?.cancel();
        this.wake = undefined;
        resolve();
      };
      const check = () => {
        if (!this.running || this.auditQueue.length >= this.batchSize) done();
        else if (this.auditQueue.length > 0 && !timer) timer = after(this.flushIntervalMs, done);
      };
      this.wake = check;
      check(); // an empty buffer waits without a timer until the first event arrives
    });
  }

  private event(
    entityType: string,
    entityId: string,
    action: Action,
    userId: string,
    changes: unknown,
    metadata: unknown,
  ): AuditEvent {
    return {
      id: this.auditDb.nextId('audit_logs'),
      entityType,
      entityId,
      action, // CREATE, UPDATE, DELETE
      userId,
      timestamp: new Date(EPOCH + now()).toISOString(),
      changes: JSON.stringify(changes), // before/after or delta
      metadata: JSON.stringify(metadata),
    };
  }
}

export interface User {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly plan: string;
}

export interface AppTables {
  users: User;
}

export class AuditableService {
  constructor(
    private readonly db: Database<AppTables>,
    private readonly audit: AuditLogger,
    /** 'sync' for critical operations: the request waits for the audit row. */
    private readonly auditMode: 'async' | 'sync' = 'async',
  ) {}

  async updateUser(userId: string, changes: Partial<Omit<User, 'id'>>, userIdAudit: string): Promise<User> {
    // Read the current state and update it in one transaction: the row lock keeps a concurrent update
    // from slipping in between, so "before" really is what this update changed
    const { currentUser, updatedUser } = await this.db.transaction(async (tx) => {
      const current = await tx.getForUpdate('users', userId);
      if (!current) throw new Error(`no user ${userId}`);
      await tx.update('users', userId, changes);
      return { currentUser: current, updatedUser: { ...current, ...changes } };
    });

    const auditChanges = { before: currentUser, after: updatedUser };
    if (this.auditMode === 'async') this.audit.logAsync('user', userId, 'UPDATE', userIdAudit, auditChanges);
    else await this.audit.logSync('user', userId, 'UPDATE', userIdAudit, auditChanges);

    return updatedUser;
  }
}
