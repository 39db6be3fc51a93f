// autocannon's setupRequest for the "varied" targets of `npm run bench` (bench/run.ts): every request
// takes the next path of the list in BENCH_VARIED_FILE, so that each request asks for a different
// filter, 年度 or page and no per-URL cache can answer for the app. When a run asks for more than the
// list holds, the next pass adds its number as a parameter the pages ignore (`pass=2`…): still a
// URL never asked before, so the page cache never answers. CommonJS and a file of its own because
// autocannon's worker threads load it by path.
'use strict';
const { readFileSync } = require('node:fs');

const paths = JSON.parse(readFileSync(process.env.BENCH_VARIED_FILE, 'utf8'));
let next = 0;

module.exports = function setupRequest(request) {
  const path = paths[next % paths.length];
  const pass = Math.floor(next / paths.length) + 1;
  request.path = pass === 1 ? path : `${path}${path.includes('?') ? '&' : '?'}pass=${pass}`;
  next += 1;
  return request;
};
