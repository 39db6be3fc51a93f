// How a file is named in a link: its format and size, as Japanese sites print them (「PDF 3.1MB」).
import { formatOf } from './content.ts';
import type { StoredFile } from './store.ts';

/** 「PDF 3.1MB」「JPEG 240KB」 */
export function fileLabel(file: Pick<StoredFile, 'mediaType' | 'size'>): string {
  return `${formatOf(file.mediaType)} ${sizeText(file.size)}`;
}

export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes}B`;
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))}KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)}MB`;
}

/** The file's address: its id, then its name for the reader (the name is not checked). */
export function fileUrl(file: Pick<StoredFile, 'id' | 'name'>): string {
  return `/files/${file.id}/${encodeURIComponent(file.name)}`;
}
