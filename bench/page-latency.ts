// Latency and throughput of one page under load from this machine (loopback only).
// Usage: npx tsx bench/page-latency.ts http://127.0.0.1:3000/en/posts/SG [requests=500] [concurrency=16]
// Used for docs/decisions/005-content-security-policy.md: a cached page against the same
// page rendered per request (as a nonce would force).

const [url, requestsArg, concurrencyArg] = process.argv.slice(2);
if (!url || !/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(url)) {
  console.error("Give a URL on this machine, e.g. http://127.0.0.1:3000/en/posts/SG");
  process.exit(1);
}
const total = Math.min(Number(requestsArg ?? 500), 10_000);
const concurrency = Math.min(Number(concurrencyArg ?? 16), 256);

async function one(): Promise<number> {
  const started = performance.now();
  const response = await fetch(url!);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return performance.now() - started;
}

async function main() {
  for (let i = 0; i < 20; i++) await one(); // warm up (first render, caches)
  const timings: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        timings.push(await one());
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  timings.sort((a, b) => a - b);
  const pct = (p: number) => timings[Math.min(timings.length - 1, Math.floor((p / 100) * timings.length))]!.toFixed(1);
  console.log(`${url}: ${timings.length} requests, concurrency ${concurrency}`);
  console.log(`p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms, ${(timings.length / elapsed).toFixed(0)} requests/s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
