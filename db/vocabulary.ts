// The data's own vocabulary: the values the state and role columns may hold. The schema types its columns from
// these lists; api/cases/workflow.ts owns what they mean (transitions, which states are open or public).

export const CASE_STATES = [
  'submitted', 'accepted', 'rejected', 'duplicate', 'dispatched',
  'in_progress', 'on_hold', 'resolved', 'closed',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** Roles of staff accounts. */
export const STAFF_ROLES = ['admin', 'dispatcher', 'handler', 'viewer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * How a case reached the bureau (来源), one vocabulary for the console, statistics and API keys:
 * the portal (网站), an integrating system through the API (接口), a 12345 hotline transfer (热线), an inspector's patrol (巡查).
 */
export const CHANNELS = ['web', 'api', 'hotline', 'patrol'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The actions staff keep ready phrases (常用语) for: what each phrase fills in. */
export const PHRASE_ACTIONS = ['accept', 'reject', 'dispatch', 'resolve', 'public_note'] as const;
export type PhraseAction = (typeof PHRASE_ACTIONS)[number];
