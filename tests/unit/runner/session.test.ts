import { describe, expect, it } from 'vitest';
import { createContext, runInContext } from 'node:vm';
import { startSession, type TimerScope } from '../../../src/lib/runner/session';
import type { OutputEntry } from '../../../src/lib/runner/protocol';

function run(files: Record<string, string>) {
  const entries: OutputEntry[] = [];
  const context = createContext({ setTimeout, clearTimeout, setInterval, clearInterval, console });
  const session = startSession({
    files,
    entry: '/main.ts',
    evaluate: (code, filename): unknown => runInContext(code, context, { filename }),
    scope: context as unknown as TimerScope,
    emit: (e) => entries.push(e),
  });
  return { entries, session, context };
}

describe('startSession', () => {
  it('finishes only after pending timers have fired', async () => {
    const { entries, session } = run({
      '/main.ts': "setTimeout(() => console.log('later'), 20);\nconsole.log('now');",
    });
    expect(await session.finished).toBe('ok');
    expect(entries.map((e) => (e.kind === 'console' ? e.text : e.kind))).toEqual(['now', 'later']);
  });

  it('reports a syntax error with the TypeScript position and line', async () => {
    const { entries, session } = run({ '/main.ts': 'const a = 1;\nconst b = ;' });
    expect(await session.finished).toBe('error');
    expect(entries).toEqual([
      {
        kind: 'syntax',
        message: 'SyntaxError: Unexpected token',
        location: { file: '/main.ts', line: 2, column: 11 },
        lineText: 'const b = ;',
      },
    ]);
  });

  it('reports an uncaught exception with its TypeScript location', async () => {
    const { entries, session } = run({ '/main.ts': "type Id = string;\nconst id: Id = 'x';\nconsol.log(id);" });
    expect(await session.finished).toBe('error');
    expect(entries[0]).toMatchObject({
      kind: 'exception',
      title: 'Uncaught ReferenceError: consol is not defined',
      location: { file: '/main.ts', line: 3, column: 1 },
    });
    expect(entries[0]!.kind === 'exception' && entries[0]!.stack).toContain('main.ts:3:1');
  });

  it('reports errors from timer callbacks and rejections through reportUncaught', async () => {
    const { entries, session } = run({ '/main.ts': 'console.log(1);' });
    session.reportUncaught(new TypeError('late'), 'rejection');
    expect(await session.finished).toBe('error');
    expect(entries[1]).toMatchObject({ kind: 'exception', title: 'Uncaught (in promise) TypeError: late' });
  });

  it('names a missing import', async () => {
    const { entries, session } = run({ '/main.ts': "import { x } from './missing';\nconsole.log(x);" });
    expect(await session.finished).toBe('error');
    expect(entries[0]).toMatchObject({
      kind: 'exception',
      title: "Error: Cannot find module './missing' imported from main.ts",
    });
  });
});
