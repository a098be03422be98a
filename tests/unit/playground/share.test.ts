import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, MAX_SHARE_LENGTH } from '../../../src/lib/playground/share';

describe('share links', () => {
  it('round-trip a playground id and its edited files', () => {
    const shared = { id: 'sagas/orchestrator', files: { '/sagas/orchestrator/main.ts': "console.log('édité ✓');\n" } };
    const hash = `#${encodeShare(shared)}`;
    expect(hash).toMatch(/^#playground=sagas%2Forchestrator&share=[A-Za-z0-9+\-$]+$/);
    expect(decodeShare(hash)).toEqual({ id: 'sagas/orchestrator', ok: true, value: shared });
  });

  it('ignore hashes without share data', () => {
    expect(decodeShare('#some-heading')).toBeUndefined();
    expect(decodeShare('')).toBeUndefined();
  });

  it('explain corrupt or overlong data instead of loading it', () => {
    expect(decodeShare('#playground=x&share=not-lz-data')).toMatchObject({ id: 'x', ok: false });
    expect(decodeShare(`#playground=x&share=${'A'.repeat(MAX_SHARE_LENGTH + 1)}`)).toEqual({
      id: 'x',
      ok: false,
      error: 'The shared code is too long to load.',
    });
    const truncated = encodeShare({ id: 'x', files: { '/x/main.ts': 'console.log(1)' } }).slice(0, -6);
    expect(decodeShare(`#${truncated}`)).toMatchObject({ id: 'x', ok: false });
  });

  it('refuse to make links that are too long', () => {
    const random = randomBytes(40_000).toString('base64');
    expect(() => encodeShare({ id: 'x', files: { '/x/main.ts': random } })).toThrow('too long to share');
  });
});
