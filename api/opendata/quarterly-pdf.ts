/** The quarterly report as a PDF, from the same view the page renders (api/shared/pdf.ts; photos embedded). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { makePdf } from '../shared/pdf.ts';
import type { QuarterlyView, ViewPhoto, ViewTable } from './quarterly-view.ts';

const [LEFT, RIGHT] = [56, 539]; // A4 is 595 pt wide
const WIDTH = RIGHT - LEFT;

export function quarterlyPdf(view: QuarterlyView, uploadsDir: string): Promise<Buffer> {
  const indent = view.lang === 'zh' ? 22 : 0; // 首行缩进两字
  const photoPath = (p: ViewPhoto | null) => {
    // Thumbnails: small enough to embed, sharp enough to print. The URL is /uploads/<file>, never a path outside.
    const rel = p?.thumbUrl.startsWith('/uploads/') ? p.thumbUrl.slice('/uploads/'.length).split('?')[0]! : null;
    const file = rel && !rel.split('/').includes('..') ? join(uploadsDir, rel) : null;
    return file && existsSync(file) ? file : null;
  };
  return makePdf({ Title: view.title, Author: view.issuer }, (doc) => {
    const para = (text: string, size = 11) => doc.fontSize(size).fillColor('#000').text(text, LEFT, doc.y, { width: WIDTH, indent, lineGap: 4, align: 'justify' }).moveDown(0.4);
    const heading = (text: string, size = 13) => { if (doc.y > 720) doc.addPage(); doc.fontSize(size).fillColor('#000').text(text, LEFT, doc.y, { width: WIDTH }).moveDown(0.3); };
    const table = (t: ViewTable) => {
      const first = 130;
      const rest = (WIDTH - first) / Math.max(1, t.head.length - 1);
      const x = (i: number) => (i === 0 ? LEFT : LEFT + first + (i - 1) * rest);
      const w = (i: number) => (i === 0 ? first : rest) - 4;
      doc.fontSize(9).fillColor('#333').text(t.caption, LEFT, doc.y, { width: WIDTH }).moveDown(0.2);
      const row = (cells: string[], bold: boolean) => {
        if (doc.y > 770) doc.addPage();
        const y = doc.y;
        const heights = cells.map((c, i) => doc.fontSize(8.5).heightOfString(c, { width: w(i) }));
        cells.forEach((c, i) => doc.fontSize(8.5).fillColor(bold ? '#000' : '#222').text(c, x(i), y, { width: w(i), align: i === 0 ? 'left' : 'right' }));
        doc.y = y + Math.max(...heights) + 3;
        doc.moveTo(LEFT, doc.y).lineTo(RIGHT, doc.y).strokeColor('#bbb').lineWidth(0.5).stroke();
        doc.y += 3;
      };
      row(t.head, true);
      for (const r of t.rows) row(r.cells.map((c) => c.text), !!r.total);
      doc.x = LEFT;
      doc.moveDown(0.6);
    };

    doc.fontSize(17).text(view.title, LEFT, doc.y, { width: WIDTH, align: 'center', lineGap: 4 }).moveDown(0.5);
    doc.fontSize(9).fillColor('#555').text(view.asOf, { width: WIDTH, align: 'center' }).moveDown(1);
    for (const s of view.sections) {
      heading(s.heading);
      s.paragraphs.forEach((p) => para(p));
      if (s.table) table(s.table);
      for (const sub of s.subsections ?? []) {
        heading(sub.heading, 11.5);
        sub.paragraphs.forEach((p) => para(p));
        if (sub.table) table(sub.table);
      }
      for (const c of s.cases ?? []) {
        heading(c.heading, 11.5);
        para(c.text);
        const pics = [c.before, c.after].map(photoPath);
        if (pics.some(Boolean)) {
          if (doc.y > 600) doc.addPage();
          const y = doc.y;
          const box = (WIDTH - 16) / 2;
          pics.forEach((file, i) => {
            const px = LEFT + i * (box + 16);
            if (file) doc.image(file, px, y, { fit: [box, 150], align: 'center' });
            const label = [c.before, c.after][i]?.alt ?? '';
            doc.fontSize(8.5).fillColor('#444').text(label, px, y + 154, { width: box, align: 'center' });
          });
          doc.x = LEFT;
          doc.y = y + 172;
        }
      }
      doc.moveDown(0.4);
    }
    if (view.notes.length) {
      doc.moveDown(0.3);
      view.notes.forEach((n) => doc.fontSize(9).fillColor('#444').text(n, LEFT, doc.y, { width: WIDTH, lineGap: 2 }).moveDown(0.2));
    }
    if (doc.y > 700) doc.addPage();
    doc.moveDown(1.5).fontSize(12).fillColor('#000').text(view.issuer, LEFT, doc.y, { width: WIDTH, align: 'right' });
    doc.text(view.issuedOn, LEFT, doc.y, { width: WIDTH, align: 'right' });
  }, 56);
}
