import { expect, test, type APIRequestContext } from '@playwright/test';
import { PORT } from '../../playwright.config.ts';

// What the W3C Nu checker and Lighthouse's SEO audits ask of every page: no <style> in <body>, a meta
// description in the page's language, and hreflang alternates (zh-CN, en, x-default) with absolute URLs.
const PUBLIC_URL = `http://127.0.0.1:${PORT}`; // playwright.config.ts starts the server with it

async function publicPaths(request: APIRequestContext): Promise<string[]> {
  const { items } = await (await request.get('/api/cases?per_page=1')).json();
  const quarter = /href="\/stats\/quarterly\/([^"]+)"/.exec(await (await request.get('/stats/quarterly')).text())![1];
  // A drive with an English title: one organised in Chinese only (as drives.spec does, in parallel) is named in Chinese on
  // the English page too, which is its content, not the template's language.
  const drives: { id: number; title: { en: string } }[] = (await (await request.get('/api/drives')).json()).items;
  const drive = drives.find((d) => !/[\u4e00-\u9fff]/.test(d.title.en))!.id;
  return ['/', '/report', '/track', '/reports', '/reports?status=fixed', `/reports/${items[0].trackingNo}`, '/stats',
    '/stats/quarterly', `/stats/quarterly/${quarter}`, '/api-docs', '/staff/login', '/no-such-page',
    '/drives', `/drives/${drive}`, '/volunteer', '/volunteer/verify'];
}

const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];

test('every page: no <style> in <body>, a meta description, absolute hreflang alternates', async ({ request }) => {
  const paths = await publicPaths(request);
  for (const path of paths) {
    const descriptions: string[] = [];
    for (const lang of ['zh', 'en'] as const) {
      const url = lang === 'en' ? `/en${path === '/' ? '/' : path}` : path;
      const html = await (await request.get(url)).text();
      const [head, body] = html.split(/<body[\s>]/);
      expect(body, `${url}: <body>`).toBeDefined();
      expect(body, `${url}: <style> in <body>`).not.toMatch(/<style[\s>]/i);

      const metas = head.match(/<meta name="description"[^>]*>/g) ?? [];
      expect(metas, `${url}: one meta description`).toHaveLength(1);
      const description = attr(metas[0]!, 'content')!;
      expect(description.length, `${url}: description`).toBeGreaterThan(10);
      expect(/[\u4e00-\u9fff]/.test(description), `${url}: description in ${lang}`).toBe(lang === 'zh');
      descriptions.push(description);

      const links = (head.match(/<link rel="alternate" hreflang[^>]*>/g) ?? []).map((l) => [attr(l, 'hreflang'), attr(l, 'href')]);
      const zhUrl = `${PUBLIC_URL}${path}`;
      const enUrl = `${PUBLIC_URL}/en${path === '/' ? '/' : path}`;
      expect(links, `${url}: hreflang alternates`).toEqual([['zh-CN', zhUrl], ['en', enUrl], ['x-default', zhUrl]].map(([h, u]) => [h, u.replaceAll('&', '&amp;')]));
      expect(attr(html.match(/<html[^>]*>/)![0], 'lang'), `${url}: <html lang>`).toBe(lang === 'zh' ? 'zh-CN' : 'en');
    }
    expect(descriptions[0], `${path}: the two languages' descriptions`).not.toBe(descriptions[1]);
  }
});

test('a case page and a quarterly report describe themselves, not the site', async ({ request }) => {
  const paths = await publicPaths(request);
  const description = async (url: string) => /<meta name="description" content="([^"]*)"/.exec(await (await request.get(url)).text())![1]!;
  const casePage = paths.find((p) => p.startsWith('/reports/'))!;
  const quarterPage = paths.find((p) => p.startsWith('/stats/quarterly/'))!;
  expect(await description(casePage)).toContain(casePage.slice('/reports/'.length));
  expect(await description(`/en${casePage}`)).toContain(casePage.slice('/reports/'.length));
  expect(await description(quarterPage)).toMatch(/^\d{4}年第.季度，.*收到群众反映问题\d+宗/);
});

test('share cards: every public page has og:title, og:description and an absolute og:image; a case with a photo shares its photo', async ({ request }) => {
  const og = (html: string, p: string) => new RegExp(`<meta property="og:${p}" content="([^"]*)"`).exec(html)?.[1];
  for (const path of ['/', '/report', '/track', '/reports', '/stats', '/drives', '/en/report']) {
    const html = await (await request.get(path)).text();
    expect(og(html, 'title'), path).toBeTruthy();
    expect(og(html, 'description'), path).toBeTruthy();
    expect(og(html, 'image'), path).toMatch(new RegExp(`^${PUBLIC_URL}/`));
    expect(html, `${path}: what WeChat reads`).toMatch(/<meta itemprop="image" content="http/);
  }
  expect((await request.get('/share.png')).headers()['content-type']).toBe('image/png');
  const { items } = await (await request.get('/api/cases?status=fixed&per_page=50')).json();
  let shared = '';
  for (const { trackingNo } of items) {
    const html = await (await request.get(`/reports/${trackingNo}`)).text();
    if (html.includes('/uploads/')) { shared = og(html, 'image')!; break; }
  }
  expect(shared, 'a case with photos shares one of them').toMatch(/\/uploads\//);
});

test('the footer names the bureau, 12345 and the filing numbers from configuration', async ({ request }) => {
  const html = await (await request.get('/')).text();
  expect(html).toContain('政务服务便民热线：12345');
  expect(html).toContain('网站标识码：4417020001');
  expect(html).toContain('粤ICP备00000000号');
  expect(html).toContain('粤公网安备 44170202000000号');
});
