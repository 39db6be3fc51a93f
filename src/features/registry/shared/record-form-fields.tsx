// The choices the registry's edit forms (協定・連携事業) offer; the fields themselves are
// src/views/components/record-fields.tsx.
import type { GroupOption, TypeOption, WardOption } from './back-office-queries.ts';

export interface FormRefsView {
  wards: WardOption[];
  types: TypeOption[];
  groups: GroupOption[];
  /** The ward officer's own ward (fixed in the form); null for the secretariat. */
  fixedWard: string | null;
}
