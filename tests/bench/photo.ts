// The benchmark's phone photo: 4032×3024, ~3 MB JPEG, EXIF orientation 6 (held sideways, as phones store it), with
// photo-like texture (smooth light, edges, sensor noise). Deterministic; made once into tests/.tmp (never committed).
import sharp from 'sharp';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { mulberry32 } from '../../api/demo/rng.ts';

export const PHOTO_FILE = 'tests/.tmp/bench/phone-photo-v1.jpg';
const [W, H] = [4032, 3024];

export async function phonePhoto(file = PHOTO_FILE): Promise<Buffer> {
  if (existsSync(file)) return readFileSync(file);
  const rng = mulberry32(0x70686f74);
  const raw = Buffer.alloc(W * H * 3);
  // A few soft blobs of colour (a street scene's large shapes) under fine noise (texture the encoder must keep).
  const blobs = Array.from({ length: 24 }, () => ({ x: rng() * W, y: rng() * H, r: 200 + rng() * 900, c: [rng() * 255, rng() * 255, rng() * 255] }));
  let seed = 12345;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      let [r, g, b] = [90 + (y / H) * 80, 110 + (x / W) * 60, 120];
      for (const k of blobs) {
        const d = ((x - k.x) ** 2 + (y - k.y) ** 2) / (k.r * k.r);
        if (d < 1) { const w = 1 - d; r += (k.c[0]! - r) * w; g += (k.c[1]! - g) * w; b += (k.c[2]! - b) * w; }
      }
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const n = ((seed >>> 16) & 63) - 32;
      const i = (y * W + x) * 3;
      raw[i] = Math.max(0, Math.min(255, r + n));
      raw[i + 1] = Math.max(0, Math.min(255, g + n));
      raw[i + 2] = Math.max(0, Math.min(255, b + n));
    }
  }
  const jpeg = await sharp(raw, { raw: { width: W, height: H, channels: 3 } }).blur(0.6)
    .jpeg({ quality: 88 }).withMetadata({ orientation: 6 }).toBuffer();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, jpeg);
  return jpeg;
}

if (process.argv[1]?.endsWith('photo.ts')) {
  const b = await phonePhoto();
  const m = await sharp(b).metadata();
  console.log(`${PHOTO_FILE}: ${(b.length / 1048576).toFixed(2)} MB ${m.width}×${m.height} orientation ${m.orientation}`);
}
