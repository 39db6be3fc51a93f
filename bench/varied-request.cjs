// autocannon's setupRequest for the "varied" targets of `npm run bench` (bench/run.ts): every request
// takes the next path of the list in BENCH_VARIED_FILE, so that each request asks for a different
// filter, 年度 or page and no per-URL cache can answer for the app. CommonJS and a file of its own
// because autocannon's worker threads load it by path.
'use strict';
const { readFileSync } = require('node:fs');

const paths = JSON.parse(readFileSync(process.env.BENCH_VARIED_FILE, 'utf8'));
let next = 0;

module.exports = function setupRequest(request) {
  request.path = paths[next % paths.length];
  next += 1;
  return request;
};
