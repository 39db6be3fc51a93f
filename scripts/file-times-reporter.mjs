// A reporter for Node's test runner that `npm test` adds beside the spec reporter: the time of each
// test file (the sum of its top-level tests and suites), slowest first, written to
// test-results/file-times.txt. Why: the suite must stay under 15 minutes on a 2-core machine, and
// this shows where the minutes go without a second run.
const totals = new Map();

export default async function* fileTimes(source) {
  for await (const event of source) {
    if ((event.type === 'test:pass' || event.type === 'test:fail') && event.data.nesting === 0 && event.data.file) {
      // A suite made by test/helper.ts's describeEachEngine is reported where it was made (helper.ts):
      // it is named instead, e.g. "board [postgres]".
      const key = event.data.file.endsWith('test/helper.ts') ? `suite: ${event.data.name}` : event.data.file;
      totals.set(key, (totals.get(key) ?? 0) + (event.data.details?.duration_ms ?? 0));
    }
  }
  const rows = [...totals].sort((a, b) => b[1] - a[1]);
  const sum = rows.reduce((total, [, ms]) => total + ms, 0);
  yield `test files by time (their tests' own time, summed; files run two at a time)\n`;
  for (const [file, ms] of rows) yield `${(ms / 1000).toFixed(1).padStart(7)} s  ${file.replace(process.cwd() + '/', '')}\n`;
  yield `${(sum / 1000).toFixed(1).padStart(7)} s  in all\n`;
}
