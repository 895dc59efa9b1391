// Driver for profiling the extraction engine: runs the engine (as the content
// script uses it) over the corpus texts many times, nothing else, and prints
// the median round after a warm-up.
//
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx test/bench/extract-profile.ts [rounds]
import { loadCorpus, ours } from './extract.ts';

const rounds = Number(process.argv[2] ?? process.env.ROUNDS ?? 30);
const docs = loadCorpus();
const words = docs.reduce((a, d) => a + d.words, 0);
for (let w = 0; w < 3; w++) for (const d of docs) ours(d);
const times: number[] = [];
const cpu: number[] = [];
let n = 0;
for (let r = 0; r < rounds; r++) {
  const t0 = performance.now(); const c0 = process.cpuUsage();
  for (const d of docs) n += ours(d);
  times.push(performance.now() - t0); const c = process.cpuUsage(c0); cpu.push((c.user + c.system) / 1000);
}
times.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
const perK = (ms: number) => ((ms / words) * 1000).toFixed(2);
console.log(`${rounds} rounds: median ${perK(times[times.length >> 1])} ms/1,000 words, best ${perK(times[0])}; cpu median ${perK(cpu[cpu.length >> 1])} (checksum ${n})`);
