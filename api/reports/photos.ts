import sharp from 'sharp';
import exifr from 'exifr';
import { mkdir, writeFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppError, isAppError } from '../shared/errors.ts';
import { randomName } from '../shared/ids.ts';

export type PhotoLimits = { maxPhotos: number; maxBytes: number; maxPixels: number };
export type StoredPhoto = { file: string; thumb: string; width: number; height: number; bytes: number };
export type ProcessedPhoto = StoredPhoto & { gps: { lat: number; lng: number } | null };

// Decided by the bytes, never by the file name or the browser's MIME type.
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp', 'heif']);
const MAX_EDGE = 2048;
const THUMB_EDGE = 480;

const photoError = (code: string, limits: PhotoLimits) =>
  new AppError(code === 'photo_too_big' ? 413 : 400, 'invalid_input', { photos: code },
    { n: limits.maxPhotos, mb: Math.round(limits.maxBytes / 1048576) });

export function checkPhotoCount(count: number, limits: PhotoLimits) {
  if (count > limits.maxPhotos) throw photoError('photos_too_many', limits);
}

async function readGps(bytes: Buffer) {
  try {
    const gps = await exifr.gps(bytes);
    return gps && Number.isFinite(gps.latitude) && Number.isFinite(gps.longitude) ? { lat: gps.latitude, lng: gps.longitude } : null;
  } catch {
    return null; // no or broken EXIF: nothing to place the pin with
  }
}

/** Validates one upload and writes an upright, EXIF-free JPEG (≤ 2048 px) and a thumbnail. */
export async function processPhoto(bytes: Buffer, uploadsDir: string, limits: PhotoLimits): Promise<ProcessedPhoto> {
  if (bytes.length > limits.maxBytes) throw photoError('photo_too_big', limits);
  let meta: sharp.Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw photoError('photo_type', limits);
  }
  if (!meta.format || !ACCEPTED_FORMATS.has(meta.format)) throw photoError('photo_type', limits);
  if ((meta.width ?? 0) * (meta.height ?? 0) > limits.maxPixels) throw photoError('photo_pixels', limits);

  const gps = await readGps(bytes);
  const name = randomName();
  const file = `${name.slice(0, 2)}/${name}.jpg`;
  const thumb = `${name.slice(0, 2)}/${name}_t.jpg`;
  try {
    // rotate() applies the EXIF orientation; re-encoding without withMetadata() drops EXIF, GPS included.
    const upright = sharp(bytes, { limitInputPixels: limits.maxPixels, failOn: 'error' }).rotate();
    const full = await upright.clone().resize(MAX_EDGE, MAX_EDGE, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 82 }).toBuffer({ resolveWithObject: true });
    const small = await upright.clone().resize(THUMB_EDGE, THUMB_EDGE, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 75 }).toBuffer();
    await mkdir(dirname(join(uploadsDir, file)), { recursive: true });
    await writeFile(join(uploadsDir, file), full.data);
    await writeFile(join(uploadsDir, thumb), small);
    return { file, thumb, width: full.info.width, height: full.info.height, bytes: full.data.length, gps };
  } catch (e) {
    await removePhotos(uploadsDir, [{ file, thumb }]);
    if (isAppError(e)) throw e;
    throw photoError('photo_unreadable', limits);
  }
}

export async function removePhotos(uploadsDir: string, photos: { file: string; thumb: string }[]) {
  await Promise.all(photos.flatMap((p) => [p.file, p.thumb]).map((f) => rm(join(uploadsDir, f), { force: true })));
}

/** Processes all uploads; if any is refused, none is kept. */
export async function processPhotos(uploads: Buffer[], uploadsDir: string, limits: PhotoLimits) {
  checkPhotoCount(uploads.length, limits);
  const results = await Promise.allSettled(uploads.map((b) => processPhoto(b, uploadsDir, limits)));
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) {
    await removePhotos(uploadsDir, results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])));
    throw failed.reason;
  }
  return results.map((r) => (r as PromiseFulfilledResult<ProcessedPhoto>).value);
}
