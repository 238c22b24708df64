/**
 * The bureau's default units and categories (PRODUCT.md, "Units" and "Categories").
 * Inserted on every first start, demo or not; admins edit them afterwards, so this never
 * overwrites anything: each table is filled only while it is still empty.
 */
import type { Db } from './client.ts';
import { categories, units } from './schema.ts';

type UnitRow = typeof units.$inferInsert;
type CategoryRow = typeof categories.$inferInsert;

export const UNITS: readonly UnitRow[] = [
  { id: 'sanitation', nameZh: '环卫中心', nameEn: 'Sanitation Centre', sort: 10 },
  { id: 'lighting', nameZh: '路灯中心', nameEn: 'Street Lighting Centre', sort: 20 },
  { id: 'municipal', nameZh: '市政管理中心', nameEn: 'Municipal Facilities Centre', sort: 30 },
  { id: 'greenery', nameZh: '园林管理中心', nameEn: 'Parks and Greenery Centre', sort: 40 },
  { id: 'enforcement', nameZh: '执法队', nameEn: 'Law Enforcement Team', sort: 50 },
];

type Def = [id: string, group: string, code: string | null, zh: string, en: string,
  unit: string | null, amount: number, unit2: 'hours' | 'days'];

// Order and values as in PRODUCT.md's table; 'hours' rows are the urgent 2-working-hour ones.
const DEFS: readonly Def[] = [
  ['exposed_garbage', 'environment', '06010', '暴露垃圾', 'Garbage on the ground', 'sanitation', 1, 'days'],
  ['bin_overflow', 'environment', '06042', '垃圾箱满溢或不密闭', 'Overflowing or unlidded bin', 'sanitation', 1, 'days'],
  ['street_vending', 'order', '09006', '占道经营', 'Street vending blocking the road', 'enforcement', 1, 'days'],
  ['outside_trading', 'order', '09005', '店外经营', 'Shop trading outside its front', 'enforcement', 3, 'days'],
  ['open_bbq', 'air', '06029', '露天烧烤', 'Open-air barbecue', 'enforcement', 2, 'hours'],
  ['burning_waste', 'air', '06020', '焚烧垃圾树叶', 'Burning waste or leaves', 'enforcement', 2, 'hours'],
  ['cooking_fumes', 'air', '06027', '餐饮油烟', 'Restaurant oil fumes', 'enforcement', 5, 'days'],
  ['illegal_flyers', 'ads', '07001', '非法小广告', 'Illegal flyers', 'enforcement', 3, 'days'],
  ['illegal_billboard', 'ads', '07003', '违规户外广告', 'Illegal billboard', 'enforcement', 5, 'days'],
  ['streetlight_out', 'facilities', '01037', '路灯不亮', 'Street light out', 'lighting', 1, 'days'],
  ['manhole_cover', 'facilities', '010xx', '井盖缺失或破损', 'Missing or broken manhole cover', 'municipal', 2, 'hours'],
  ['blocked_drain', 'facilities', null, '排水井堵塞', 'Blocked drain', 'municipal', 3, 'days'],
  ['unpermitted_digging', 'facilities', '08003', '无证掘路', 'Unpermitted road digging', 'municipal', 3, 'days'],
  ['site_fencing', 'order', '08007', '工地/闲置地围挡', 'Fencing of building sites and idle land', 'enforcement', 5, 'days'],
  ['dirty_greenspace', 'greenery', '06017', '绿地脏乱', 'Dirty green space', 'greenery', 3, 'days'],
  ['bare_soil', 'greenery', null, '绿化缺株/黄土裸露', 'Dead trees, bare soil', 'greenery', 15, 'days'],
  ['other', 'other', null, '其他', 'Other', null, 5, 'days'],
];

export const CATEGORIES: readonly CategoryRow[] = DEFS.map(([id, groupId, nationalCode, nameZh, nameEn, unitId, handleAmount, handleUnit], i) => ({
  id, groupId, nationalCode, nameZh, nameEn, unitId, handleAmount, handleUnit,
  acceptHours: 2, active: true, sort: (i + 1) * 10,
}));

/** Fills `units` and `categories` with the defaults if (and only if) each is empty. Idempotent. */
export function seedCatalog(db: Db): { units: number; categories: number } {
  return db.transaction((tx) => {
    const added = { units: 0, categories: 0 };
    if (!tx.select({ id: units.id }).from(units).limit(1).get()) {
      tx.insert(units).values([...UNITS]).run();
      added.units = UNITS.length;
    }
    if (!tx.select({ id: categories.id }).from(categories).limit(1).get()) {
      // An admin may have replaced the units already: never point at a unit that is not there.
      const known = new Set(tx.select({ id: units.id }).from(units).all().map((u) => u.id));
      tx.insert(categories).values(CATEGORIES.map((c) => ({ ...c, unitId: c.unitId && known.has(c.unitId) ? c.unitId : null }))).run();
      added.categories = CATEGORIES.length;
    }
    return added;
  }, { behavior: 'immediate' });
}
