// Forms that carry files: @fastify/multipart registered in the calling plugin only, with its
// fields attached to request.body as strings (the hidden _csrf among them) before the app's CSRF
// check runs, and the files kept aside for the handler. A file input left empty sends a part with
// no name and no bytes: it is not a file.
import fastifyMultipart from '@fastify/multipart';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { maxFileBytes } from './store.ts';

export interface UploadedPart {
  /** The form field the file came in. */
  field: string;
  fileName: string;
  bytes: Buffer;
}

export interface UploadLimits {
  maxFiles?: number;
  maxFileBytes?: number;
  maxFields?: number;
}

const received = new WeakMap<FastifyRequest, UploadedPart[]>();

/**
 * Browsers send a UTF-8 file name, which the multipart parser reads byte by byte as Latin-1; such
 * a name is read back as UTF-8.
 */
export function decodedFileName(raw: string | undefined): string {
  const name = raw ?? '';
  if (/^[\u0000-\u00ff]*$/.test(name) && /[\u0080-\u00ff]/.test(name)) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(name, 'latin1'));
    } catch {
      // Not UTF-8 after all: keep it as it came.
    }
  }
  return name;
}

export async function acceptUploads(app: FastifyInstance, limits: UploadLimits = {}): Promise<void> {
  await app.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: true,
    limits: { fileSize: limits.maxFileBytes ?? maxFileBytes, files: limits.maxFiles ?? 12, fields: limits.maxFields ?? 200, fieldSize: 200_000 },
    async onFile(part) {
      const bytes = await part.toBuffer();
      if (!part.filename && bytes.length === 0) return;
      const list = received.get(this) ?? [];
      list.push({ field: part.fieldname, fileName: decodedFileName(part.filename), bytes });
      received.set(this, list);
    },
  });
}

/** The files the request carried, in the form's order. */
export function uploadedParts(request: FastifyRequest): UploadedPart[] {
  return received.get(request) ?? [];
}

/** A body refused while it was read: a file over the limit, or too many files or fields. */
export function isUploadLimitError(error: FastifyError): boolean {
  return ['FST_REQ_FILE_TOO_LARGE', 'FST_FILES_LIMIT', 'FST_PARTS_LIMIT', 'FST_FIELDS_LIMIT'].includes(error.code);
}
