import { AppError } from '../shared/errors.ts';

/** Splits multipart/urlencoded form data into text fields and photo buffers (API and form page alike). */
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
