import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { categories, units } from '../../db/schema.ts';
import { AppError } from '../shared/errors.ts';
import { byActor, changesOf, type Actor } from './audit-log.ts';
import type { Audit } from './audit.ts';
import {
  categoryUpdateInput, parseInput, unitCreateInput, unitUpdateInput, type CategoryUpdateInput, type UnitCreateInput, type UnitUpdateInput,
} from './schema.ts';

type Deps = { db: Db; audit: Audit };


/** Admin edits of units and categories (the report form and the workflow read them live from the database). */
export function createCatalogAdmin({ db, audit }: Deps) {
  const unitRow = (id: string) => db.select().from(units).where(eq(units.id, id)).get();
  const mustUnit = (id: string) => {
    const row = unitRow(id);
    if (!row) throw new AppError(404, 'not_found');
    return row;
  };

  return {
    units: () => db.select().from(units).orderBy(asc(units.sort), asc(units.id)).all(),
    unit: (id: string) => unitRow(id) ?? null,

    createUnit(fields: unknown, actor: Actor) {
      const input: UnitCreateInput = parseInput(unitCreateInput, fields);
      return db.transaction((tx) => {
        if (tx.select({ id: units.id }).from(units).where(eq(units.id, input.id)).get()) {
          throw new AppError(409, 'unit_taken', { id: 'unit_taken' });
        }
        const row = tx.insert(units).values(input).returning().get();
        audit.record({ ...byActor(actor), action: 'unit.create', target: row.id, detail: { nameZh: row.nameZh, nameEn: row.nameEn } }, tx);
        return row;
      }, { behavior: 'immediate' });
    },

    updateUnit(id: string, fields: unknown, actor: Actor) {
      const input: UnitUpdateInput = parseInput(unitUpdateInput, fields);
      return db.transaction((tx) => {
        const before = mustUnit(id);
        tx.update(units).set(input).where(eq(units.id, id)).run();
        audit.record({ ...byActor(actor), action: 'unit.update', target: id, detail: changesOf(before, input) }, tx);
        return { ...before, ...input };
      }, { behavior: 'immediate' });
    },

    categories: () => db.select().from(categories).orderBy(asc(categories.sort), asc(categories.id)).all(),
    category: (id: string) => db.select().from(categories).where(eq(categories.id, id)).get() ?? null,

    updateCategory(id: string, fields: unknown, actor: Actor) {
      const input: CategoryUpdateInput = parseInput(categoryUpdateInput, fields);
      return db.transaction((tx) => {
        const before = tx.select().from(categories).where(eq(categories.id, id)).get();
        if (!before) throw new AppError(404, 'not_found');
        if (input.unitId && !tx.select({ id: units.id }).from(units).where(eq(units.id, input.unitId)).get()) {
          throw new AppError(400, 'invalid_input', { unitId: 'unit_not_found' });
        }
        tx.update(categories).set(input).where(eq(categories.id, id)).run();
        audit.record({ ...byActor(actor), action: 'category.update', target: id, detail: changesOf(before, input) }, tx);
        return { ...before, ...input };
      }, { behavior: 'immediate' });
    },
  };
}

export type CatalogAdmin = ReturnType<typeof createCatalogAdmin>;
