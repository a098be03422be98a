import { describe, expect, it } from 'vitest';
import { absoluteUrl, DEFAULT_SITE_URL, normaliseBase, siteLocation } from '../../src/lib/site';

describe('siteLocation', () => {
  it('defaults to the local preview at the root', () => {
    expect(siteLocation({})).toEqual({ site: DEFAULT_SITE_URL, base: '/' });
  });

  it('reads SITE_URL and BASE_PATH, however the path is written', () => {
    expect(siteLocation({ SITE_URL: 'https://me.github.io/', BASE_PATH: 'handbook' })).toEqual({
      site: 'https://me.github.io',
      base: '/handbook/',
    });
    expect(siteLocation({ SITE_URL: 'https://handbook.example.com', BASE_PATH: '/' })).toEqual({
      site: 'https://handbook.example.com',
      base: '/',
    });
  });

  it('takes the base from SITE_URL when BASE_PATH is unset', () => {
    expect(siteLocation({ SITE_URL: 'https://me.github.io/handbook' })).toEqual({
      site: 'https://me.github.io',
      base: '/handbook/',
    });
  });

  it('refuses values that would produce broken URLs, naming the variable', () => {
    expect(() => siteLocation({ SITE_URL: 'handbook.example.com' })).toThrow(/^SITE_URL must be an absolute/);
    expect(() => siteLocation({ SITE_URL: 'ftp://example.com' })).toThrow(/^SITE_URL must be an http/);
    expect(() => siteLocation({ BASE_PATH: '/a b/' })).toThrow(/^BASE_PATH must be a plain URL path/);
    expect(() => normaliseBase('/../x')).toThrow(/BASE_PATH/);
  });
});

describe('absoluteUrl', () => {
  it('joins the origin, the base and a path inside the site', () => {
    expect(absoluteUrl({ site: 'https://me.github.io', base: '/handbook/' }, 'q/7/')).toBe(
      'https://me.github.io/handbook/q/7/',
    );
    expect(absoluteUrl({ site: 'https://x.dev', base: '/' }, '/og/index.png')).toBe('https://x.dev/og/index.png');
  });
});
