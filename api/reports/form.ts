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
