import { z } from 'zod';

/** Text in both languages: [zh, en]. The document is built in the one asked for. */
export type Text = readonly [string, string];
export type Schema = Record<string, unknown>;

export type Param = { name: string; in: 'query' | 'path' | 'header'; required?: boolean; schema: Schema; text: Text };
export type Op = {
  method: 'get' | 'post' | 'put' | 'delete'; path: string; tag: Tag; summary: Text; description?: Text;
  params?: Param[]; body?: { media: string; schema: Schema; text?: Text; also?: { media: string; schema: Schema }[] };
  responses: Record<string, { text: Text; media?: string[]; schema?: Schema }>;
};

export const TAGS = {
  reports: ['市民反映', 'Reporting'], drives: ['志愿活动', 'Volunteer drives'], cases: ['公开案件', 'Public cases'], data: ['开放数据', 'Open data'],
  open311: ['Open311 GeoReport v2', 'Open311 GeoReport v2'], system: ['系统', 'System'], staff: ['工作人员（需登录）', 'Staff (signed in)'],
} as const satisfies Record<string, Text>;
export type Tag = keyof typeof TAGS;

/** A zod schema as JSON Schema for its input side, without the "'' means not given" noise of form schemas. */
export function jsonSchema(s: z.ZodType): Schema {
  const tidy = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(tidy);
    if (!v || typeof v !== 'object') return v;
    const o = v as Schema;
    if (Array.isArray(o.anyOf)) {
      const kept = o.anyOf.filter((x) => !(x && typeof x === 'object' && (x as Schema).const === ''));
      if (kept.length === 1) return tidy({ ...(kept[0] as Schema), ...(o.default !== undefined ? { default: o.default } : {}) });
    }
    return Object.fromEntries(Object.entries(o).filter(([k]) => k !== '$schema').map(([k, x]) => [k, tidy(x)]));
  };
  return tidy(z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' })) as Schema;
}

/** One query parameter per property of a zod object, described by `texts`. */
export function queryParams(s: z.ZodObject, texts: Record<string, Text>, required: string[] = []): Param[] {
  const props = (jsonSchema(s).properties ?? {}) as Record<string, Schema>;
  return Object.entries(props).filter(([name]) => texts[name]).map(([name, schema]) => ({
    name, in: 'query' as const, required: required.includes(name), schema, text: texts[name]!,
  }));
}

