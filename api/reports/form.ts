import { AppError } from '../shared/errors.ts';
import { isMultipart, readMultipart } from '../shared/multipart.ts';
import { photosRefused, type PhotoLimits } from './photos.ts';

/**
 * A posted report's text fields and photos (the API, Open311 and the form page): multipart is read as it streams, each
 * photo kept once (api/shared/multipart.ts); any other form body is small and parsed whole. `keep` names the file
 * fields that are photos. Photos over the limits are not kept; `refused` is the error to answer, raised by the caller
 * where it answers errors (the page shows it beside the fields that were read).
 */
export async function readReportRequest(request: Request, limits: PhotoLimits, keep: (field: string) => boolean = (f) => f === 'photos') {
  if (!isMultipart(request.headers.get('content-type'))) {
    const form = await request.formData().catch(() => { throw new AppError(400, 'invalid_input'); });
    return { ...(await readReportForm(form)), refused: null };
  }
  const { fields, files, refused } = await readMultipart(request, keep, { maxFiles: limits.maxPhotos, maxFileBytes: limits.maxBytes });
  return { fields, uploads: files, refused: refused && photosRefused(refused, limits) };
}

/** Splits parsed form data into text fields and photo buffers (staff pages, whose form the CSRF check has read). */
export async function readReportForm(form: FormData) {
  const fields: Record<string, string> = {};
  const uploads: Buffer[] = [];
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string') fields[key] = value;
    else if (key === 'photos' && value.size > 0) uploads.push(Buffer.from(await value.arrayBuffer()));
  }
  return { fields, uploads };
}

/**
 * A JSON report (text only; photos come as multipart) as the form's string fields, so one schema checks both:
 * numbers as typed, true as a ticked box, false and null as left empty. Anything else is not a report.
 */
export function readReportJson(body: unknown): Record<string, string> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new AppError(400, 'invalid_input');
  const fields: Record<string, string> = {};
  for (const [key, v] of Object.entries(body)) {
    if (typeof v === 'string') fields[key] = v;
    else if (typeof v === 'number' && Number.isFinite(v)) fields[key] = String(v);
    else if (typeof v === 'boolean') fields[key] = v ? 'true' : '';
    else if (v !== null) throw new AppError(400, 'invalid_input');
  }
  return fields;
}
