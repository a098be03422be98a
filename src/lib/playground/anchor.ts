/** Kept apart from share.ts so that the page's tiny scroll script does not pull in the compressor. */

/** The hash parameter that names the playground a share link is for. */
export const ID_PARAM = 'playground';

/** The element id of a playground on its page: "sagas/orchestrator" → "playground-sagas--orchestrator". */
export function playgroundElementId(id: string): string {
  return `playground-${id.replaceAll('/', '--')}`;
}
