import { describe, expect, it } from 'vitest';
import { captureConsole } from '../../../src/lib/runner/console-capture';
import type { OutputEntry } from '../../../src/lib/runner/protocol';

describe('captureConsole', () => {
  it('keeps order and levels', () => {
    const out: OutputEntry[] = [];
    const { console } = captureConsole((e) => out.push(e));
    console['log']!('a', 1);
    console['warn']!('careful');
    console['error']!(new Error('bad').message);
    console['info']!({ x: 1 });
    expect(out).toEqual([
      { kind: 'console', level: 'log', text: 'a 1' },
      { kind: 'console', level: 'warn', text: 'careful' },
      { kind: 'console', level: 'error', text: 'bad' },
      { kind: 'console', level: 'info', text: '{ x: 1 }' },
    ]);
  });

  it('stops at the line limit with one truncation note', () => {
    const out: OutputEntry[] = [];
    const { console } = captureConsole((e) => out.push(e), 10);
    for (let i = 0; i < 50; i++) console['log']!(`line ${i}`);
    expect(out).toHaveLength(11);
    expect(out.at(-2)).toEqual({ kind: 'console', level: 'log', text: 'line 9' });
    expect(out.at(-1)).toEqual({ kind: 'truncated', limit: 10 });
  });

  it('supports tables, counts, groups and assertions', () => {
    const out: OutputEntry[] = [];
    const { console } = captureConsole((e) => out.push(e));
    console['table']!([{ id: 1 }]);
    console['count']!('retry');
    console['count']!('retry');
    console['group']!('saga');
    console['log']!('step');
    console['groupEnd']!();
    console['assert']!(1 > 2, 'math');
    expect(out).toEqual([
      { kind: 'table', header: ['(index)', 'id'], rows: [['0', '1']] },
      { kind: 'console', level: 'log', text: 'retry: 1' },
      { kind: 'console', level: 'log', text: 'retry: 2' },
      { kind: 'console', level: 'log', text: 'saga' },
      { kind: 'console', level: 'log', text: '  step' },
      { kind: 'console', level: 'error', text: 'Assertion failed: math' },
    ]);
  });
});
