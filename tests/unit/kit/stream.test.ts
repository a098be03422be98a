import { beforeEach, describe, expect, it } from 'vitest';
import { after, now, resetClock } from '../../../playgrounds/kit/clock';
import { Stream } from '../../../playgrounds/kit/stream';

beforeEach(() => resetClock());

const keys = ['key-0', 'key-1', 'key-2', 'key-3'];

describe('Stream', () => {
  it('appends records to the key’s partition, in order, with offsets', async () => {
    const s = new Stream<number>({ partitions: 3 });
    expect(keys.map((k) => s.partitionFor(k))).toEqual([0, 1, 2, 0]);
    for (let i = 0; i < 3; i++) for (const key of keys) await s.append(key, i);
    expect(s.sizes()).toEqual([6, 3, 3]);
    expect(s.peek(0).map((r) => `${r.key}:${r.value}@${r.offset}`)).toEqual([
      'key-0:0@0',
      'key-3:0@1',
      'key-0:1@2',
      'key-3:1@3',
      'key-0:2@4',
      'key-3:2@5',
    ]);
    expect(await s.append('x', 9, { partition: 2 })).toMatchObject({
      partition: 2,
      offset: 3,
      key: 'x',
      value: 9,
      timestamp: 0,
    });
    expect(s.endOffset(2)).toBe(4);
    await expect(s.read(7)).rejects.toThrow('stream has partitions 0…2; there is no partition 7');
  });

  it('replays a partition from any offset', async () => {
    const s = new Stream<string>({ latency: 2 });
    for (const v of ['a', 'b', 'c', 'd']) await s.append('k', v);
    expect((await s.read(0, 2)).map((r) => r.value)).toEqual(['c', 'd']);
    expect((await s.read(0, 1, 2)).map((r) => r.value)).toEqual(['b', 'c']);
    expect(now()).toBe(12);
  });

  it('redelivers uncommitted records to the member that takes over (at-least-once)', async () => {
    const s = new Stream<string>();
    for (const v of ['a', 'b', 'c', 'd', 'e']) await s.append('k', v);
    const first = s.subscribe('billing');
    expect((await first.poll({ max: 2 })).map((r) => r.value)).toEqual(['a', 'b']);
    await first.commit();
    expect((await first.poll({ max: 2 })).map((r) => r.value)).toEqual(['c', 'd']);
    expect(s.committed('billing', 0)).toBe(2);
    expect(s.lag('billing')).toBe(3);
    first.close(); // crashed before committing c and d
    const second = s.subscribe('billing');
    expect(second.member).toBe('billing-2');
    expect((await second.poll()).map((r) => r.value)).toEqual(['c', 'd', 'e']);
    await second.commit();
    expect(s.lag('billing')).toBe(0);
    second.seek(0, 1);
    expect((await second.poll({ max: 1 })).map((r) => r.value)).toEqual(['b']);
    second.seekToBeginning();
    expect((await second.poll()).map((r) => r.value)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('splits partitions between the members of a group; groups are independent', async () => {
    const s = new Stream<number>({ partitions: 3 });
    for (let i = 0; i < 6; i++) await s.append(`key-${i}`, i);
    const a = s.subscribe('g');
    const b = s.subscribe('g');
    expect([a.member, b.member, a.partitions, b.partitions]).toEqual(['g-1', 'g-2', [0, 2], [1]]);
    const fromA = (await a.poll()).map((r) => r.partition);
    const fromB = (await b.poll()).map((r) => r.partition);
    expect(new Set(fromA)).toEqual(new Set([0, 2]));
    expect(new Set(fromB)).toEqual(new Set([1]));
    expect(fromA.length + fromB.length).toBe(6);
    const other = s.subscribe('audit');
    expect(await other.poll()).toHaveLength(6);
    b.close();
    expect(a.partitions).toEqual([0, 1, 2]);
  });

  it('waits for new records when polling with waitMs', async () => {
    const s = new Stream<string>();
    const c = s.subscribe('g');
    after(40, async () => void (await s.append('k', 'hello')));
    expect(await c.poll({ waitMs: 10 })).toEqual([]);
    expect(now()).toBe(10);
    expect((await c.poll({ waitMs: 100 })).map((r) => r.value)).toEqual(['hello']);
    expect(now()).toBe(40);
  });
});
