/**
 * PDFs by pdfkit with an embedded, subset CJK font from npm (Noto Sans SC, @embedpdf/fonts-sc); never a browser.
 * Shared by the volunteer service record and the quarterly report.
 */
import type PDFKit from 'pdfkit';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let font: Buffer | null = null;
// The package exports only its JS entry (dist/index.cjs); the font sits beside it in fonts/.
const fontData = () => (font ??= readFileSync(join(dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '../fonts/NotoSansHans-Regular.otf')));

// pdfkit (and its font metrics) loads with the first PDF, not at start-up: it is ~20 MB of resident memory.
let pdfkit: Promise<typeof PDFKit> | null = null;

/** An A4 document with the CJK font selected as 'sc'; `draw` writes it; resolves with the bytes. */
export async function makePdf(info: { Title: string; Author: string }, draw: (doc: PDFKit.PDFDocument) => void, margin = 64): Promise<Buffer> {
  const PDFDocument = await (pdfkit ??= import('pdfkit').then((m) => m.default));
  const doc = new PDFDocument({ size: 'A4', margin, info });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => { doc.on('end', () => resolve(Buffer.concat(chunks))); doc.on('error', reject); });
  doc.registerFont('sc', fontData());
  doc.font('sc');
  draw(doc);
  doc.end();
  return done;
}
