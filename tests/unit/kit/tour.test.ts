/** The kit through the real runner: the tour playground, a worker-like scope, and runs that must end. */
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createFileMap } from '../../../src/lib/playground/file-map';
import type { OutputEntry, RunStatus } from '../../../src/lib/runner/protocol';
import { startSession, type TimerScope } from '../../../src/lib/runner/session';
import { playgroundSources, runPlayground, sandboxGlobals } from '../../support/run-playground';

const TOUR = [
  '[t=0.000s] start',
  '[t=2.000s] slept 2 s of virtual time',
  '[t=2.004s] two buyers later, stock is 9 (not 8: a lost update)',
  '[t=2.007s] with DECR it is 8',
  '[t=2.008s] lock taken: OK',
  '[t=2.009s] second try: null',
  '[t=7.010s] after 5 s the lock is null',
  '[t=9.126s] 20 payment calls: { ok: 16, unavailable: 2, timeout: 2 }',
  '[t=9.126s] latency ms: count=20 p50=42 p95=150 p99=150 max=150',
  '[t=9.126s] redis commands: 13',
];

/**
 * Runs a playground through the runner core in a fresh vm scope, with `main` replacing its main.ts (its
 * imports then decide which kit files come along). With `messageChannel`, the scope is shaped like the
 * browser's worker: the clock hops over a MessageChannel instead of setTimeout(0).
 */
async function run(
  id: string,
  options: { main?: string; messageChannel?: boolean } = {},
): Promise<{ status: RunStatus; lines: string[] }> {
  const sources = { ...playgroundSources(), ...(options.main ? { [`/${id}/main.ts`]: options.main } : {}) };
  const { entry, files } = createFileMap(sources, id);
  const entries: OutputEntry[] = [];
  const globals = sandboxGlobals();
  const context = createContext(options.messageChannel ? { ...globals, MessageChannel } : globals);
  const session = startSession({
    files: Object.fromEntries(files.map((f) => [f.path, f.code])),
    entry,
    evaluate: (code, filename): unknown => runInContext(code, context, { filename }),
    scope: context as unknown as TimerScope,
    emit: (e) => entries.push(e),
  });
  const status = await session.finished;
  return {
    status,
    lines: entries.flatMap((e) =>
      e.kind === 'console' ? e.text.split('\n') : e.kind === 'exception' ? [e.title] : [],
    ),
  };
}

describe('kit-tour/basics', () => {
  it('prints the same timeline through the runner, and ends', async () => {
    const { status, lines } = await runPlayground('kit-tour/basics');
    expect(lines).toEqual(TOUR);
    expect(status).toBe('ok');
  });

  it('prints the same timeline in a worker-like scope (hops over a MessageChannel)', async () => {
    const { status, lines } = await run('kit-tour/basics', { messageChannel: true });
    expect(lines).toEqual(TOUR);
    expect(status).toBe('ok');
  });

  it('waits for background work the program did not await, then ends', async () => {
    const main = [
      "import { after, every, sleep } from '../../kit/clock';",
      "import { log } from '../../kit/log';",
      "after(30_000, () => log('a timer set and forgotten still fires'));",
      'const ticker = every(1000, (run) => log(`tick ${run}`));',
      'await sleep(2500);',
      'await ticker.stop();',
      "log('main done');",
    ].join('\n');
    const { status, lines } = await runPlayground('kit-tour/basics', { '/kit-tour/basics/main.ts': main });
    expect(lines).toEqual([
      '[t=1.000s] tick 1',
      '[t=2.000s] tick 2',
      '[t=2.500s] main done',
      '[t=30.000s] a timer set and forgotten still fires',
    ]);
    expect(status).toBe('ok');
  });

  it('runs every kit module through the runner (sucrase, module loader) and leaves no timer behind', async () => {
    const main = [
      "import { concurrently, sleep } from '../../kit/clock';",
      "import { Database, UniqueViolation } from '../../kit/db';",
      "import { Kv } from '../../kit/kv';",
      "import { log } from '../../kit/log';",
      "import { metrics } from '../../kit/metrics';",
      "import { Queue } from '../../kit/queue';",
      "import { random } from '../../kit/random';",
      "import { Semaphore } from '../../kit/semaphore';",
      "import { Service } from '../../kit/service';",
      "import { Stream } from '../../kit/stream';",
      'const db = new Database<{ items: { id: string; stock: number } }>({ latency: 2, replicas: 1, replicaLagMs: 100 });',
      "await db.insert('items', { id: 'a', stock: 3 });",
      "const sold = await concurrently(5, () => db.update('items', 'a', (r) => ({ stock: r.stock - 1 }), { where: (r) => r.stock > 0 }));",
      "const dup = await db.insert('items', { id: 'a', stock: 1 }).catch((e: unknown) => e instanceof UniqueViolation);",
      "log('sold', sold, 'duplicate rejected:', dup, 'replica sees', await db.replica().count('items'));",
      'const kv = new Kv({ latency: 1 });',
      "log('lock', await kv.set('lock', 1, { nx: true, px: 50 }), await kv.set('lock', 2, { nx: true }));",
      'const q = new Queue<number>({ visibilityTimeoutMs: 500 });',
      'await q.send(1);',
      "await q.drain(async (m) => { if (m.attempt < 2) throw new Error('retry me'); });",
      "log('queue', q.stats.acked, q.stats.nacked);",
      'const s = new Stream<string>({ partitions: 2 });',
      "await s.append('k', 'v');",
      "log('stream', (await s.subscribe('g').poll()).length);",
      "const svc = new Service({ name: 'svc', latency: { p50: 20, p99: 80 }, handler: (x: number) => x * 2 });",
      'const pool = new Semaphore(2);',
      "const answers = await concurrently(4, (i) => pool.use(() => metrics.histogram('svc_ms').time(() => svc.call(i))));",
      "log('service', answers, metrics.histogram('svc_ms').count, random.int(1, 6));",
      'await sleep(1000);',
      "log('done');",
    ].join('\n');
    const { status, lines } = await run('kit-tour/basics', { main });
    expect(lines).toEqual([
      '[t=0.008s] sold [ 1, 1, 1, 0, 0 ] duplicate rejected: true replica sees 0',
      '[t=0.010s] lock OK null',
      '[t=0.010s] queue 1 1',
      '[t=0.010s] stream 1',
      expect.stringMatching(/^\[t=0\.\d{3}s\] service \[ 0, 2, 4, 6 \] 4 \d$/),
      expect.stringMatching(/^\[t=1\.\d{3}s\] done$/),
    ]);
    expect(status).toBe('ok');
  });

  it('stops a runaway loop with a ClockLimitError instead of hanging', async () => {
    const main = [
      "import { every, setTimerLimit } from '../../kit/clock';",
      'setTimerLimit(20);',
      'every(1000, () => undefined); // never stopped',
    ].join('\n');
    const { status, lines } = await runPlayground('kit-tour/basics', { '/kit-tour/basics/main.ts': main });
    expect(status).toBe('ok'); // nothing was waiting on the ticker: the clock stops and says why
    expect(lines).toEqual([
      'ClockLimitError: the virtual clock stopped after 20 timers at t=20.000s: is a loop still running (a ticker never stopped, a polling while-loop)? Stop it when done, or raise the limit with setTimerLimit().',
    ]);
    const awaited = [
      "import { sleep, setTimerLimit } from '../../kit/clock';",
      'setTimerLimit(20);',
      'for (;;) await sleep(1000);',
    ].join('\n');
    const stuck = await runPlayground('kit-tour/basics', { '/kit-tour/basics/main.ts': awaited });
    expect(stuck.status).toBe('error');
    expect(stuck.lines[0]).toBe(
      'Uncaught ClockLimitError: the virtual clock stopped after 20 timers at t=20.000s: is a loop still running (a ticker never stopped, a polling while-loop)? Stop it when done, or raise the limit with setTimerLimit().',
    );
  });
});
