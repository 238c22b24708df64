import { nearQuery, suggestQuery } from '../../gazetteer/schema.ts';
import { queryParams, type Op } from './types.ts';

const json = ['application/json'];
const ERR = { $ref: '#/components/schemas/Error' };
const PLACE = { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' }, kind: { type: 'string', enum: ['road', 'landmark', 'community', 'school', 'market', 'bus_stop'] }, lat: { type: 'number' }, lng: { type: 'number' } } };

/** The gazetteer's public routes: what the report form asks as a resident types, and the schematic map's layer. */
export const PLACE_OPS: Op[] = [
  {
    method: 'get', path: '/api/places/suggest', tag: 'reports', summary: ['地点联想', 'Place suggestions'],
    description: ['按输入的地名、别名匹配地名库（道路、地标、社区、学校、市场、公交站），完全相符的在前，最多 8 条。',
      'Matches the typed text against the gazetteer’s names and aliases (roads, landmarks, communities, schools, markets, bus stops), exact matches first, at most 8.'],
    params: queryParams(suggestQuery, { q: ['输入的地点（≤100 字）', 'The typed place (≤100 characters)'] }),
    responses: {
      200: { text: ['相符的地点', 'Matching places'], media: json, schema: { type: 'object', properties: { items: { type: 'array', items: PLACE } } } },
      400: { text: ['输入过长', 'Too long'], media: json, schema: ERR },
    },
  },
  {
    method: 'get', path: '/api/places/near', tag: 'reports', summary: ['标注位置附近的地名', 'The place near a pin'],
    description: ['400 米内最近的地标、社区、学校、市场或公交站（“已标注在人民广场附近”），没有则为 null。', 'The nearest landmark, community, school, market or bus stop within 400 m (“marked near People’s Square”), or null.'],
    params: queryParams(nearQuery, { lat: ['纬度', 'Latitude'], lng: ['经度', 'Longitude'] }, ['lat', 'lng']),
    responses: {
      200: { text: ['最近的地名', 'The nearest place'], media: json, schema: { type: 'object', properties: { place: { anyOf: [PLACE, { type: 'null' }] } } } },
      400: { text: ['坐标无效', 'Invalid coordinates'], media: json, schema: ERR },
    },
  },
  {
    method: 'get', path: '/api/places/map.geojson', tag: 'data', summary: ['示意地图图层（GeoJSON）', 'The schematic map layer (GeoJSON)'],
    description: ['地名库的道路（LineString）、地点（Point）和城区范围（闭合 LineString），RFC 7946，坐标为近似值。可缓存，按 ETag 重新验证。',
      'The gazetteer’s roads (LineString), places (Point) and city outline (a closed LineString), RFC 7946; coordinates are approximate. Cacheable, revalidated by ETag.'],
    responses: {
      200: { text: ['FeatureCollection', 'A FeatureCollection'], media: ['application/geo+json'] },
      304: { text: ['未改变', 'Not modified'] },
    },
  },
];
