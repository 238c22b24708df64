/** The demo city's ready phrases (常用语), seeded when there are none yet: what a command centre types every day. */
import { phrases } from '../../db/schema.ts';
import type { PhraseAction } from '../../db/vocabulary.ts';
import type { Services } from '../services.ts';

export const DEMO_PHRASES: readonly [PhraseAction, string, string][] = [
  ['accept', '您反映的问题已受理立案，我们将尽快安排处置。', 'Your report has been accepted; we will arrange for it to be dealt with soon.'],
  ['accept', '已受理，正在核实现场情况。', 'Accepted; we are checking the site.'],
  ['dispatch', '已派遣责任单位到场处置，请耐心等待。', 'The responsible unit has been sent to deal with it.'],
  ['dispatch', '已派遣责任单位，按规定时限处置完毕。', 'Dispatched to the responsible unit, to be done within the set time.'],
  ['reject', '经现场核查，未发现所反映的问题。', 'We checked on site and found no such problem.'],
  ['reject', '所反映问题不属于城市管理职责范围，已转交相关部门办理。', 'This is not within urban management’s remit; it has been passed to the responsible body.'],
  ['reject', '所提供信息不足，无法核实具体位置，欢迎补充后重新反映。', 'Not enough information to find the place; please report again with more detail.'],
  ['resolve', '已清理完毕，现场已恢复整洁。', 'Cleaned up; the site is tidy again.'],
  ['resolve', '已劝离占道经营摊贩，并加强巡查。', 'The street vendors were asked to leave; patrols have been stepped up.'],
  ['resolve', '已更换损坏设施，恢复正常使用。', 'The broken fixture was replaced and works again.'],
  ['public_note', '感谢您的反映，我们将持续跟进。', 'Thank you for reporting; we will keep following it up.'],
  ['public_note', '已列入整改计划，将按计划完成。', 'Included in the works plan; it will be done as planned.'],
];

export function seedDemoPhrases(services: Services): number {
  const { db, clock } = services;
  if (db.select({ id: phrases.id }).from(phrases).limit(1).get()) return 0;
  const now = clock();
  db.insert(phrases).values(DEMO_PHRASES.map(([action, textZh, textEn], i) => ({ action, textZh, textEn, sort: i * 10, createdAt: now }))).run();
  return DEMO_PHRASES.length;
}
