// The same order events, first as jobs on a queue (competing consumers: each message handled once),
// then on a stream (consumer groups: each group sees every event, and can replay). Change the constants.
import { formatTime, now, sleep } from '../../kit/clock';
import { Queue } from '../../kit/queue';
import { Stream, type StreamRecord } from '../../kit/stream';
import { inLifecycleOrder, orderEvents, type OrderEvent } from './order-events';

const ORDERS = 6; // each emits placed, paid, shipped
const EMAIL_WORKERS = 3;
const EMAIL_MS = 50; // time to send one email
const PARTITIONS = 3;
const REPLAY_FROM_OFFSET = 1; // where the recommendations group rewinds partition 0 to

const events = orderEvents(ORDERS);

console.log(`--- queue: ${events.length} email jobs, ${EMAIL_WORKERS} competing workers ---`);
const emailJobs = new Queue<OrderEvent>({ name: 'email-jobs' });
const handledBy: Record<string, number> = {};
const timesHandled = new Map<string, number>();
const workers = Array.from({ length: EMAIL_WORKERS }, (_, w) =>
  emailJobs.consume(async (message) => {
    await sleep(EMAIL_MS); // send the email
    handledBy[`worker-${w + 1}`] = (handledBy[`worker-${w + 1}`] ?? 0) + 1;
    timesHandled.set(message.id, (timesHandled.get(message.id) ?? 0) + 1);
  }),
);
const started = now();
for (const event of events) await emailJobs.send(event);
await emailJobs.whenEmpty();
await Promise.all(workers.map((w) => w.stop()));
const handledOnce = [...timesHandled.values()].filter((n) => n === 1).length;
console.log(
  `all sent in ${formatTime(now() - started)} (one worker: ${formatTime(events.length * EMAIL_MS)}); per worker:`,
  handledBy,
);
console.log(
  `${handledOnce} of ${emailJobs.stats.sent} messages handled exactly once (acked: ${emailJobs.stats.acked})`,
);
const late = await emailJobs.receive();
console.log(
  `a consumer that starts now receives: ${late ? late.body.orderId : 'nothing'} (acked messages are deleted: no replay)`,
);

console.log(`--- stream: the same ${events.length} events, ${PARTITIONS} partitions keyed by order ---`);
const orderStream = new Stream<OrderEvent>({ name: 'order-events', partitions: PARTITIONS });
for (const event of events) await orderStream.append(event.orderId, event);
console.log('events per partition:', orderStream.sizes());

const analytics = [orderStream.subscribe('analytics'), orderStream.subscribe('analytics')];
const recommendations = orderStream.subscribe('recommendations');
const seen: Record<string, OrderEvent[]> = { analytics: [], recommendations: [] };
for (const member of analytics) {
  const records = await member.poll();
  await member.commit();
  seen['analytics']!.push(...records.map((r) => r.value));
  console.log(
    `${member.member} (partition${member.partitions.length === 1 ? '' : 's'} ${member.partitions.join(', ')}) read ${records.length} events`,
  );
}
const firstRead: StreamRecord<OrderEvent>[] = await recommendations.poll();
await recommendations.commit();
seen['recommendations']!.push(...firstRead.map((r) => r.value));
for (const [group, got] of Object.entries(seen)) {
  console.log(
    `${group}: ${got.length} of ${events.length} events, each order in lifecycle order: ${inLifecycleOrder(got)}, lag ${orderStream.lag(group)}`,
  );
}

console.log('--- replay ---');
recommendations.seek(0, REPLAY_FROM_OFFSET); // a bug fix: recompute from an earlier offset
const replayed = await recommendations.poll();
await recommendations.commit();
console.log(
  `recommendations rewinds partition 0 to offset ${REPLAY_FROM_OFFSET}: ${replayed.length} events again (${replayed.map((r) => `${r.value.orderId} ${r.value.status}`).join(', ')})`,
);
const audit = orderStream.subscribe('audit'); // a new group starts from offset 0
console.log(
  `a new audit group reads ${(await audit.poll()).length} events: reading deleted nothing (${orderStream.peek().length} still in the log)`,
);
