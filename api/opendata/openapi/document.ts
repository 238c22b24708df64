import type { Lang } from '../../i18n/lang.ts';
import { OPEN_DATA_OPS } from './opendata-ops.ts';
import { PUBLIC_OPS } from './public-ops.ts';
import { PLACE_OPS } from './place-ops.ts';
import { STAFF_OPS } from './staff-ops.ts';
import { DRIVE_OPS, STAFF_DRIVE_OPS } from './drive-ops.ts';
import { TAGS, type Op, type Schema, type Text } from './types.ts';

export const ALL_OPS: Op[] = [...PUBLIC_OPS, ...PLACE_OPS, ...DRIVE_OPS, ...OPEN_DATA_OPS, ...STAFF_OPS, ...STAFF_DRIVE_OPS];

const ERROR: Schema = {
  type: 'object', required: ['error'],
  properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' }, fields: { type: 'object', additionalProperties: { type: 'string' } } } } },
};

/** The OpenAPI 3.1 document of the portal's own API, in one language. */
export function openApiDocument(publicUrl: string, lang: Lang) {
  const pick = (t: Text) => t[lang === 'zh' ? 0 : 1];
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of ALL_OPS) {
    const path = op.path.replace(/:(\w+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][op.method] = {
      tags: [op.tag], summary: pick(op.summary), ...(op.description ? { description: pick(op.description) } : {}),
      operationId: `${op.method}${path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, ch: string | undefined) => (ch ?? '').toUpperCase())}`,
      ...(op.tag === 'staff' ? { security: [{ staffSession: [], csrfToken: [] }] } : {}),
      ...(op.params?.length ? { parameters: op.params.map((p) => ({ name: p.name, in: p.in, required: p.in === 'path' || !!p.required, description: pick(p.text), schema: p.schema })) } : {}),
      ...(op.body ? { requestBody: { required: true, ...(op.body.text ? { description: pick(op.body.text) } : {}), content: Object.fromEntries([op.body, ...(op.body.also ?? [])].map((b) => [b.media, { schema: b.schema }])) } } : {}),
      responses: Object.fromEntries(Object.entries(op.responses).map(([status, r]) => [status, {
        description: pick(r.text),
        ...(r.media ? { content: Object.fromEntries(r.media.map((m) => [m, r.schema && m.includes('json') ? { schema: r.schema } : {}])) } : {}),
      }])),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: lang === 'zh' ? '城事通 CityLoop 接口' : 'CityLoop API', version: '1.0.0',
      description: lang === 'zh'
        ? '阳江市城市管理问题反映与整改公示平台的 JSON 接口和开放数据。错误统一为 {"error":{"code","message","fields"?}}（Open311 接口除外，见其说明）；?lang=en 或 Accept-Language 选择英文。'
        : 'The JSON API and open data of the portal where Yangjiang residents report urban-management problems. Errors are {"error":{"code","message","fields"?}} (except Open311, see there); ?lang=en or Accept-Language selects English.',
    },
    servers: [{ url: publicUrl.replace(/\/$/, '') }],
    tags: Object.entries(TAGS).map(([name, t]) => ({ name, description: pick(t) })),
    paths,
    components: {
      schemas: { Error: ERROR },
      securitySchemes: {
        staffSession: { type: 'apiKey', in: 'cookie', name: 'cl_staff' },
        csrfToken: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
