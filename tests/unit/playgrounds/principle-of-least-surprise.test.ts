import { describe, expect, it } from 'vitest';
import { runPlayground } from '../../support/run-playground';

describe('principle-of-least-surprise/process-user-data', () => {
  it('shows the surprising function mutating its input and the good one returning a new value', async () => {
    const { status, lines } = await runPlayground('principle-of-least-surprise/process-user-data');
    expect(status).toBe('ok');
    expect(lines).toContain('returned the very object it was given: true');
    expect(lines).toContain(`caller's object before: {"name":"Alice","email":"  Alice@Example.COM ","tags":["beta"]}`);
    expect(lines).toContain(
      `caller's object after:  {"name":"Alice","email":"alice@example.com","tags":["beta","processed"]}`,
    );
    expect(lines).toContain('returned a new value: true');
    expect(lines).toContain("caller's object unchanged: true");
    expect(lines.join('\n')).toContain("recipient: 'Bob <bob@example.com>'");
  });

  it('prints the same output on every run', async () => {
    const first = await runPlayground('principle-of-least-surprise/process-user-data');
    const second = await runPlayground('principle-of-least-surprise/process-user-data');
    expect(second.lines).toEqual(first.lines);
  });

  it("shows a reader's edit taking effect: a mutating processUserData changes the caller's object", async () => {
    const path = '/principle-of-least-surprise/process-user-data/user-data.ts';
    const { lines } = await runPlayground('principle-of-least-surprise/process-user-data', {
      [path]:
        "export interface UserData { name: string; email: string; tags: string[] }\nexport function processUserData(u: UserData) { u.tags.push('processed'); return u; }\n",
    });
    expect(lines).toContain('returned a new value: false');
    expect(lines).toContain("caller's object unchanged: false");
  });
});
