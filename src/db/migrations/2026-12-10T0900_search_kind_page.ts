// A kind's capped count and its page of results in one PostgreSQL statement, documents included.
// The search latency probe (bench) spent most of a search on PostgreSQL in round trips: the counts
// of every kind, then per kind its date bounds, its month windows and, last, its documents, each a
// statement of its own, one after the other. search_kind_page does the same steps inside the
// database (the same index use as search_kind_match: the kind as a literal, no sequential or plain
// index scan) and answers with the count and the page's documents; the app asks it for each kind at
// once. The order is the results' order (dated newest first, no date last, then id by code point),
// in the "C" collation so that no database collation changes it.
// The steps, as src/db/search-query.ts did them in the app before:
//   - the count stops at count_cap (the app's cap + 1);
//   - under the cap, the page is taken from all matches;
//   - at the cap (a broad word), whole months of matches are read newest first, in windows of 1,
//     4, 16… months, until the page's last result is among them (the months read are complete, so
//     the page's results are among them), plus the undated documents if still short (they sort
//     last);
//   - only then are the page's documents read whole (their title and excerpt are stored out of
//     line: reading them for every candidate cost 20 ms for a page of a broad word).
// Frozen: imports nothing from the application.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`create function search_kind_page(kind varchar, query tsquery, count_cap integer, page_offset integer, page_limit integer)
    returns table (matches bigint, id varchar, title varchar, excerpt text, url varchar, dated varchar)
    language plpgsql stable set enable_seqscan = off set enable_indexscan = off
    as $$
    declare
      total bigint;
      wanted bigint := page_offset + page_limit;
      newest varchar;
      oldest varchar;
      window_start date;
      last_month date;
      window_length integer := 1;
      window_months text;
      candidate_ids varchar[] := '{}';
      candidate_dates varchar[] := '{}';
      page_ids varchar[];
    begin
      execute format('select count(*) from (select 1 from search_documents d where d.kind = %L and d.tsv @@ $1 limit $2) capped', kind) into total using query, count_cap;
      if total = 0 or page_limit <= 0 then
        return query select total, null::varchar, null::varchar, null::text, null::varchar, null::varchar;
        return;
      end if;
      if total < count_cap then
        -- Few: every match is a candidate.
        execute format('select array_agg(d.id), array_agg(d.dated) from search_documents d where d.kind = %L and d.tsv @@ $1', kind)
          into candidate_ids, candidate_dates using query;
      else
        -- Off the recency index (kind, dated desc nulls last, id): an index scan, allowed for this
        -- statement only (without it, every dated document of the kind was sorted: 490 ms for news).
        -- The function's SET restores the setting when it returns.
        perform set_config('enable_indexscan', 'on', true);
        execute format('select (select d.dated from search_documents d where d.kind = %1$L and d.dated is not null order by d.dated desc nulls last limit 1),
                               (select d.dated from search_documents d where d.kind = %1$L and d.dated is not null order by d.dated asc limit 1)', kind) into newest, oldest;
        perform set_config('enable_indexscan', 'off', true);
        if newest is not null then
          window_start := (substr(newest, 1, 7) || '-01')::date;
          last_month := (substr(oldest, 1, 7) || '-01')::date;
          while window_start >= last_month and coalesce(array_length(candidate_ids, 1), 0) < wanted loop
            select string_agg('searchmonth' || to_char(m, 'YYYYMM'), ' | ') into window_months
              from generate_series(window_start::timestamp, greatest(window_start - (window_length - 1) * interval '1 month', last_month::timestamp), interval '-1 month') m;
            execute format('select $2 || coalesce(array_agg(d.id), ''{}''), $3 || coalesce(array_agg(d.dated), ''{}'') from search_documents d where d.kind = %L and d.tsv @@ $1', kind)
              into candidate_ids, candidate_dates using query && to_tsquery('simple', window_months), candidate_ids, candidate_dates;
            window_start := window_start - window_length * interval '1 month';
            window_length := window_length * 4;
          end loop;
        end if;
        if coalesce(array_length(candidate_ids, 1), 0) < wanted then
          execute format('select $2 || coalesce(array_agg(d.id), ''{}''), $3 || coalesce(array_agg(d.dated), ''{}'') from search_documents d where d.kind = %L and d.tsv @@ $1', kind)
            into candidate_ids, candidate_dates using query && to_tsquery('simple', 'searchnodate'), candidate_ids, candidate_dates;
        end if;
      end if;
      -- The page: the candidates in the results' order, then only the page's documents read whole.
      select array_agg(c.id order by c.dated collate "C" desc nulls last, c.id collate "C") into page_ids
        from (select u.id, u.dated from unnest(candidate_ids, candidate_dates) as u(id, dated)
              order by u.dated collate "C" desc nulls last, u.id collate "C" offset page_offset limit page_limit) c;
      if page_ids is null then
        return query select total, null::varchar, null::varchar, null::text, null::varchar, null::varchar;
        return;
      end if;
      perform set_config('enable_indexscan', 'on', true);
      return query select total, d.id, d.title, d.excerpt, d.url, d.dated
        from unnest(page_ids) with ordinality as p(id, n) join search_documents d on d.id = p.id order by p.n;
    end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`drop function if exists search_kind_page(varchar, tsquery, integer, integer, integer)`.execute(db);
}
