/**
 * Decodes the five entities that HTML serialisers (mermaid's SVG, Astro's attributes) write for text:
 * &lt; &gt; &quot; &#39; and &amp; (last, so "&amp;lt;" stays "&lt;").
 */
export function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
