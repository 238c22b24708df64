import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

// Layers point one way: site/ → api/ → db/. A lower floor never imports a higher one.
const ROOT = resolve(import.meta.dirname, '../..');
const FORBIDDEN: Record<string, string[]> = { api: ['site'], db: ['api', 'site'] };
// import … from, import type … from, export … from, side-effect import, dynamic import()
const SPECIFIERS = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'migrations' ? [] : files(p);
    return /\.(ts|tsx|mjs|js)$/.test(name) ? [p] : [];
  });
}

/** Every upward import in a source text, as "layer → target". */
export function upwardImports(file: string, text: string): string[] {
  const layer = relative(ROOT, file).split('/')[0];
  const out: string[] = [];
  for (const m of text.matchAll(SPECIFIERS)) {
    const spec = m[1];
    if (!spec.startsWith('.')) continue;
    const target = relative(ROOT, resolve(dirname(file), spec)).split('/')[0];
    if (FORBIDDEN[layer]?.includes(target)) out.push(`${relative(ROOT, file)} → ${spec}`);
  }
  return out;
}

test('nothing under api/ or db/ imports a higher layer', () => {
  const found = ['api', 'db'].flatMap((layer) => files(join(ROOT, layer))).flatMap((f) => upwardImports(f, readFileSync(f, 'utf8')));
  assert.deepEqual(found, []);
});

test('the check catches every form of an upward import', () => {
  const db = join(ROOT, 'db/x.ts');
  const api = join(ROOT, 'api/cases/x.ts');
  assert.equal(upwardImports(db, "import { a } from '../api/services.ts';").length, 1);
  assert.equal(upwardImports(db, "import type { A } from '../site/i18n/index.ts';").length, 1);
  assert.equal(upwardImports(api, "export { b } from '../../site/i18n/index.ts';").length, 1);
  assert.equal(upwardImports(api, "const m = await import('../../site/lib/x.ts');").length, 1);
  assert.equal(upwardImports(api, "import '../../site/styles/x.css';").length, 1);
  assert.equal(upwardImports(api, "import { c } from '../../db/schema.ts';\nimport { d } from './workflow.ts';").length, 0);
});
