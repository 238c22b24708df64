/** Navigation to a WGS84 point from a phone: the system's map app (a `geo:` URI) and AMap's directions page, which converts WGS84 itself. */
export const geoUri = (lat: number, lng: number) => `geo:${lat.toFixed(6)},${lng.toFixed(6)}?q=${lat.toFixed(6)},${lng.toFixed(6)}`;
export const amapDirections = (lat: number, lng: number, name: string) =>
  `https://uri.amap.com/navigation?to=${lng.toFixed(6)},${lat.toFixed(6)},${encodeURIComponent(name)}&mode=car&coordinate=wgs84&callnative=1`;
