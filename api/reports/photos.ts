import sharp from 'sharp';
import exifr from 'exifr';
import { mkdir, writeFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { availableParallelism } from 'node:os';
import { AppError } from '../shared/errors.ts';
import { randomName } from '../shared/ids.ts';
import type { Log } from '../shared/log.ts';

// Memory: a 49-megapixel PNG decodes to ~150 MB. libvips' operation cache kept such buffers alive and several
// threads per image multiplied them; a report's photos are processed one after another (processPhotos) and at most
// ENCODERS photos are decoded at once across requests. Keeps RSS < 250 MB.
sharp.cache(false);
sharp.concurrency(1);

export type PhotoLimits = { maxPhotos: number; maxBytes: number; maxPixels: number };
export type StoredPhoto = { file: string; thumb: string; width: number; height: number; bytes: number };
export type ProcessedPhoto = StoredPhoto & { gps: { lat: number; lng: number } | null };

// Decided by the bytes, never by the file name or the browser's MIME type.
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp', 'heif']);
export const MAX_EDGE = 2048;
// Huffman tables optimised per image (sharp's default) make libjpeg keep every DCT coefficient of the 2048 px image
// until the end: +18 MB per encoder, twice that with two photos at once, which took the server over 250 MB at 100k
// cases. Standard tables cost 8% more bytes on the full size only; thumbnails, which the pages show, stay optimised.
export const FULL_JPEG = { quality: 82, optimiseCoding: false } as const;
export const THUMB_EDGE = 480;
export const THUMB_JPEG = { quality: 75 } as const;

const photoError = (code: string, limits: PhotoLimits) =>
  new AppError(code === 'photo_too_big' ? 413 : 400, 'invalid_input', { photos: code },
    { n: limits.maxPhotos, mb: Math.round(limits.maxBytes / 1048576) });

/** The limits of config (MAX_PHOTOS, MAX_PHOTO_MB, MAX_PHOTO_PIXELS). */
export const photoLimitsOf = (c: { MAX_PHOTOS: number; MAX_PHOTO_MB: number; MAX_PHOTO_PIXELS: number }): PhotoLimits =>
  ({ maxPhotos: c.MAX_PHOTOS, maxBytes: c.MAX_PHOTO_MB * 1048576, maxPixels: c.MAX_PHOTO_PIXELS });

/** The error for uploads the multipart reader stopped keeping (tests: the same as processPhotos' own checks). */
export const photosRefused = (why: 'too_many' | 'too_big', limits: PhotoLimits) =>
  photoError(why === 'too_big' ? 'photo_too_big' : 'photos_too_many', limits);

export function checkPhotoCount(count: number, limits: PhotoLimits) {
  if (count > limits.maxPhotos) throw photoError('photos_too_many', limits);
}

/** GPS from the EXIF block sharp already found in the header (no second pass over the file). */
async function readGps(exif: Buffer | undefined) {
  if (!exif || exif.length < 14) return null;
  try {
    // sharp gives the APP1 payload ("Exif\0\0" + TIFF); exifr reads the TIFF part alone.
    const gps = await exifr.gps(exif.subarray(6));
    return gps && Number.isFinite(gps.latitude) && Number.isFinite(gps.longitude) ? { lat: gps.latitude, lng: gps.longitude } : null;
  } catch {
    return null; // broken EXIF: nothing to place the pin with
  }
}

/**
 * The stored sizes, the photo decoded once: sharp resizes while the JPEG streams in (shrink-on-load when the photo is
 * at least twice the box) and turns it upright for its EXIF orientation only after resizing (rotate() with no angle is
 * applied after resize(); an angle, or rotate() called after resize(), would turn the full image first and hold all of
 * it: ~36 MB at 12 MP, ~150 MB at 49 MP). The thumbnail comes from the 2048 px JPEG, which libjpeg decodes at a quarter
 * of its size. Re-encoding drops EXIF, GPS included. The full size is exactly bare sharp's rotate-resize-encode
 * (tests/bench/bare-sharp.ts).
 */
export async function encodePhoto(bytes: Buffer, maxPixels: number) {
  const full = await sharp(bytes, { limitInputPixels: maxPixels, failOn: 'error', sequentialRead: true }).rotate()
    .resize(MAX_EDGE, MAX_EDGE, { fit: 'inside', withoutEnlargement: true }).jpeg(FULL_JPEG).toBuffer({ resolveWithObject: true });
  const small = await sharp(full.data, { sequentialRead: true })
    .resize(THUMB_EDGE, THUMB_EDGE, { fit: 'inside', withoutEnlargement: true }).jpeg(THUMB_JPEG).toBuffer();
  return { full, small };
}

// Photos being encoded at once, across requests: more than the cores only adds decoded images in memory (~30 MB
// each), not speed. The others wait holding just their upload.
const ENCODERS = Math.max(1, Math.min(2, availableParallelism()));
let encoding = 0;
const waiting: (() => void)[] = [];
async function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  if (encoding >= ENCODERS) await new Promise<void>((r) => waiting.push(r));
  else encoding++;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next(); // the slot passes straight to the next photo
    else encoding--;
  }
}

/** The photo could not be stored (disk full, uploads/ unwritable): our fault, said so, and logged for the operator. */
function storageError(e: unknown, uploadsDir: string, log?: Log): AppError {
  const err = e as NodeJS.ErrnoException;
  if (log) log.error({ err: { code: err.code, message: err.message }, uploadsDir }, 'cannot write photo to uploads folder');
  else console.error(`cannot write photo to ${uploadsDir}:`, err.code, err.message);
  return new AppError(503, 'storage_unavailable');
}

/** Validates one upload and writes an upright, EXIF-free JPEG (≤ 2048 px) and a thumbnail. */
export async function processPhoto(bytes: Buffer, uploadsDir: string, limits: PhotoLimits, log?: Log): Promise<ProcessedPhoto> {
  if (bytes.length > limits.maxBytes) throw photoError('photo_too_big', limits);
  let meta: sharp.Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw photoError('photo_type', limits);
  }
  if (!meta.format || !ACCEPTED_FORMATS.has(meta.format)) throw photoError('photo_type', limits);
  if ((meta.width ?? 0) * (meta.height ?? 0) > limits.maxPixels) throw photoError('photo_pixels', limits);

  const gps = await readGps(meta.exif);
  const name = randomName();
  const file = `${name.slice(0, 2)}/${name}.jpg`;
  const thumb = `${name.slice(0, 2)}/${name}_t.jpg`;
  let full: { data: Buffer; info: sharp.OutputInfo };
  let small: Buffer;
  try {
    ({ full, small } = await oneAtATime(() => encodePhoto(bytes, limits.maxPixels)));
  } catch {
    throw photoError('photo_unreadable', limits);
  }
  try {
    await mkdir(dirname(join(uploadsDir, file)), { recursive: true });
    await writeFile(join(uploadsDir, file), full.data);
    await writeFile(join(uploadsDir, thumb), small);
  } catch (e) {
    await removePhotos(uploadsDir, [{ file, thumb }]).catch(() => undefined);
    throw storageError(e, uploadsDir, log);
  }
  return { file, thumb, width: full.info.width, height: full.info.height, bytes: full.data.length, gps };
}

export async function removePhotos(uploadsDir: string, photos: { file: string; thumb: string }[]) {
  await Promise.all(photos.flatMap((p) => [p.file, p.thumb]).map((f) => rm(join(uploadsDir, f), { force: true })));
}

/** Processes all uploads one after another (memory: one decoded image at a time); if any is refused, none is kept. */
export async function processPhotos(uploads: Buffer[], uploadsDir: string, limits: PhotoLimits, log?: Log) {
  checkPhotoCount(uploads.length, limits);
  const done: ProcessedPhoto[] = [];
  try {
    for (const bytes of uploads) done.push(await processPhoto(bytes, uploadsDir, limits, log));
  } catch (e) {
    await removePhotos(uploadsDir, done).catch(() => undefined);
    throw e;
  }
  return done;
}
