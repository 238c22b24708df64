import { fmt, messages, type Lang } from '../i18n/index.ts';
import { shanghaiDateTime } from '../../api/shared/time.ts';

/** A time as people here read it: Asia/Shanghai, 'YYYY-MM-DD HH:MM'. */
export const when = (at: Date | null | undefined) => (at ? shanghaiDateTime(at) : '');

/** '3 小时前' / '3 h ago'. */
export function ago(lang: Lang, at: Date, now: Date): string {
  const t = messages[lang].time;
  const min = Math.max(1, Math.round((now.getTime() - at.getTime()) / 60_000));
  const span = min < 60 ? fmt(t.minutes, { n: min }) : min < 2880 ? fmt(t.hours, { n: Math.round(min / 60) }) : fmt(t.days, { n: Math.round(min / 1440) });
  return fmt(t.ago, { t: span });
}

/** CSS class of a state badge, by its public bucket. */
export function stateClass(state: string): string {
  if (state === 'closed') return 'state fixed';
  if (state === 'rejected' || state === 'duplicate') return 'state closed';
  if (state === 'submitted') return 'state pending';
  return 'state';
}
