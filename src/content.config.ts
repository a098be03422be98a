import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { TOPICS } from './lib/catalogue';

/**
 * Question pages add `question` and `topic` to Starlight's frontmatter. Zod rejects a malformed value
 * (the build error names the file); src/route-middleware.ts rejects a question page that omits them.
 */
export const collections = {
  docs: defineCollection({
    loader: docsLoader(),
    schema: docsSchema({
      extend: z.object({
        description: z
          .string()
          .min(30, 'description must be one full sentence summarising the answer')
          .max(300, 'description must be a single sentence (at most 300 characters)'),
        question: z.number().int().min(1).max(24).optional(),
        topic: z.enum(TOPICS).optional(),
      }),
    }),
  }),
};
