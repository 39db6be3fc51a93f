// What an uploaded file really is, found from its bytes with file-type (never from its name or the
// type the browser claims), and whether a form accepts it. Legacy Office files share one container
// format (CFB), so for them the name's extension only picks which Office program among the three.
import { fileTypeFromBuffer } from 'file-type';
import type { FileKind } from '../../db/schema.ts';

export interface DetectedContent {
  kind: FileKind;
  mediaType: string;
  /** Short name of the format, as Japanese sites print it: 「PDF」「Excel」. */
  format: string;
}

const byMediaType: Record<string, Omit<DetectedContent, 'mediaType'>> = {
  'application/pdf': { kind: 'pdf', format: 'PDF' },
  'image/jpeg': { kind: 'image', format: 'JPEG' },
  'image/png': { kind: 'image', format: 'PNG' },
  'image/gif': { kind: 'image', format: 'GIF' },
  'image/webp': { kind: 'image', format: 'WebP' },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { kind: 'office', format: 'Word' },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { kind: 'office', format: 'Excel' },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': { kind: 'office', format: 'PowerPoint' },
  'application/msword': { kind: 'office', format: 'Word' },
  'application/vnd.ms-excel': { kind: 'office', format: 'Excel' },
  'application/vnd.ms-powerpoint': { kind: 'office', format: 'PowerPoint' },
};

const legacyOffice: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

/** The file's content type, or null when it is none of the formats the site takes. */
export async function detectContent(bytes: Buffer, fileName: string): Promise<DetectedContent | null> {
  const found = await fileTypeFromBuffer(bytes);
  if (!found) return null;
  let mediaType = found.mime as string;
  if (found.ext === 'cfb') {
    const extension = fileName.toLowerCase().split('.').pop() ?? '';
    const legacy = legacyOffice[extension];
    if (!legacy) return null;
    mediaType = legacy;
  }
  const known = byMediaType[mediaType];
  return known ? { ...known, mediaType } : null;
}

/** The format's short name for a stored media type. */
export function formatOf(mediaType: string): string {
  return byMediaType[mediaType]?.format ?? 'File';
}
