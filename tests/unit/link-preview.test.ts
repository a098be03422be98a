import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/lib/catalogue';
import { cardFor, previewTags, withTags } from '../../src/lib/link-preview';
import { backgroundSvg, OG_HEIGHT, OG_WIDTH } from '../../src/lib/og/card';
import { renderCard } from '../../src/lib/og/render';
import { SITE_TITLE } from '../../src/lib/site';
import { loadQuestionPages } from '../support/page-source';

const location = { site: 'https://me.github.io', base: '/handbook/' };
const race = {
  id: 'questions/race-conditions',
  title: 'How would you prevent race conditions?',
  question: 7,
  topic: 'Communication & coordination',
};

describe('previewTags', () => {
  it('points at the page’s card and short link with absolute URLs under the base', () => {
    const tags = Object.fromEntries(
      previewTags(race, location).map(({ attrs }): [string, string] => [
        attrs['property'] ?? attrs['name'] ?? attrs['rel'] ?? '',
        attrs['content'] ?? attrs['href'] ?? '',
      ]),
    );
    expect(tags).toEqual({
      'og:image': 'https://me.github.io/handbook/og/questions/race-conditions.png',
      'og:image:type': 'image/png',
      'og:image:width': '1200',
      'og:image:height': '630',
      'og:image:alt': 'Question 7: How would you prevent race conditions?',
      'twitter:card': 'summary_large_image',
      'twitter:image': 'https://me.github.io/handbook/og/questions/race-conditions.png',
      'twitter:image:alt': 'Question 7: How would you prevent race conditions?',
      shortlink: 'https://me.github.io/handbook/q/7/',
      'article:section': 'Communication & coordination',
    });
  });

  it('replaces a tag Starlight already wrote instead of repeating it', () => {
    const head = [
      { tag: 'meta', attrs: { name: 'twitter:card', content: 'summary' } },
      { tag: 'link', attrs: { rel: 'canonical', href: 'https://x/' } },
      { tag: 'title', content: 'T' },
    ];
    const merged = withTags(head, previewTags({ id: 'index', title: SITE_TITLE }, location));
    expect(merged.filter((t) => t.attrs?.['name'] === 'twitter:card')).toEqual([
      { tag: 'meta', attrs: { name: 'twitter:card', content: 'summary_large_image' } },
    ]);
    expect(merged.filter((t) => t.tag === 'title' || t.attrs?.['rel'] === 'canonical')).toHaveLength(2);
  });
});

describe('link-preview cards', () => {
  it('say the question’s number, title and topic', () => {
    expect(cardFor(race, SITE_TITLE)).toEqual({
      eyebrow: 'Question 7',
      title: race.title,
      topic: race.topic,
      siteTitle: SITE_TITLE,
    });
    const svg = backgroundSvg(
      { eyebrow: 'Question 7', title: 'T', topic: 'Failure & consistency', siteTitle: SITE_TITLE },
      200,
    );
    expect(svg).toContain('>QUESTION 7</text>');
    expect(svg).toContain(`width="${OG_WIDTH}" height="${OG_HEIGHT}"`);
    expect(svg).not.toContain('Failure & consistency'); // the topic's text is drawn by Pango, escaped there
  });

  const pages = loadQuestionPages();
  it.each(CATALOGUE.map((q) => [q.n, q.slug] as const))(
    'question %i (%s) gets a 1200×630 PNG its title fits',
    async (n, slug) => {
      const { frontmatter } = pages.find((p) => p.slug === slug)!;
      const png = await renderCard(
        cardFor(
          {
            id: `questions/${slug}`,
            title: String(frontmatter['title']),
            question: n,
            topic: String(frontmatter['topic']),
          },
          SITE_TITLE,
        ),
      );
      const meta = await sharp(png).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['png', OG_WIDTH, OG_HEIGHT]);
    },
  );
});
