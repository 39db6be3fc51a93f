// The import's inputs: the entity chosen on the upload form, the job id in the URL, the name of
// the uploaded file.
import { z } from 'zod';
import type { ImportEntity } from './rows.ts';
import { decodedFileName } from '../../files/index.ts';

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

/** The file's own name (no folders, no control characters), at most 255 characters. */
export function uploadedFileName(raw: string | undefined): string {
  const name = decodedFileName(raw).split(/[\\/]/).pop() ?? '';
  return name.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 255);
}
