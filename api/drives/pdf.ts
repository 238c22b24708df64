/** 服务记录证明 as a PDF (api/shared/pdf.ts: pdfkit with an embedded, subset CJK font). */
import { makePdf } from '../shared/pdf.ts';
import { apiMessages, fmt, type Lang } from '../i18n/index.ts';
import { shanghaiDate } from '../shared/time.ts';
import type { ServiceItem } from './volunteer.ts';

export type CertificateData = { no: string; name: string; hours: number; items: ServiceItem[]; issuedAt: Date; verifyUrl: string };

const h = (n: number) => String(Math.round(n * 10) / 10);

// A certificate never changes once issued: each PDF is made once (fontkit reads and subsets the 8 MB font in ~2 s).
const made = new Map<string, Promise<Buffer>>();
export function certificatePdf(lang: Lang, c: CertificateData): Promise<Buffer> {
  const key = `${lang}:${c.no}:${c.verifyUrl}`;
  let pdf = made.get(key);
  if (!pdf) {
    if (made.size >= 200) made.delete(made.keys().next().value!);
    pdf = render(lang, c);
    made.set(key, pdf);
  }
  return pdf;
}

function render(lang: Lang, c: CertificateData): Promise<Buffer> {
  const t = apiMessages[lang].drives.record;
  const sep = lang === 'zh' ? '：' : ': ';
  const bureau = apiMessages[lang].site.bureau;
  return makePdf({ Title: `${t.title} ${c.no}`, Author: bureau }, (doc) => {
    doc.fontSize(22).text(t.title, { align: 'center' }).moveDown(0.3);
    doc.fontSize(10).fillColor('#555').text(`${t.no}${sep}${c.no}`, { align: 'center' }).moveDown(1.2);
    doc.fillColor('#000').fontSize(12).text(fmt(t.body, { name: c.name, hours: h(c.hours) }), { lineGap: 4 }).moveDown(0.8);
    const cols = [64, 170, 430];
    const row = (cells: string[], bold = false) => {
      const y = doc.y;
      doc.fontSize(bold ? 11 : 11).fillColor(bold ? '#333' : '#000');
      cells.forEach((text, i) => doc.text(text, cols[i], y, { width: (cols[i + 1] ?? 531) - cols[i] - 8, align: i === 2 ? 'right' : 'left' }));
      doc.moveDown(0.4);
      doc.moveTo(64, doc.y).lineTo(531, doc.y).strokeColor('#ccc').stroke().moveDown(0.3);
    };
    row([t.date, t.activity, t.hours], true);
    for (const i of c.items) row([i.date, lang === 'zh' ? i.titleZh : i.titleEn, h(i.hours)]);
    row(['', t.total, h(c.hours)], true);
    doc.x = 64;
    doc.moveDown(1).fontSize(10).fillColor('#333').text(t.basis, { lineGap: 3 }).moveDown(1.5);
    doc.fontSize(12).fillColor('#000').text(`${t.issuer}${sep}${bureau}`, { align: 'right' });
    doc.text(`${t.issuedAt}${sep}${shanghaiDate(c.issuedAt)}`, { align: 'right' }).moveDown(1.5);
    doc.fontSize(9).fillColor('#555').text(`${t.verify}${sep}${c.verifyUrl}`, { align: 'left' });
  });
}
