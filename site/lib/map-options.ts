import type { Config } from '../../api/config.ts';
import { apiMessages } from '../../api/i18n/index.ts';

export type MapOptions = {
  center: [number, number];
  bounds: [[number, number], [number, number]];
  tiles: string[]; // empty: draw the schematic city from the gazetteer (no key configured, tests, offline)
  attribution: string;
  /** The gazetteer's roads, places and outline (GeoJSON), and the attribution that marks the drawing as schematic. */
  schematic: { url: string; label: { zh: string; en: string } };
};

/** What the browser needs to draw the map; tile URLs only when usable (Tianditu needs a key). */
export function mapOptions(config: Config): MapOptions {
  const fill = (url: string) => url.replace('{tk}', encodeURIComponent(config.MAP_TILE_KEY));
  const usable = (url: string) => url !== '' && (!url.includes('{tk}') || config.MAP_TILE_KEY !== '');
  const b = config.CITY_BOUNDS;
  return {
    center: config.CITY_CENTER,
    bounds: [[b.south, b.west], [b.north, b.east]],
    tiles: [config.MAP_TILE_URL, config.MAP_LABEL_URL].filter(usable).map(fill),
    attribution: config.MAP_ATTRIBUTION,
    schematic: { url: '/api/places/map.geojson', label: { zh: apiMessages.zh.places.schematic, en: apiMessages.en.places.schematic } },
  };
}
