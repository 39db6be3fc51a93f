// The import's inputs: the entity chosen on the upload form, the job id in the URL, the name of
// the uploaded file.
import { z } from 'zod';
import type { ImportEntity } from './rows.ts';

const entitySchema = z.enum(['agreements', 'projects']);
const jobParams = z.object({ jobId: z.uuid() });

export function parseEntity(value: unknown): ImportEntity | null {
  const parsed = entitySchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function parseJobId(params: unknown): string | null {
  const parsed = jobParams.safeParse(params);
  return parsed.success ? parsed.data.jobId.toLowerCase() : null;
}

/**
 * The file's own name (no folders), at most 255 characters. Browsers send a UTF-8 name, which the
 * multipart parser reads byte by byte as Latin-1; such a name is read back as UTF-8.
 */
export function uploadedFileName(raw: string | undefined): string {
  let name = raw ?? '';
  if (/^[\u0000-\u00ff]*$/.test(name) && /[\u0080-\u00ff]/.test(name)) {
    try {
      name = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(name, 'latin1'));
    } catch {
      // Not UTF-8 after all: keep it as it came.
    }
  }
  name = name.split(/[\\/]/).pop() ?? '';
  return name.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 255);
}
