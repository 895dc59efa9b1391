// The CPU time of each of our work slices in Firefox, from the Gecko profiler
// (the counterpart of slice-cpu.ts, which does it for Chromium from a trace).
// The slices' own durations are wall-clock, and on a machine with two cores the
// content process's main thread is often descheduled in the middle of one: a
// 26 ms slice measured 10 ms of CPU. The profiler, started with the browser
// (geckoProfilerEnv) and written to a file when the browser shuts down, samples
// the main thread about every millisecond and records with each sample the CPU
// time the thread used since the one before; our slices (User Timing measures,
// src/page/bench-hook.ts) and the collector's pauses are markers on the same
// thread and clock. A slice is given the CPU of the sample intervals it covers,
// a partly covered interval in proportion to the part covered. What remains is
// our work and the garbage collection inside it, which is what a faster
// machine would not take away; the collection's share is reported beside it.
//
// Precision: Firefox coarsens the page's clock to 1 ms, so a slice's ends as
// the profile has them may lie up to 1 ms from the true ones (its CPU figure is
// good to about a millisecond), and a slice shorter than that is recorded with
// no length: such a measure has no time to give, and is left out (the test
// counts only slices of some length as "timed").

/** A table of the raw (not the front end's processed) Gecko profile format: rows of values in schema order. */
interface GeckoTable {
  schema: Record<string, number>;
  data: unknown[][];
}

export interface GeckoThread {
  name: string;
  pid?: number | string;
  stringTable: string[];
  markers: GeckoTable;
  samples: GeckoTable;
}

/** The JSON the profiler writes at shutdown (MOZ_PROFILER_SHUTDOWN): the parent process, and each child in `processes`. */
export interface GeckoProfile {
  meta: { sampleUnits?: { threadCPUDelta?: string } };
  /** Windows of this process: a marker's innerWindowID names one of them. */
  pages?: { innerWindowID: number; url: string }[];
  threads: GeckoThread[];
  processes?: GeckoProfile[];
}

export interface SliceCpu {
  /** Start, in ms from the process's profile start. */
  start: number;
  /** Wall-clock length as the page measured it (whole ms: the page's clock is coarsened). */
  wall: number;
  /** CPU time of the thread inside the slice, in ms. */
  cpu: number;
  /** Wall-clock ms of minor collections (GCMinor markers) inside the slice. */
  minorGc: number;
  /** Wall-clock ms of major collection slices (GCSlice markers) inside the slice (one may begin with a minor collection, counted in both). */
  gcSlice: number;
}

export interface WindowSlices {
  innerWindowID: number;
  /** The window's URL from the profile's page list ('' if the profile does not name it). */
  url: string;
  pid: string;
  /** Every slice of some length the samples cover, most CPU first. */
  slices: SliceCpu[];
  /** Slices of some length outside the sampled span (the profiler's buffer lost the samples, or never had them). */
  unplaced: number;
}

/** Environment for a Firefox whose profiler runs from startup and writes `file` at a clean shutdown. */
export function geckoProfilerEnv(file: string): Record<string, string> {
  return {
    MOZ_PROFILER_STARTUP: '1',
    // CPU time per sample and markers; no JS stack sampling, which would cost more than the slices we measure.
    MOZ_PROFILER_STARTUP_FEATURES: 'js,cpu,markers,nostacksampling',
    // The main threads only: ours runs on the content process's.
    MOZ_PROFILER_STARTUP_FILTERS: 'GeckoMain',
    MOZ_PROFILER_STARTUP_INTERVAL: '1',
    MOZ_PROFILER_SHUTDOWN: file,
  };
}

const PHASE_INTERVAL = 1;

/** ms per unit of threadCPUDelta. */
function cpuUnitMs(unit: string | undefined): number {
  if (unit === 'ns') return 1e-6;
  if (unit === 'µs') return 1e-3;
  throw new Error(`the profile gives CPU time in ${JSON.stringify(unit)}, not in ns or µs (was the profiler started with the "cpu" feature?)`);
}

/** Every thread of the profile with its process's CPU unit, and the page list of all processes. */
function walk(profile: GeckoProfile, threads: { thread: GeckoThread; msPerUnit: number }[], pages: Map<number, string>): void {
  for (const p of profile.pages ?? []) pages.set(p.innerWindowID, p.url);
  const unit = profile.meta.sampleUnits?.threadCPUDelta;
  for (const thread of profile.threads) threads.push({ thread, msPerUnit: unit === undefined ? NaN : cpuUnitMs(unit) });
  for (const child of profile.processes ?? []) walk(child, threads, pages);
}

/** Overlap in ms of [a, b] and [lo, hi]. */
const overlap = (a: number, b: number, lo: number, hi: number) => Math.max(0, Math.min(b, hi) - Math.max(a, lo));

/** Our slices (User Timing measures named `measureName`) in every thread of the profile, by window, each with its CPU time. */
export function geckoSliceCpu(profile: GeckoProfile, measureName = 'newsmark:slice'): WindowSlices[] {
  const threads: { thread: GeckoThread; msPerUnit: number }[] = [];
  const pages = new Map<number, string>();
  walk(profile, threads, pages);
  const out: WindowSlices[] = [];
  for (const { thread, msPerUnit } of threads) {
    const strings = thread.stringTable;
    const m = thread.markers.schema;
    const byWindow = new Map<number, [number, number][]>();
    const minor: [number, number][] = [];
    const major: [number, number][] = [];
    for (const row of thread.markers.data) {
      // Instants (a mark, or a measure of no length) have no interval to hold CPU time.
      const start = row[m.startTime] as number, end = row[m.endTime] as number | null;
      if (row[m.phase] !== PHASE_INTERVAL || end === null || !(end > start)) continue;
      const name = strings[row[m.name] as number];
      const data = row[m.data] as { type?: string; name?: string; entryType?: string; innerWindowID?: number } | null;
      if (name === 'GCMinor') minor.push([start, end]);
      // (A GCMajor marker spans a whole incremental collection, most of it spent running other code between its slices.)
      else if (name === 'GCSlice') major.push([start, end]);
      else if (name === 'UserTiming' && data?.name === measureName && data.entryType === 'measure' && data.innerWindowID !== undefined) {
        const list = byWindow.get(data.innerWindowID) ?? [];
        list.push([start, end]);
        byWindow.set(data.innerWindowID, list);
      }
    }
    if (byWindow.size === 0) continue;
    if (Number.isNaN(msPerUnit)) throw new Error(`the profile has no CPU time per sample (meta.sampleUnits.threadCPUDelta): start the profiler with the "cpu" feature`);

    // Sample i holds the CPU time used in (times[i-1], times[i]].
    const s = thread.samples.schema;
    const times: number[] = [];
    const cpu: (number | null)[] = [];
    for (const row of thread.samples.data) {
      times.push(row[s.time] as number);
      cpu.push(row[s.threadCPUDelta] as number | null);
    }
    const cpuIn = (a: number, b: number): number | undefined => {
      if (times.length < 2 || times[0] > a || times[times.length - 1] < b) return undefined;
      // The first sample after a.
      let lo = 1, hi = times.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (times[mid] > a) hi = mid;
        else lo = mid + 1;
      }
      let sum = 0;
      for (let i = lo; i < times.length && times[i - 1] < b; i++) {
        const span = times[i] - times[i - 1];
        if (span <= 0) continue;
        const delta = cpu[i];
        if (delta === null || delta === undefined) return undefined;
        sum += (delta * overlap(a, b, times[i - 1], times[i])) / span;
      }
      return sum * msPerUnit;
    };
    const within = (a: number, b: number, spans: [number, number][]) => spans.reduce((sum, [lo, hi]) => sum + overlap(a, b, lo, hi), 0);

    for (const [innerWindowID, spans] of byWindow) {
      const slices: SliceCpu[] = [];
      let unplaced = 0;
      for (const [a, b] of spans) {
        const c = cpuIn(a, b);
        if (c === undefined) unplaced++;
        else slices.push({ start: a, wall: b - a, cpu: c, minorGc: within(a, b, minor), gcSlice: within(a, b, major) });
      }
      slices.sort((x, y) => y.cpu - x.cpu);
      out.push({ innerWindowID, url: pages.get(innerWindowID) ?? '', pid: String(thread.pid ?? ''), slices, unplaced });
    }
  }
  return out;
}
