/**
 * A multipart/form-data body read as it streams in (@fastify/busboy): text fields as strings, each kept file part as
 * one Buffer built from its own chunks. Memory: Request.formData() held about seven times a 3 MB photo while it parsed
 * (body buffered, the parse's copies, a File, then arrayBuffer → Buffer; ~90 MB for four uploads at once); this holds
 * the photo once plus the chunk being copied.
 */
import { Busboy } from '@fastify/busboy';
import { AppError } from './errors.ts';

export type FileLimits = { maxFiles: number; maxFileBytes: number };
export type MultipartForm = {
  fields: Record<string, string>;
  files: Buffer[];
  /** A file limit the body broke: the rest was read and dropped (the client still gets its answer, not a reset). */
  refused: 'too_many' | 'too_big' | null;
};

// Text fields are short (the longest, a description, is 1000 characters); a form has a few dozen at most.
const FIELD_BYTES = 64 * 1024;
const FIELDS = 200;
const PARTS = 300;

export const isMultipart = (type: string | null | undefined) => /^multipart\/form-data\b/i.test(type ?? '');

const bad = () => new AppError(400, 'invalid_input');
const tooLarge = () => new AppError(413, 'body_too_large');

/**
 * Reads `request`'s multipart body. `keep(field)` says which file parts are files to keep; other file parts and empty
 * ones (a form's untouched file input) are skipped. A broken, truncated or abandoned body: 400; an oversized text
 * field or too many parts: 413. Over `limits`, nothing more is kept and `refused` says why.
 */
export async function readMultipart(request: Request, keep: (field: string) => boolean, limits: FileLimits): Promise<MultipartForm> {
  if (!request.body) throw bad();
  let boy: InstanceType<typeof Busboy>;
  try {
    boy = new Busboy({ headers: { 'content-type': request.headers.get('content-type') ?? '' },
      limits: { fieldSize: FIELD_BYTES, fields: FIELDS, parts: PARTS } });
  } catch {
    throw bad(); // not multipart, or no boundary
  }
  const form: MultipartForm = { fields: {}, files: [], refused: null };
  let failure: AppError | null = null;
  const fail = (e: AppError) => { failure ??= e; };

  boy.on('field', (name, value, _nameTruncated, valueTruncated) => {
    if (valueTruncated) fail(tooLarge());
    else form.fields[name] = value;
  });
  boy.on('fieldsLimit', () => fail(tooLarge()));
  boy.on('partsLimit', () => fail(tooLarge()));
  boy.on('file', (name, file) => {
    file.on('error', () => fail(bad())); // the body ended inside this part; the parser says so too
    if (!keep(name) || form.refused) return void file.resume();
    let chunks: Buffer[] = [];
    let size = 0;
    let counted = false;
    file.on('data', (chunk: Buffer) => {
      if (!counted) {
        counted = true;
        if (form.files.length + 1 > limits.maxFiles) form.refused ??= 'too_many';
      }
      if (form.refused) { chunks = []; return; }
      size += chunk.length;
      if (size > limits.maxFileBytes) { form.refused = 'too_big'; chunks = []; return; }
      chunks.push(chunk);
    });
    file.on('end', () => {
      if (!form.refused && size > 0) form.files.push(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
      chunks = [];
    });
  });

  const done = new Promise<void>((resolve, reject) => {
    boy.on('finish', resolve);
    boy.on('error', () => reject(bad()));
  });
  done.catch(() => undefined); // awaited below; an early parse error must not go unhandled meanwhile
  try {
    for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
      if (failure) break;
      const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      if (!boy.write(buf)) await Promise.race([new Promise((r) => boy.once('drain', r)), done]);
    }
  } catch (e) {
    if (e instanceof AppError || (e instanceof Error && e.name === 'BodyLimitError')) throw e; // limits keep their 413
    throw bad(); // the client went away mid-upload, or the body limit cut it (its own 413 is answered first)
  }
  if (failure) throw failure;
  boy.end();
  await done;
  if (failure) throw failure;
  return form;
}
