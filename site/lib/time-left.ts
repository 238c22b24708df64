import { fmt, messages, type Lang } from '../i18n/index.ts';
import { timeLeft } from '../../api/cases/time-left.ts';

/** '剩 2 小时' / '超期 3 天' ('2 hours left' / '3 days overdue'). */
export function leftText(lang: Lang, due: Date, now: Date): { text: string; overdue: boolean } {
  const l = timeLeft(due, now);
  const h = messages[lang].handlers;
  return { text: fmt((l.overdue ? h.overdue : h.left)[l.unit], { n: l.n }), overdue: l.overdue };
}
