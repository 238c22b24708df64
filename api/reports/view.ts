import type { cases, casePhotos, caseLog } from '../../db/schema.ts';
import { isPublicEntry } from '../cases/workflow.ts';
import { hmac } from '../shared/ids.ts';
import { maskPersonalData } from '../shared/masking.ts';
import { isPublicState } from '../cases/workflow.ts';

type CaseRow = typeof cases.$inferSelect;
type PhotoRow = typeof casePhotos.$inferSelect;
type LogRow = typeof caseLog.$inferSelect;

/** Whether the public may see a case at all (not before acceptance, never when hidden). */
export const isPublicCase = (c: Pick<CaseRow, 'state' | 'hidden'>) => isPublicState(c.state) && !c.hidden;

/** Whether the public may see a photo: a public case, the reporter's consent for before-photos, not hidden. */
export const isPublicPhoto = (c: Pick<CaseRow, 'state' | 'hidden' | 'publishPhotos'>, p: Pick<PhotoRow, 'kind' | 'hidden'>) =>
  isPublicCase(c) && !p.hidden && (p.kind === 'after' || c.publishPhotos);

/** Photo URL; a signed one lets the reporter see photos that are not public. */
export function photoUrl(file: string, secret: string, signed: boolean) {
  return signed ? `/uploads/${file}?sig=${hmac(secret, file)}` : `/uploads/${file}`;
}

/** Text the public (or anyone holding a follow link) reads: moderated text, else the masked original. */
export const publicDescription = (c: Pick<CaseRow, 'description' | 'publicDescription'>) =>
  c.publicDescription ?? maskPersonalData(c.description);

/** The timeline as the public sees it: the log without internal notes, unpublished comments, or who did it. */
export const publicTimeline = (log: LogRow[]) =>
  log.filter(isPublicEntry).map((l) => ({ at: l.at, action: l.action, toState: l.toState, note: l.publicNote ? maskPersonalData(l.publicNote) : null }));

/** What the reporter sees on /track: everything public, plus their own photos signed, never contact details. */
export function reporterView(c: CaseRow, photos: PhotoRow[], log: LogRow[], secret: string) {
  const visible = photos.filter((p) => !p.hidden);
  const toView = (p: PhotoRow) => ({
    url: photoUrl(p.file, secret, true), thumbUrl: photoUrl(p.thumb, secret, true), width: p.width, height: p.height,
  });
  return {
    trackingNo: c.trackingNo, categoryId: c.categoryId, state: c.state, isPublic: isPublicCase(c), publish: c.publish, publishPhotos: c.publishPhotos,
    createdAt: c.createdAt, lat: c.lat, lng: c.lng, address: c.address, unitId: c.unitId, dueAt: c.dueAt,
    supporters: c.supporters, description: publicDescription(c),
    before: visible.filter((p) => p.kind === 'before').map(toView),
    after: visible.filter((p) => p.kind === 'after').map(toView),
    timeline: publicTimeline(log),
  };
}

export type ReporterView = ReturnType<typeof reporterView>;
