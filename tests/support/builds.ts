/**
 * The two production builds the end-to-end tests run against: `npm run build` (dist/, at the root of
 * the default site) and `npm run build:subpath` (dist-subpath/, as a GitHub Pages project site would be
 * built). Keep SUBPATH in step with the build:subpath script in package.json.
 */
export const ROOT = { dir: 'dist', site: process.env['SITE_URL'] ?? 'http://localhost:4321', base: '/' } as const;
export const SUBPATH = { dir: 'dist-subpath', site: 'https://handbook.example.com', base: '/handbook/' } as const;
