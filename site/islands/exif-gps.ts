/**
 * The GPS position in a JPEG's EXIF, read in the browser so a photo can place the pin before it is sent (the server
 * reads it too, for reports sent without JavaScript). Only the first 128 KB are read; anything unexpected is null.
 */
export async function photoGps(file: File): Promise<{ lat: number; lng: number } | null> {
  if (!/jpe?g$/i.test(file.type) && !/\.jpe?g$/i.test(file.name)) return null;
  try {
    return gpsOf(new DataView(await file.slice(0, 131072).arrayBuffer()));
  } catch {
    return null;
  }
}

function gpsOf(v: DataView): { lat: number; lng: number } | null {
  if (v.getUint16(0) !== 0xffd8) return null;
  for (let off = 2; off + 4 < v.byteLength;) {
    const marker = v.getUint16(off);
    const size = v.getUint16(off + 2);
    if (marker === 0xffe1 && v.getUint32(off + 4) === 0x45786966) return fromTiff(v, off + 10); // "Exif"
    if ((marker & 0xff00) !== 0xff00 || marker === 0xffda) return null; // not a marker, or the image data begins
    off += 2 + size;
  }
  return null;
}

function fromTiff(v: DataView, tiff: number) {
  const le = v.getUint16(tiff) === 0x4949; // "II": little-endian
  const u16 = (o: number) => v.getUint16(tiff + o, le);
  const u32 = (o: number) => v.getUint32(tiff + o, le);
  const entries = (ifd: number) => Array.from({ length: u16(ifd) }, (_, i) => ifd + 2 + i * 12);
  const gpsIfd = entries(u32(4)).find((e) => u16(e) === 0x8825);
  if (gpsIfd === undefined) return null;
  const tags = new Map(entries(u32(gpsIfd + 8)).map((e) => [u16(e), e]));
  const ref = (tag: number) => String.fromCharCode(v.getUint8(tiff + tags.get(tag)! + 8));
  const degrees = (tag: number) => {
    const at = u32(tags.get(tag)! + 8);
    const [d, m, s] = [0, 1, 2].map((i) => u32(at + i * 8) / u32(at + i * 8 + 4));
    return d + m / 60 + s / 3600;
  };
  if (![1, 2, 3, 4].every((t) => tags.has(t))) return null;
  const lat = degrees(2) * (ref(1) === 'S' ? -1 : 1);
  const lng = degrees(4) * (ref(3) === 'W' ? -1 : 1);
  return Number.isFinite(lat) && Number.isFinite(lng) && (lat !== 0 || lng !== 0) ? { lat, lng } : null;
}
