// Runs the bundled action (dist/index.js) and prints its peak resident memory on stderr as it exits, so a
// test can assert that a hostile input was refused within bounded memory (run-action.ts: `entry`).
process.on('exit', () => process.stderr.write(`\nmax-rss-kb=${process.resourceUsage().maxRSS}\n`))
await import(new URL('../../dist/index.js', import.meta.url).href)
