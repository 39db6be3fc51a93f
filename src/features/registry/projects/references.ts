// Projects as other features cite them (a news article's related projects): title, 年度 and page.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { registryModel } from '../model/index.ts';
import { projectById } from './queries.ts';

export interface ProjectReference {
  id: string;
  title: string;
  fiscalYear: number;
  href: string;
}

/** The live projects among `ids`, in the order asked; unknown or deleted ids are left out. */
export async function projectReferences(db: Kysely<Database>, ids: readonly string[]): Promise<ProjectReference[]> {
  if (ids.length === 0) return [];
  const model = await registryModel(db);
  return ids.flatMap((id) => {
    const project = projectById(model, id);
    return project ? [{ id: project.id, title: project.title, fiscalYear: project.fiscalYear, href: `/projects/${project.id}` }] : [];
  });
}
