/**
 * Quarterly reports (季度通报): staff's draft (典型案例, 下一步工作), and publishing, which freezes the report — its view in
 * both languages and both PDFs — in one row, so the published report never changes afterwards.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { quarterlyReports } from '../../db/schema.ts';
import { AppError, parseInput } from '../shared/errors.ts';
import type { Audit } from '../staff/audit.ts';
import { byActor, type Actor } from '../staff/audit-log.ts';
import type { PublicCases } from './public-cases.ts';
import { quarterlyPdf } from './quarterly-pdf.ts';
import type { QuarterlySnapshot } from './quarterly-view.ts';

export const MAX_TYPICAL_CASES = 4;

/** The staff form: tracking numbers separated by spaces, commas or 、; the next steps as paragraphs. */
export const quarterlyDraftSchema = z.object({
  typicalCases: z.string().max(200, 'too_long').default('')
    .transform((s) => [...new Set(s.toUpperCase().split(/[\s,，、;；]+/).filter(Boolean))])
    .refine((a) => a.length <= MAX_TYPICAL_CASES, 'quarterly_too_many_cases'),
  nextStepsZh: z.string().trim().max(4000, 'too_long').default(''),
  nextStepsEn: z.string().trim().max(6000, 'too_long').default(''),
});

export type QuarterlyDraft = { typicalCases: string[]; nextStepsZh: string; nextStepsEn: string };
const EMPTY: QuarterlyDraft = { typicalCases: [], nextStepsZh: '', nextStepsEn: '' };

export function createQuarterly(deps: { db: Db; clock: () => Date; audit: Audit; publicCases: PublicCases; uploadsDir: string }) {
  const { db, clock, audit } = deps;
  const row = (quarter: string) => db.select({
    quarter: quarterlyReports.quarter, typicalCases: quarterlyReports.typicalCases, nextStepsZh: quarterlyReports.nextStepsZh,
    nextStepsEn: quarterlyReports.nextStepsEn, publishedAt: quarterlyReports.publishedAt, snapshot: quarterlyReports.snapshot,
  }).from(quarterlyReports).where(eq(quarterlyReports.quarter, quarter)).get();

  return {
    draft(quarter: string): QuarterlyDraft & { publishedAt: Date | null } {
      const r = row(quarter);
      return r ? { typicalCases: r.typicalCases, nextStepsZh: r.nextStepsZh, nextStepsEn: r.nextStepsEn, publishedAt: r.publishedAt } : { ...EMPTY, publishedAt: null };
    },

    /** The frozen report, or null while the quarter is unpublished. */
    published(quarter: string): { snapshot: QuarterlySnapshot; publishedAt: Date } | null {
      const r = row(quarter);
      return r?.publishedAt && r.snapshot ? { snapshot: r.snapshot as unknown as QuarterlySnapshot, publishedAt: r.publishedAt } : null;
    },

    /** Quarters published so far. */
    publishedQuarters: (): Set<string> => new Set(db.select({ q: quarterlyReports.quarter, at: quarterlyReports.publishedAt }).from(quarterlyReports).all()
      .filter((r) => r.at).map((r) => r.q)),

    pdf(quarter: string, lang: 'zh' | 'en'): Buffer | null {
      const r = db.select({ zh: quarterlyReports.pdfZh, en: quarterlyReports.pdfEn, at: quarterlyReports.publishedAt })
        .from(quarterlyReports).where(eq(quarterlyReports.quarter, quarter)).get();
      return r?.at ? (lang === 'en' ? r.en : r.zh) ?? null : null;
    },

    /** Saves staff's text and choice of cases; each case must be public. A published quarter no longer changes. */
    saveDraft(quarter: string, input: unknown, actor: Actor): QuarterlyDraft {
      const d = parseInput(quarterlyDraftSchema, input);
      const unknown = d.typicalCases.filter((no) => { const c = deps.publicCases.detail(no); return c === null || c === 'gone'; });
      if (unknown.length) throw new AppError(400, 'invalid_input', { typicalCases: 'quarterly_case_unknown' }, { no: unknown.join('、') });
      const now = clock();
      db.transaction((tx) => {
        if (tx.select({ at: quarterlyReports.publishedAt }).from(quarterlyReports).where(eq(quarterlyReports.quarter, quarter)).get()?.at) {
          throw new AppError(409, 'quarterly_published');
        }
        tx.insert(quarterlyReports).values({ quarter, ...d, updatedAt: now })
          .onConflictDoUpdate({ target: quarterlyReports.quarter, set: { ...d, updatedAt: now } }).run();
        audit.record({ ...byActor(actor), action: 'quarterly.draft', target: quarter, detail: { typicalCases: d.typicalCases } }, tx);
      }, { behavior: 'immediate' });
      return d;
    },

    /** Freezes the report: the views as the preview showed them, and their PDFs (made first, outside the transaction). */
    async publish(quarter: string, snapshot: QuarterlySnapshot, actor: Actor): Promise<void> {
      if (this.published(quarter)) throw new AppError(409, 'quarterly_published');
      const [zh, en] = await Promise.all([quarterlyPdf(snapshot.zh, deps.uploadsDir), quarterlyPdf(snapshot.en, deps.uploadsDir)]);
      const now = clock();
      db.transaction((tx) => {
        const r = tx.select({ at: quarterlyReports.publishedAt }).from(quarterlyReports).where(eq(quarterlyReports.quarter, quarter)).get();
        if (r?.at) throw new AppError(409, 'quarterly_published');
        const frozen = { snapshot: snapshot as unknown as Record<string, unknown>, pdfZh: zh, pdfEn: en, publishedAt: now, publishedBy: actor.id, updatedAt: now };
        if (r) tx.update(quarterlyReports).set(frozen).where(eq(quarterlyReports.quarter, quarter)).run();
        else tx.insert(quarterlyReports).values({ quarter, ...EMPTY, ...frozen }).run();
        audit.record({ ...byActor(actor), action: 'quarterly.publish', target: quarter }, tx);
      }, { behavior: 'immediate' });
    },
  };
}

export type Quarterly = ReturnType<typeof createQuarterly>;
