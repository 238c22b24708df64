/**
 * 常用语: ready phrases per action (受理, 不予立案, 派遣, 处置, 公开说明), in Chinese and English, that staff
 * insert into a note with one tap. Admins keep the list; every change is audited.
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { phrases } from '../../db/schema.ts';
import { PHRASE_ACTIONS, type PhraseAction } from '../../db/vocabulary.ts';
import { AppError, parseInput } from '../shared/errors.ts';
import type { Audit } from '../staff/audit.ts';
import type { StaffUser } from '../staff/sessions.ts';
import { phraseBody } from './schema.ts';

export type Phrase = typeof phrases.$inferSelect;

export function createPhrases(deps: { db: Db; clock: () => Date; audit: Audit }) {
  const { db, clock, audit } = deps;
  const admin = (actor: StaffUser) => {
    if (actor.role !== 'admin') throw new AppError(403, 'action_forbidden');
  };

  const all = (): Phrase[] => db.select().from(phrases).orderBy(asc(phrases.action), asc(phrases.sort), asc(phrases.id)).all();
  /** Per action, the phrases in one language, for the forms. */
  function byAction(lang: 'zh' | 'en'): Record<PhraseAction, string[]> {
    const out = Object.fromEntries(PHRASE_ACTIONS.map((a) => [a, [] as string[]])) as Record<PhraseAction, string[]>;
    for (const p of all()) out[p.action].push(lang === 'zh' ? p.textZh : p.textEn);
    return out;
  }

  function create(actor: StaffUser, fields: unknown, ip?: string) {
    admin(actor);
    const body = parseInput(phraseBody, fields);
    return db.transaction((tx) => {
      const row = tx.insert(phrases).values({ ...body, createdAt: clock() }).returning().get();
      audit.record({ staffId: actor.id, username: actor.username, action: 'phrase.create', target: String(row.id), ip, detail: body }, tx);
      return row;
    });
  }

  function update(actor: StaffUser, id: number, fields: unknown, ip?: string) {
    admin(actor);
    const body = parseInput(phraseBody, fields);
    return db.transaction((tx) => {
      const before = tx.select().from(phrases).where(eq(phrases.id, id)).get();
      if (!before) throw new AppError(404, 'not_found');
      const row = tx.update(phrases).set(body).where(eq(phrases.id, id)).returning().get();
      audit.record({ staffId: actor.id, username: actor.username, action: 'phrase.update', target: String(id), ip,
        detail: { before: { action: before.action, textZh: before.textZh, textEn: before.textEn, sort: before.sort }, after: body } }, tx);
      return row;
    });
  }

  function remove(actor: StaffUser, id: number, ip?: string) {
    admin(actor);
    return db.transaction((tx) => {
      const before = tx.select().from(phrases).where(eq(phrases.id, id)).get();
      if (!before) throw new AppError(404, 'not_found');
      tx.delete(phrases).where(eq(phrases.id, id)).run();
      audit.record({ staffId: actor.id, username: actor.username, action: 'phrase.delete', target: String(id), ip,
        detail: { action: before.action, textZh: before.textZh, textEn: before.textEn } }, tx);
      return { id };
    });
  }

  return { all, byAction, create, update, remove };
}

export type Phrases = ReturnType<typeof createPhrases>;
