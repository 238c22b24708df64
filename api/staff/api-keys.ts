/**
 * Keys of the systems that file cases through Open311 (a 12345 platform, a mini-program vendor, a
 * neighbouring app). A key is 32 random bytes shown once; only its SHA-256 is stored (a random key
 * needs no slow hash). OPEN311_API_KEY, when set, is one more key without a row.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { apiKeys } from '../../db/schema.ts';
import type { Channel } from '../../db/vocabulary.ts';
import { AppError } from '../shared/errors.ts';
import { sha256 } from '../shared/ids.ts';
import { byActor, type Actor } from './audit-log.ts';
import type { Audit } from './audit.ts';
import { apiKeyCreateInput, parseInput } from './schema.ts';

/** Who is calling: a key's row, the configured key, or nobody when no key is required. */
export type ApiClient = { apiKeyId: number | null; name: string; channel: Channel };
export const CONFIGURED_KEY_NAME = 'OPEN311_API_KEY';
const ANONYMOUS: ApiClient = { apiKeyId: null, name: 'Open311', channel: 'api' };

const sameText = (a: string, b: string) => {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
};

export function createApiKeys(deps: { db: Db; clock: () => Date; audit: Audit; configuredKey?: string }) {
  const { db, clock, audit, configuredKey } = deps;
  const issued = () => db.select({ n: sql<number>`count(*)` }).from(apiKeys).get()!.n;
  /**
   * Whether POSTs need a key at all: once one is configured or was ever issued, every client must send one
   * (revoking the last key closes the door, it does not open it to everybody).
   */
  const required = () => Boolean(configuredKey) || issued() > 0;

  function known(key: string): ApiClient | null {
    if (configuredKey && sameText(key, configuredKey)) return { apiKeyId: null, name: CONFIGURED_KEY_NAME, channel: 'api' };
    const row = db.select().from(apiKeys).where(eq(apiKeys.keyHash, sha256(key))).get();
    if (!row || row.revokedAt) return null;
    db.update(apiKeys).set({ lastUsedAt: clock() }).where(eq(apiKeys.id, row.id)).run();
    return { apiKeyId: row.id, name: row.name, channel: row.channel };
  }

  return {
    list: () => db.select({
      id: apiKeys.id, name: apiKeys.name, channel: apiKeys.channel, keyHint: apiKeys.keyHint, createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt, revokedAt: apiKeys.revokedAt,
    }).from(apiKeys).orderBy(asc(apiKeys.revokedAt), asc(apiKeys.id)).all(),

    /** A new key: the plain key is returned here once and never again. */
    create(fields: unknown, actor: Actor) {
      const input = parseInput(apiKeyCreateInput, fields);
      const key = `cl_${randomBytes(24).toString('base64url')}`;
      const now = clock();
      return db.transaction((tx) => {
        const row = tx.insert(apiKeys).values({
          name: input.name, channel: input.channel, keyHash: sha256(key), keyHint: key.slice(0, 7), createdAt: now, createdBy: actor.id,
        }).returning({ id: apiKeys.id, name: apiKeys.name, channel: apiKeys.channel, keyHint: apiKeys.keyHint, createdAt: apiKeys.createdAt }).get();
        audit.record({ ...byActor(actor), action: 'api_key.create', target: String(row.id), detail: { name: row.name, channel: row.channel } }, tx);
        return { apiKey: row, key };
      }, { behavior: 'immediate' });
    },

    revoke(id: number, actor: Actor) {
      const now = clock();
      db.transaction((tx) => {
        const row = tx.select().from(apiKeys).where(eq(apiKeys.id, id)).get();
        if (!row) throw new AppError(404, 'not_found');
        if (row.revokedAt) return;
        tx.update(apiKeys).set({ revokedAt: now }).where(eq(apiKeys.id, id)).run();
        audit.record({ ...byActor(actor), action: 'api_key.revoke', target: String(id), detail: { name: row.name } }, tx);
      }, { behavior: 'immediate' });
    },

    required,

    /** The client a key belongs to (its last use recorded); null for a missing, wrong or revoked key when keys are required. */
    verify(given: string | undefined): ApiClient | null {
      const key = given?.trim() ?? '';
      if (!required()) return (key && known(key)) || ANONYMOUS;
      return key ? known(key) : null;
    },
  };
}

export type ApiKeys = ReturnType<typeof createApiKeys>;
