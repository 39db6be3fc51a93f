// Writing agreements and projects with their parties and their change history. Used by the edit
// forms (features/registry-admin) and the CSV/XLSX import (features/registry-import); each call
// runs inside the caller's transaction so that an import is all-or-nothing.
//
// CONTRACT (signatures fixed; bodies are filled in by the registry-admin work):
import type { Transaction } from 'kysely';
import type { AgreementInput, ProjectInput } from '../domain/registry-records.ts';
import type { Database, Provenance } from './schema.ts';

export interface WriteContext {
  actorAccountId: string | null;
  provenance: Provenance;
  /** Set by an import: the history rows of one file share it, and their action is 'import'. */
  batchId?: string;
}

export interface WriteResult {
  id: string;
  action: 'create' | 'update';
}

/**
 * Creates (input.id absent, or an id that does not exist yet) or replaces (existing id) an
 * agreement with its wards and partners; records the change. Inputs are already validated.
 */
export async function saveAgreement(_trx: Transaction<Database>, _input: AgreementInput, _ctx: WriteContext): Promise<WriteResult> {
  throw new Error('saveAgreement: not implemented yet');
}

/** As saveAgreement, for a project with its organising wards and partner municipalities. */
export async function saveProject(_trx: Transaction<Database>, _input: ProjectInput, _ctx: WriteContext): Promise<WriteResult> {
  throw new Error('saveProject: not implemented yet');
}
