import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { categories, units } from '../../db/schema.ts';

export type Category = typeof categories.$inferSelect;
export type Unit = typeof units.$inferSelect;

export const GROUP_ORDER = ['environment', 'order', 'air', 'ads', 'facilities', 'greenery', 'other'] as const;

/** The report form's "more kinds": the catalog's groups folded into the four a resident knows (其他 stays last, alone). */
export const FORM_GROUPS: Record<string, readonly string[]> = {
  environment: ['environment', 'air'], order: ['order', 'ads'], facilities: ['facilities'], greenery: ['greenery'], other: ['other'],
};

export function createCatalog(db: Db) {
  const activeStmt = db.select().from(categories).where(eq(categories.active, true)).orderBy(asc(categories.sort)).prepare();
  const unitsStmt = db.select().from(units).orderBy(asc(units.sort)).prepare();
  return {
    activeCategories: (): Category[] => activeStmt.all(),
    allCategories: (): Category[] => db.select().from(categories).orderBy(asc(categories.sort)).all(),
    units: (): Unit[] => unitsStmt.all(),
    /** Active categories grouped in the order the report form shows them. */
    grouped(): { group: string; items: Category[] }[] {
      const all = activeStmt.all();
      return GROUP_ORDER.map((group) => ({ group, items: all.filter((c) => c.groupId === group) })).filter((g) => g.items.length);
    },
    /** Active categories in the report form's four groups (and 其他). */
    formGroups(): { group: string; items: Category[] }[] {
      const all = activeStmt.all();
      return Object.entries(FORM_GROUPS).map(([group, from]) => ({ group, items: all.filter((c) => from.includes(c.groupId)) }))
        .filter((g) => g.items.length);
    },
  };
}

export type Catalog = ReturnType<typeof createCatalog>;
