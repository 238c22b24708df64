import type { Config } from '../../api/config.ts';

export type MapOptions = {
  center: [number, number];
  bounds: [[number, number], [number, number]];
  tiles: string[]; // empty: draw a plain grid (no key configured, tests, offline)
  attribution: string;
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
  };
}
