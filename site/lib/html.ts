// Astro writes its island rule (`astro-island,…{display:contents}`) as a <style> at the first island, inside
// <body>, which HTML does not allow (W3C Nu: "style element not allowed as child of …"). Moved into <head>.
const ISLAND_STYLE = /<style>astro-island[^<]*<\/style>/;

export function hoistIslandStyle(html: string): string {
  const head = html.indexOf('</head>');
  const m = ISLAND_STYLE.exec(html);
  if (head < 0 || !m || m.index < head) return html;
  return html.slice(0, head) + m[0] + html.slice(head, m.index) + html.slice(m.index + m[0].length);
}
