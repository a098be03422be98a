// Effectively-once over an at-least-once broker. The broker delivers some messages twice, and some
// replies from the payment store are lost after the payment committed, so the consumer fails and the
// message comes back. With the message id as idempotency key, every payment is applied exactly once.
import { Database } from '../../kit/db';
import { Kv } from '../../kit/kv';
import { log } from '../../kit/log';
import { Queue, type Message } from '../../kit/queue';
import { Random } from '../../kit/random';
import { MessageProcessor, type PaymentMessage, type ProcessResult } from './message-processor';
import { PaymentStore, type Payment, type PaymentTables } from './payments';

const MESSAGES = 20;
const ACCOUNTS = ['acct-1', 'acct-2', 'acct-3'];
/** Share of messages the broker delivers twice. */
const DUPLICATE_RATE = 0.2;
/** Share of payment-store replies lost after the commit: the consumer fails, the broker redelivers. */
const LOST_REPLY_RATE = 0.15;
/** Consumers taking messages at the same time (so duplicates can race each other). */
const CONSUMERS = 3;
const SEED = 7;
/** How many lost replies and duplicates to narrate as they happen (in the second run). */
const SHOW_EVENTS = 2;

/** A connection that sometimes drops the reply after the payment has committed. */
class LossyPaymentStore extends PaymentStore {
  private readonly random = new Random(SEED);
  lostReplies = 0;
  override async processPayment(idempotencyKey: string, accountId: string, amountCents: number): Promise<Payment> {
    const payment = await super.processPayment(idempotencyKey, accountId, amountCents);
    if (this.random.chance(LOST_REPLY_RATE)) {
      this.lostReplies += 1;
      throw new Error(`connection reset: payment #${payment.id} committed, its reply was lost`);
    }
    return payment;
  }
}

const random = new Random(SEED);
const messages: PaymentMessage[] = Array.from({ length: MESSAGES }, () => ({
  accountId: random.pick(ACCOUNTS),
  amountCents: random.int(1, 100) * 100,
}));
const expected = (account: string) =>
  messages.filter((m) => m.accountId === account).reduce((sum, m) => sum + m.amountCents, 0);

/** Sends every message through a fresh broker and consumes them with `keyOf` as the idempotency key. */
async function run(
  name: string,
  keyOf: (message: Message<PaymentMessage>, delivery: number) => string,
  narrate = false,
) {
  console.log(`--- ${name} ---`);
  const db = new Database<PaymentTables>({
    name: 'payments',
    latency: 2,
    tables: { payments: { unique: ['idempotencyKey'] } },
  });
  for (const id of ACCOUNTS) await db.insert('accounts', { id, balanceCents: 0 });
  const store = new LossyPaymentStore(db);
  const processor = new MessageProcessor(new Kv({ latency: 1 }), store);
  const broker = new Queue<PaymentMessage>({ name: 'payments', duplicateRate: DUPLICATE_RATE, maxAttempts: 10 });
  for (const message of messages) await broker.send(message);

  const via: Record<ProcessResult['via'], number> = { processed: 0, cache: 0, duplicate: 0 };
  const lost = new Set<string>(); // narrated lost replies whose redelivery is still to come
  let racesShown = 0;
  let deliveries = 0;
  await broker.drain(
    async (message) => {
      const result = await processor.process(keyOf(message, ++deliveries), message.body);
      via[result.via] += 1;
      if (!narrate || result.via !== 'duplicate') return;
      if (lost.delete(message.id)) {
        log(
          `  ${message.id} redelivered (attempt ${message.attempt}): DuplicatePaymentError, payment #${result.payment.id} found in the store`,
        );
      } else if (message.attempt === 1 && racesShown++ < SHOW_EVENTS) {
        log(
          `  ${message.id} duplicate copy, raced the original: DuplicatePaymentError, payment #${result.payment.id} found in the store`,
        );
      }
    },
    {
      concurrency: CONSUMERS,
      retryDelayMs: 100,
      onError: (error, message) => {
        if (!narrate || store.lostReplies > SHOW_EVENTS) return;
        lost.add(message.id);
        log(`  ${message.id} (attempt ${message.attempt}): ${error instanceof Error ? error.message : String(error)}`);
      },
    },
  );
  const { received, duplicated, redelivered } = broker.stats;
  log(
    `${received} deliveries (${duplicated} duplicates, ${redelivered} redeliveries after ${store.lostReplies} lost replies)`,
  );
  const applied = db.peek('payments').length;
  log(
    `${applied} payments applied for ${MESSAGES} messages${applied === MESSAGES ? ': each exactly once' : `: ${applied - MESSAGES} too many`}`,
  );
  return { db, via, failed: received - via.processed - via.cache - via.duplicate };
}

console.log(
  `${MESSAGES} payment messages; ${DUPLICATE_RATE * 100}% delivered twice, ${LOST_REPLY_RATE * 100}% of payment replies lost`,
);
const perDelivery = await run('idempotency key made per delivery', (message, delivery) => `${message.id}/${delivery}`);
const perMessage = await run('MessageProcessor: idempotency key = message id', (message) => message.id, true);
const { processed, cache, duplicate } = perMessage.via;
log(
  `deliveries: ${processed} processed, ${perMessage.failed} failed (reply lost), ${cache} answered from the cache, ${duplicate} by the store's unique key`,
);

console.log('--- balances (cents) ---');
const balance = (db: Database<PaymentTables>, id: string) => db.peek('accounts').find((a) => a.id === id)?.balanceCents;
console.table(
  ACCOUNTS.map((id) => ({
    account: id,
    expected: expected(id),
    'key per delivery': balance(perDelivery.db, id),
    'key = message id': balance(perMessage.db, id),
  })),
);
