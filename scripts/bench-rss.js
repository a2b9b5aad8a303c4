// Preloaded (`node -r`) into every node process of a benchmarked synthesis (the app, and the cdktf CLI when it
// runs one): records the highest peak RSS of those processes in BENCH_RSS_FILE at exit.
'use strict';
const fs = require('fs');
const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const mine = process.resourceUsage().maxRSS * 1024;
    let prev = 0;
    try { prev = Number(fs.readFileSync(file, 'utf8')) || 0; } catch { /* first process to exit */ }
    fs.writeFileSync(file, String(Math.max(prev, mine)));
  });
}
