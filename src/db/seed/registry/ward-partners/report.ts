// Prints, per ward, the agreements, partners and sources of the ward files, and the totals as of
// 2022-03-01 (the pamphlet's date). Run: npx tsx src/db/seed/registry/ward-partners/report.ts
import { checkWardPartnerFiles, partnerCounts } from './check.ts';
import { wardPartnerFiles } from './index.ts';

const { problems, agreements } = checkWardPartnerFiles();
const asOf = process.argv[2] ?? '2022-03-01';
const counts = partnerCounts(agreements, asOf);
for (const f of wardPartnerFiles) {
  const own = agreements.filter((a) => a.file === f);
  const partners = new Set(agreements.filter((a) => a.seed.wards?.includes(f.ward) ?? a.file === f).flatMap((a) => a.partnerCodes));
  console.log(`${f.ward}\tagreements ${own.length}\tpartners ${partners.size}\tsources ${Object.keys(f.sources).length}\topen ${f.report.openQuestions.length}`);
}
console.log(`as of ${asOf}: distinct partner municipalities ${counts.distinct}, sum over wards ${counts.sumOverWards}`);
if (problems.length) {
  console.log(`\n${problems.length} problems:\n${problems.join('\n')}`);
  process.exitCode = 1;
}
