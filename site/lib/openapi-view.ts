import type { OpenApiDocument } from '../../api/opendata/openapi/document.ts';

type Schema = { type?: string | string[]; enum?: unknown[]; const?: unknown; format?: string; items?: Schema; anyOf?: Schema[]; $ref?: string; minimum?: number; maximum?: number; maxLength?: number; default?: unknown; properties?: Record<string, Schema>; required?: string[] };
type Parameter = { name: string; in: string; required: boolean; description: string; schema: Schema };
type Operation = {
  tags: string[]; summary: string; description?: string; operationId: string; parameters?: Parameter[];
  requestBody?: { description?: string; content: Record<string, { schema?: Schema }> };
  responses: Record<string, { description: string; content?: Record<string, unknown> }>;
};

/** A JSON Schema in a few words: "string (date-time)", "integer 1–1000", "open | closed". */
export function typeText(s: Schema | undefined): string {
  if (!s) return '';
  if (s.$ref) return s.$ref.split('/').pop()!;
  if (s.anyOf) return s.anyOf.map(typeText).join(' | ');
  if (s.enum) return s.enum.map(String).join(' | ');
  if (s.const !== undefined) return JSON.stringify(s.const);
  const type = Array.isArray(s.type) ? s.type.join(' | ') : s.type ?? '';
  if (type === 'array') return `${typeText(s.items)}[]`;
  const range = s.minimum !== undefined || s.maximum !== undefined ? ` ${s.minimum ?? ''}–${s.maximum ?? ''}` : '';
  const extra = s.format ? ` (${s.format})` : s.maxLength ? ` ≤ ${s.maxLength}` : '';
  return `${type}${range}${extra}`;
}

/** The document grouped by tag, each operation with its parameters, body fields and responses as rows. */
export function operationsByTag(doc: OpenApiDocument) {
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods as Record<string, Operation>).map(([method, op]) => ({ path, method: method.toUpperCase(), op })));
  return doc.tags.map((tag) => ({
    name: tag.name, title: tag.description,
    ops: ops.filter((o) => o.op.tags[0] === tag.name).map(({ path, method, op }) => {
      const [media, body] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
      return {
        id: op.operationId, method, path, summary: op.summary, description: op.description,
        params: (op.parameters ?? []).map((p) => ({ name: p.name, in: p.in, required: p.required, type: typeText(p.schema), description: p.description })),
        body: media ? {
          media, description: op.requestBody?.description,
          fields: Object.entries(body?.schema?.properties ?? {}).map(([name, s]) => ({
            name, required: (body?.schema?.required ?? []).includes(name), type: typeText(s), description: '',
          })),
        } : null,
        responses: Object.entries(op.responses).map(([status, r]) => ({ status, description: r.description, media: Object.keys(r.content ?? {}) })),
      };
    }),
  })).filter((t) => t.ops.length);
}
