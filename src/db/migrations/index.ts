// Every migration, listed explicitly and run in this order. Append only.
import type { Migration } from 'kysely';
import * as localGovernments from './2026-11-27T0900_local_governments.ts';
import * as accounts from './2026-11-27T1000_accounts.ts';
import * as totpLastStep from './2026-11-27T1100_totp_last_step.ts';
import * as listingIndex from './2026-11-27T1200_local_governments_listing_index.ts';
import * as collaborationRegistry from './2026-11-30T0900_collaboration_registry.ts';
import * as registryLookupIndexes from './2026-11-30T1000_registry_lookup_indexes.ts';
import * as dataRevisions from './2026-12-06T0900_data_revisions.ts';
import * as sources from './2026-12-06T1200_sources.ts';
import * as events from './2026-12-07T1000_events.ts';
import * as files from './2026-12-07T0900_files.ts';
import * as news from './2026-12-07T0930_news.ts';
import * as search from './2026-12-07T1400_search.ts';
import * as articleListingIndexes from './2026-12-07T1500_article_listing_indexes.ts';
import * as searchSyncPoint from './2026-12-07T1600_search_sync_point.ts';
import * as prPages from './2026-12-08T1000_pr_pages.ts';
import * as searchSpeed from './2026-12-08T1020_search_speed.ts';
import * as board from './2026-12-08T1030_board.ts';
import * as searchExactTokens from './2026-12-08T1130_search_exact_tokens.ts';
import * as boardSearchTsv from './2026-12-09T0900_board_search_tsv.ts';
import * as searchKindIndexes from './2026-12-09T1200_search_kind_indexes.ts';
import * as boardSearchWindow from './2026-12-09T1210_board_search_window.ts';
import * as boardRevision from './2026-12-09T1300_board_revision.ts';
import * as searchDocumentsInlineKeys from './2026-12-10T0850_search_documents_inline_keys.ts';
import * as searchKindPage from './2026-12-10T0900_search_kind_page.ts';
import * as boardSearchIds from './2026-12-10T0910_board_search_ids.ts';
import * as memberPageRevisions from './2026-12-11T0900_member_page_revisions.ts';
import * as boardSearchIdsRows from './2026-12-11T0910_board_search_ids_rows.ts';
import * as totpSecretSealed from './2026-12-07T1100_totp_secret_sealed.ts';
import * as sitePages from './2026-12-08T1010_site_pages.ts';
import * as jobs from './2026-12-08T1040_jobs.ts';
import * as notifications from './2026-12-08T1041_notifications.ts';
import * as matching from './2026-12-08T1050_matching.ts';
import * as pageSpeedIndexes from './2026-12-08T1100_page_speed_indexes.ts';

export const migrations: Record<string, Migration> = {
  '2026-11-27T0900_local_governments': localGovernments,
  '2026-11-27T1000_accounts': accounts,
  '2026-11-27T1100_totp_last_step': totpLastStep,
  '2026-11-27T1200_local_governments_listing_index': listingIndex,
  '2026-11-30T0900_collaboration_registry': collaborationRegistry,
  '2026-11-30T1000_registry_lookup_indexes': registryLookupIndexes,
  '2026-12-06T0900_data_revisions': dataRevisions,
  '2026-12-06T1200_sources': sources,
  '2026-12-07T0900_files': files,
  '2026-12-07T0930_news': news,
  '2026-12-07T1000_events': events,
  '2026-12-07T1100_totp_secret_sealed': totpSecretSealed,
  '2026-12-07T1400_search': search,
  '2026-12-07T1500_article_listing_indexes': articleListingIndexes,
  '2026-12-07T1600_search_sync_point': searchSyncPoint,
  '2026-12-08T1000_pr_pages': prPages,
  '2026-12-08T1010_site_pages': sitePages,
  '2026-12-08T1020_search_speed': searchSpeed,
  '2026-12-08T1030_board': board,
  '2026-12-08T1040_jobs': jobs,
  '2026-12-08T1041_notifications': notifications,
  '2026-12-08T1050_matching': matching,
  '2026-12-08T1100_page_speed_indexes': pageSpeedIndexes,
  '2026-12-08T1130_search_exact_tokens': searchExactTokens,
  '2026-12-09T0900_board_search_tsv': boardSearchTsv,
  '2026-12-09T1200_search_kind_indexes': searchKindIndexes,
  '2026-12-09T1210_board_search_window': boardSearchWindow,
  '2026-12-09T1300_board_revision': boardRevision,
  '2026-12-10T0850_search_documents_inline_keys': searchDocumentsInlineKeys,
  '2026-12-10T0900_search_kind_page': searchKindPage,
  '2026-12-10T0910_board_search_ids': boardSearchIds,
  '2026-12-11T0900_member_page_revisions': memberPageRevisions,
  '2026-12-11T0910_board_search_ids_rows': boardSearchIdsRows,
};
