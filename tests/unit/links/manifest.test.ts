import { describe, expect, it } from 'vitest';
import {
  manifestProblems,
  movedAnchorHref,
  resolveMoved,
  samePageAliases,
  sitePath,
  splitAnchor,
  type AnchorManifest,
} from '../../../src/lib/links/manifest';

const A = '/questions/a/#one';
const A2 = '/questions/a/#two';
const B = '/questions/b/#three';

describe('resolveMoved', () => {
  it('follows a chain of moves to the anchor that exists now', () => {
    expect(resolveMoved({ [A]: A2, [A2]: B }, A)).toBe(B);
    expect(resolveMoved({ [A]: A2 }, B)).toBeUndefined();
  });

  it('refuses a cycle', () => {
    expect(() => resolveMoved({ [A]: A2, [A2]: A }, A)).toThrow(/cycle/);
  });
});

describe('manifestProblems', () => {
  const manifest = (anchors: string[], moved: Record<string, string> = {}): AnchorManifest => ({ anchors, moved });

  it('is empty when every published anchor exists or says where it moved', () => {
    expect(manifestProblems(manifest([A, A2, B], { [A]: A2 }), [A2, B])).toEqual([]);
  });

  it('fails when an anchor disappears without a "moved" entry, and says what to do', () => {
    expect(manifestProblems(manifest([A, B]), [B])).toEqual([
      expect.stringMatching(/^\/questions\/a\/#one disappeared: .*"moved"/),
    ]);
  });

  it('fails on a new anchor that is not published yet', () => {
    expect(manifestProblems(manifest([A]), [A, B])).toEqual([
      expect.stringMatching(/#three is new: .*npm run anchors/),
    ]);
  });

  it('fails when a move points nowhere, or "moves" an anchor that still exists', () => {
    expect(manifestProblems(manifest([A, A2], { [A]: '/questions/a/#gone' }), [A2])).toEqual([
      expect.stringMatching(/#one moved to \/questions\/a\/#gone, which does not exist/),
    ]);
    expect(manifestProblems(manifest([A, A2], { [A]: A2 }), [A, A2])).toEqual([
      expect.stringMatching(/#one still exists, so it cannot have moved/),
    ]);
  });
});

describe('samePageAliases', () => {
  it('lists the old ids that lead to each heading of a page, not moves to other pages', () => {
    const aliases = samePageAliases({ anchors: [A, A2, B], moved: { [A]: A2, [B]: A } }, '/questions/a/');
    expect([...aliases]).toEqual([['two', ['one']]]);
  });
});

describe('moved anchors in the browser', () => {
  it('strips the base from the page path', () => {
    expect(sitePath('/handbook/questions/a/', '/handbook/')).toBe('/questions/a/');
    expect(sitePath('/questions/a', '/')).toBe('/questions/a/');
    expect(splitAnchor(B)).toEqual({ path: '/questions/b/', id: 'three' });
  });

  it('sends a moved anchor to its new place under the base', () => {
    const moved = { [A]: B };
    expect(movedAnchorHref(moved, '/handbook/', '/handbook/questions/a/', 'one')).toBe('/handbook/questions/b/#three');
    expect(movedAnchorHref(moved, '/', '/questions/a/', 'one')).toBe('/questions/b/#three');
    expect(movedAnchorHref(moved, '/', '/questions/a/', 'two')).toBeUndefined();
  });
});
