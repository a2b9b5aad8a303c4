// Preloaded (`node -r`) into every node process of a benchmarked synthesis (the app, and the cdktf CLI with the
// processes it starts): at exit, records in BENCH_RSS_FILE the highest peak RSS (bytes) of those processes and in
// BENCH_TOKENS_FILE the highest number of tokens cdktf registered in one of them (its process-wide TokenMap,
// cdktf/lib/tokens/private/token-map.js: `tokenCounter`; absent in processes that never loaded cdktf).
'use strict';
const fs = require('fs');

function recordMax(file, value) {
  if (!file || !(value >= 0)) return;
  let prev = 0;
  try { prev = Number(fs.readFileSync(file, 'utf8')) || 0; } catch { /* first process to exit */ }
  fs.writeFileSync(file, String(Math.max(prev, value)));
}

process.on('exit', () => {
  recordMax(process.env.BENCH_RSS_FILE, process.resourceUsage().maxRSS * 1024);
  const tokenMap = global.__cdktfTokenMap;
  if (tokenMap && typeof tokenMap.tokenCounter === 'number') recordMax(process.env.BENCH_TOKENS_FILE, tokenMap.tokenCounter);
});
