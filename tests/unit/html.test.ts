import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hoistIslandStyle } from '../../site/lib/html.ts';

const STYLE = '<style>astro-island,astro-slot,astro-static-slot{display:contents}</style>';

test("Astro's island <style> moves from <body> to the end of <head>", () => {
  const page = `<html><head><title>x</title></head><body><main><p>a</p>${STYLE}<script>1</script><astro-island></astro-island></main></body></html>`;
  assert.equal(hoistIslandStyle(page),
    `<html><head><title>x</title>${STYLE}</head><body><main><p>a</p><script>1</script><astro-island></astro-island></main></body></html>`);
});

test('a page without islands, or already valid, is left as it is', () => {
  const plain = '<html><head></head><body><p>{display:contents}</p></body></html>';
  assert.equal(hoistIslandStyle(plain), plain);
  const valid = `<html><head>${STYLE}</head><body></body></html>`;
  assert.equal(hoistIslandStyle(valid), valid);
});
