// Email addresses as accounts use them: compared in lower case, and checked only for the shape
// local@domain.tld (the mailed code proves the rest).
export const emailPattern = /^[^\s@"<>()[\],;:\\]+@[^\s@"<>()[\],;:\\]+\.[^\s@"<>()[\],;:\\]+$/;
export const emailMaxLength = 254;

export function normalizeEmail(input: string): string {
  return input.normalize('NFKC').trim().toLowerCase();
}
