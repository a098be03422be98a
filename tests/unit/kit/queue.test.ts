import { beforeEach, describe, expect, it } from 'vitest';
import { after, now, pendingTimers, resetClock, sleep } from '../../../playgrounds/kit/clock';
import { Queue, type Message } from '../../../playgrounds/kit/queue';

beforeEach(() => resetClock());

describe('Queue', () => {
  it('delivers, acks and counts', async () => {
    const q = new Queue<string>({ latency: 1 });
    expect(await q.send('hello')).toBe('msg-1');
    await q.send('world', { id: 'custom' });
    const first = (await q.receive())!;
    expect(first).toEqual({ id: 'msg-1', body: 'hello', attempt: 1, sentAt: 1 });
    expect([q.size, q.inFlight, q.peek()]).toEqual([2, 1, ['world']]);
    expect(await q.ack(first)).toBe(true);
    expect(await q.ack(first)).toBe(false);
    expect((await q.receive())!.id).toBe('custom');
    expect(await q.receive()).toBeUndefined();
    expect(q.stats).toEqual({
      sent: 2,
      received: 2,
      redelivered: 0,
      acked: 1,
      nacked: 0,
      expired: 0,
      deadLettered: 0,
      duplicated: 0,
    });
  });

  it('redelivers a message whose visibility timeout ran out; the late ack fails', async () => {
    const q = new Queue<string>({ visibilityTimeoutMs: 1000 });
    await q.send('job');
    const slow = (await q.receive())!;
    expect(await q.receive()).toBeUndefined(); // invisible while in flight
    await sleep(1000);
    const again = (await q.receive())!;
    expect(again).toMatchObject({ id: 'msg-1', attempt: 2 });
    expect(await q.ack(slow)).toBe(false); // too late: someone else has it now
    expect(await q.ack(again)).toBe(true);
    expect(q.stats).toMatchObject({ received: 2, redelivered: 1, expired: 1, acked: 1 });
    expect(pendingTimers()).toBe(0);
  });

  it('moves a message to the dead-letter queue after maxAttempts', async () => {
    const q = new Queue<{ n: number }>({ maxAttempts: 3 });
    await q.send({ n: 1 });
    await q.send({ n: 2 });
    const seen: string[] = [];
    await q.drain(
      async (m) => {
        seen.push(`${m.body.n}#${m.attempt}@${now()}`);
        if (m.body.n === 2) throw new Error('poison');
      },
      { retryDelayMs: 100 },
    );
    expect(seen).toEqual(['1#1@0', '2#1@0', '2#2@100', '2#3@200']);
    expect(q.deadLetters.peek()).toEqual([{ n: 2 }]);
    expect(q.stats).toMatchObject({ acked: 1, nacked: 3, deadLettered: 1, redelivered: 2 });
    expect(q.size).toBe(0);
  });

  it('nacks for an immediate or delayed retry', async () => {
    const q = new Queue<string>();
    await q.send('a');
    await q.nack((await q.receive())!, { delayMs: 500 });
    expect(await q.receive()).toBeUndefined();
    expect(q.size).toBe(1);
    await sleep(500);
    expect(await q.receive()).toMatchObject({ attempt: 2 });
  });

  it('shares messages between competing consumers', async () => {
    const q = new Queue<number>();
    for (let i = 1; i <= 6; i++) await q.send(i);
    const handledBy: string[] = [];
    const worker = (name: string) => async (m: Message<number>) => {
      await sleep(100);
      handledBy.push(`${name}:${m.body}@${now()}`);
    };
    const a = q.consume(worker('a'));
    const b = q.consume(worker('b'));
    await q.whenEmpty();
    await Promise.all([a.stop(), b.stop()]);
    expect(handledBy).toEqual(['a:1@100', 'b:2@100', 'a:3@200', 'b:4@200', 'a:5@300', 'b:6@300']);
    expect(pendingTimers()).toBe(0);
  });

  it('delivers duplicates with the same id when duplicateRate says so, deterministically', async () => {
    const run = async () => {
      resetClock();
      const q = new Queue<number>({ duplicateRate: 0.3 });
      for (let i = 0; i < 20; i++) await q.send(i);
      const ids: string[] = [];
      await q.drain((m) => void ids.push(m.id));
      return { ids, duplicated: q.stats.duplicated };
    };
    const first = await run();
    expect(first.duplicated).toBeGreaterThan(0);
    expect(first.ids).toHaveLength(20 + first.duplicated);
    expect(new Set(first.ids).size).toBe(20);
    expect(await run()).toEqual(first);
  });

  it('long-polls: receive() waits up to waitMs for a message', async () => {
    const q = new Queue<string>();
    after(300, async () => void (await q.send('late')));
    expect(await q.receive({ waitMs: 100 })).toBeUndefined();
    expect(now()).toBe(100);
    expect(await q.receive({ waitMs: 1000 })).toMatchObject({ body: 'late' });
    expect(now()).toBe(300);
  });

  it('holds delayed messages back', async () => {
    const q = new Queue<string>();
    await q.send('later', { delayMs: 250 });
    expect(await q.receive()).toBeUndefined();
    const got = await q.receive({ waitMs: 1000 });
    expect([got?.body, now()]).toEqual(['later', 250]);
  });
});
