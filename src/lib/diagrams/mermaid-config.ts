/** The two site themes a diagram is drawn for; they match Starlight's `data-theme` values. */
export type SiteTheme = 'light' | 'dark';

export const SITE_THEMES: readonly SiteTheme[] = ['light', 'dark'];

/**
 * Mermaid's configuration for one site theme. Plain JSON, so it can be handed to the browser and hashed
 * into the cache key.
 *
 * - Arial: mermaid sizes boxes by measuring text at build time. Arial and Liberation Sans (what Chromium
 *   uses for Arial on Linux) have identical metrics, so labels fit on readers' machines too.
 * - `handDrawnSeed` and `deterministicIds` make the output the same on every build.
 * - Gantt's "today" marker would change the SVG every day.
 * - Gantt axis labels are 10 px (d3's default); 12 px keeps them readable when a wide chart shrinks.
 * - The dark theme's edge labels are #ccc on #585858, a contrast of 4.4; on #3a3a40 it is 6.6 (WCAG AA
 *   asks for 4.5).
 */
export function mermaidConfig(theme: SiteTheme): Record<string, unknown> {
  return {
    startOnLoad: false,
    securityLevel: 'strict',
    theme: theme === 'dark' ? 'dark' : 'default',
    ...(theme === 'dark' ? { themeVariables: { edgeLabelBackground: '#3a3a40' } } : {}),
    fontFamily: 'arial, "Liberation Sans", sans-serif',
    handDrawnSeed: 1,
    deterministicIds: true,
    gantt: { todayMarker: 'off' },
    themeCSS: '.grid .tick text { font-size: 12px; }',
  };
}
