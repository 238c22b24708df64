/**
 * Demo photos: a pool of distinct pictures per category, drawn at seed time (scenes.ts) and stored
 * through the upload pipeline itself (processPhoto: same layout, same thumbnails, EXIF stripped), then
 * reused across cases as file copies so deleting one case's photo never breaks another's.
 */
import sharp from 'sharp';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { processPhoto, removePhotos, type PhotoLimits, type StoredPhoto } from '../reports/photos.ts';
import { randomName } from '../shared/ids.ts';
import { mulberry32 } from './rng.ts';
import { sceneSvg } from './scenes.ts';

export type Pool = Map<string, { before: StoredPhoto[]; after: StoredPhoto[] }>;

/** Runs `work` over `items`, at most `limit` at a time, keeping the order of the results. */
async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Draws and stores `sizes[categoryId]` before- and after-pictures per category. */
export async function buildPool(
  sizes: Record<string, { before: number; after: number }>, uploadsDir: string, limits: PhotoLimits, seed: number,
): Promise<Pool> {
  const jobs = Object.entries(sizes).flatMap(([categoryId, n], ci) => [
    ...Array.from({ length: n.before }, (_, v) => ({ categoryId, clean: false, seed: seed + ci * 1000 + v })),
    ...Array.from({ length: n.after }, (_, v) => ({ categoryId, clean: true, seed: seed + ci * 1000 + 500 + v })),
  ]);
  const stored = await mapLimit(jobs, 4, async (job) => {
    const svg = sceneSvg(job.categoryId, mulberry32(job.seed), job.clean);
    const jpeg = await sharp(Buffer.from(svg)).jpeg({ quality: 88 }).toBuffer();
    const { gps: _gps, ...photo } = await processPhoto(jpeg, uploadsDir, limits);
    return photo;
  });
  const pool: Pool = new Map();
  jobs.forEach((job, i) => {
    const entry = pool.get(job.categoryId) ?? { before: [], after: [] };
    (job.clean ? entry.after : entry.before).push(stored[i]!);
    pool.set(job.categoryId, entry);
  });
  return pool;
}

/** Hands out pool pictures: the stored original the first time, a copy under a new random name after. */
export function photoDealer(uploadsDir: string) {
  const used = new Set<string>();
  const allOriginals: StoredPhoto[] = [];
  return {
    track(pool: Pool) {
      for (const { before, after } of pool.values()) allOriginals.push(...before, ...after);
    },
    async take(photo: StoredPhoto): Promise<StoredPhoto> {
      if (!used.has(photo.file)) {
        used.add(photo.file);
        return photo;
      }
      // Same layout as processPhoto: uploads/<2 chars>/<name>.jpg and <name>_t.jpg.
      const name = randomName();
      const copy = { ...photo, file: `${name.slice(0, 2)}/${name}.jpg`, thumb: `${name.slice(0, 2)}/${name}_t.jpg` };
      await mkdir(dirname(join(uploadsDir, copy.file)), { recursive: true });
      await Promise.all([
        copyFile(join(uploadsDir, photo.file), join(uploadsDir, copy.file)),
        copyFile(join(uploadsDir, photo.thumb), join(uploadsDir, copy.thumb)),
      ]);
      return copy;
    },
    /** Deletes pool pictures no case ended up using. */
    async sweep() {
      await removePhotos(uploadsDir, allOriginals.filter((p) => !used.has(p.file)));
    },
  };
}
