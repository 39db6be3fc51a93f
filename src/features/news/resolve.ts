// Everything an article's page shows beside its own text: its files, the names of the wards and
// municipalities it relates to, and the projects (through the registry module's face).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { loadFiles } from '../files/index.ts';
import { projectReferences } from '../registry/index.ts';
import { publishedEventsByIds } from '../events/index.ts';
import type { ResolvedArticle } from './article-view.tsx';
import { governmentNames } from './queries.ts';
import type { ArticleContent } from './record.ts';

export async function resolveArticle(db: Kysely<Database>, content: ArticleContent, publishAt: string | null): Promise<ResolvedArticle> {
  const targets = (kind: string) => content.links.filter((l) => l.kind === kind).map((l) => l.target);
  const [files, governments, projects, events] = await Promise.all([
    loadFiles(db, [...content.attachments, ...content.photos].map((f) => f.fileId)),
    governmentNames(db, [...targets('ward'), ...targets('municipality')]),
    projectReferences(db, targets('project')),
    targets('event').length > 0 ? publishedEventsByIds(db, targets('event')) : Promise.resolve([]),
  ]);
  return { content, publishAt, files, governments, projects, events };
}
