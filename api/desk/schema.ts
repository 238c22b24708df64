/** Inputs of the dispatcher's desk: the queue's chips and sorting, 督办, ready phrases. One zod schema each (forms and API). */
import { z } from 'zod';
import { PHRASE_ACTIONS, type PhraseAction } from '../../db/vocabulary.ts';
import { instant, LIGHTS } from '../cases/schema.ts';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const opt = <T extends z.ZodType>(s: T) => z.preprocess(blank, s.optional());

export const QUEUE_SORTS = ['old', 'new', 'due', 'category'] as const;
export const QUEUE_KINDS = ['new', 'reopened'] as const;

/** The queue's filters (chips) and sort; `case` opens one case in the side pane. */
export const queueQuery = z.object({
  category: opt(z.string().max(50)),
  light: opt(z.enum(LIGHTS)),
  kind: opt(z.enum(QUEUE_KINDS)),
  sort: z.preprocess(blank, z.enum(QUEUE_SORTS).default('old')),
  case: opt(z.string().trim().toUpperCase().max(40)),
});
export type QueueQuery = z.infer<typeof queueQuery>;

/** 督办: a note to the unit (required) and, where the clock runs, a new due time. */
export const superviseBody = z.object({
  version: z.coerce.number({ error: 'version_required' }).int('version_required').min(1, 'version_required'),
  note: z.preprocess(blank, z.string({ error: 'supervise_note_required' }).trim().max(500, 'note_too_long')),
  dueAt: opt(instant),
});
export type SuperviseBody = z.infer<typeof superviseBody>;

export const supervisionQuery = z.object({ unit: opt(z.string().max(50)) });

export const phraseBody = z.object({
  action: z.enum(PHRASE_ACTIONS, { error: 'phrase_action_invalid' }),
  textZh: z.preprocess(blank, z.string({ error: 'phrase_text_required' }).trim().max(300, 'phrase_too_long')),
  textEn: z.preprocess(blank, z.string({ error: 'phrase_text_required' }).trim().max(300, 'phrase_too_long')),
  sort: z.preprocess(blank, z.coerce.number().int().min(0).max(999).default(0)),
});
export type PhraseBody = z.infer<typeof phraseBody>;

/** The case action whose note a phrase fills (hold, rework… use the general public-note phrases). */
export const phraseActionOf = (action: string): PhraseAction =>
  ((PHRASE_ACTIONS as readonly string[]).includes(action) ? action : 'public_note') as PhraseAction;
