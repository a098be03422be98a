import type { ExpressiveCodePlugin } from '@astrojs/starlight/expressive-code';

/**
 * An Expressive Code plugin that keeps code blocks out of the search index: Pagefind's excerpts then
 * come from the prose that explains a pattern, not from the middle of a Python sample.
 */
export function pagefindIgnoreCode(): ExpressiveCodePlugin {
  return {
    name: 'handbook-pagefind-ignore-code',
    hooks: {
      postprocessRenderedBlockGroup: ({ renderData }) => {
        renderData.groupAst.properties['dataPagefindIgnore'] = '';
      },
    },
  };
}
