import sharp from 'sharp';
import { crc32, deflateSync } from 'node:zlib';

/** A 400×200 JPEG whose EXIF says "rotate 90°" and carries a GPS position (Yangjiang by default) and a camera. */
export function phoneJpeg(lat = 21.8585, lng = 111.9822) {
  const dms = (v: number) => {
    const d = Math.floor(v); const m = Math.floor((v - d) * 60); const s = Math.round(((v - d) * 60 - m) * 60 * 100);
    return `${d}/1 ${m}/1 ${s}/100`;
  };
  return sharp({ create: { width: 400, height: 200, channels: 3, background: '#3a7' } }).jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({ IFD0: { Make: 'TestCam', Model: 'Phone X' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: dms(lat), GPSLongitudeRef: 'E', GPSLongitude: dms(lng) } })
    .toBuffer();
}

export const plainPng = () => sharp({ create: { width: 64, height: 48, channels: 3, background: '#888' } }).png().toBuffer();

/** A valid, tiny (≈ 50 KB) PNG that claims 20000×20000 pixels: the classic decompression bomb. */
export function pixelBomb(size = 20000) {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body) >>> 0, 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 1; ihdr[9] = 0; // 1-bit greyscale
  const rows = deflateSync(Buffer.alloc(size * (1 + Math.ceil(size / 8))));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', rows), chunk('IEND', Buffer.alloc(0))]);
}

export const textAsJpeg = () => Buffer.from('这不是图片。This is a plain text file renamed to photo.jpg\n'.repeat(20));
