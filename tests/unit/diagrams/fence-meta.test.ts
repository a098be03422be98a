import { describe, expect, it } from 'vitest';
import { parseFenceMeta } from '../../../src/lib/diagrams/fence-meta';

describe('parseFenceMeta', () => {
  it('reads a double-quoted caption', () => {
    expect(parseFenceMeta('caption="A retry after a lost response."')).toEqual({
      caption: 'A retry after a lost response.',
    });
  });

  it('reads single quotes and escaped quotes', () => {
    expect(parseFenceMeta(`caption='Buyer A'`)).toEqual({ caption: 'Buyer A' });
    expect(parseFenceMeta('caption="The \\"hot\\" key."')).toEqual({ caption: 'The "hot" key.' });
  });

  it('gives no caption for an empty or missing meta', () => {
    expect(parseFenceMeta('')).toEqual({});
    expect(parseFenceMeta(undefined)).toEqual({});
    expect(parseFenceMeta(null)).toEqual({});
  });

  it('rejects unknown attributes and unreadable text instead of dropping them', () => {
    expect(() => parseFenceMeta('title="x"')).toThrow(/unknown fence attribute "title"/);
    expect(() => parseFenceMeta('caption=unquoted')).toThrow(/cannot read the fence meta/);
    expect(() => parseFenceMeta('caption="unterminated')).toThrow(/cannot read the fence meta/);
  });
});
