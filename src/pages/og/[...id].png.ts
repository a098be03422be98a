import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { cardFor, type PreviewPage } from '../../lib/link-preview';
import { renderCard } from '../../lib/og/render';
import { SITE_TITLE } from '../../lib/site';

/** The link-preview card of every page, drawn at build time: /og/questions/<slug>.png, /og/index.png. */
export const getStaticPaths = (async () => {
  const entries = await getCollection('docs');
  return entries.map(({ id, data }) => {
    const page: PreviewPage = { id, title: data.title, question: data.question, topic: data.topic };
    return { params: { id }, props: { page } };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ page: PreviewPage }> = async ({ props }) => {
  const png = await renderCard(cardFor(props.page, SITE_TITLE));
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
