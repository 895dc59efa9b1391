// The Firefox CPU estimate of the hostile-page test (test/e2e/gecko-slice-cpu.ts) on hand-made profiles.
import { describe, expect, it } from 'vitest';
import { geckoSliceCpu, type GeckoProfile, type GeckoThread } from '../e2e/gecko-slice-cpu.ts';

const INSTANT = 0, INTERVAL = 1;
type Marker = [name: string, start: number, end: number | null, phase: number, data: unknown];

const measure = (win: number, start: number, end: number, name = 'newsmark:slice'): Marker =>
  ['UserTiming', start, end, INTERVAL, { type: 'UserTiming', name, entryType: 'measure', startMark: null, endMark: null, innerWindowID: win }];
const gc = (kind: 'GCMinor' | 'GCSlice' | 'GCMajor', start: number, end: number): Marker => [kind, start, end, INTERVAL, { type: kind }];

/** A GeckoMain thread: samples as [time ms, CPU ns used since the sample before], markers as above. */
function thread(samples: [number, number | null][], markers: Marker[]): GeckoThread {
  const stringTable: string[] = [];
  const str = (s: string) => (stringTable.includes(s) ? stringTable.indexOf(s) : stringTable.push(s) - 1);
  return {
    name: 'GeckoMain',
    pid: 7,
    stringTable,
    markers: {
      schema: { name: 0, startTime: 1, endTime: 2, phase: 3, category: 4, data: 5 },
      data: markers.map(([name, start, end, phase, data]) => [str(name), start, end, phase, 8, data]),
    },
    samples: {
      schema: { stack: 0, time: 1, eventDelay: 2, argumentValues: 3, threadCPUDelta: 4 },
      data: samples.map(([time, cpu]) => [null, time, null, null, cpu]),
    },
  };
}

/** One ms between samples, with the given CPU (ms) used in each interval: cpu[k] is the interval (k, k+1]. */
const everyMs = (cpu: number[]): [number, number | null][] => [[0, null], ...cpu.map((c, k): [number, number] => [k + 1, c * 1e6])];

const child = (pages: { innerWindowID: number; url: string }[], t: GeckoThread): GeckoProfile => ({
  meta: { sampleUnits: { threadCPUDelta: 'ns' } }, pages, threads: [t],
});
const parent = (...processes: GeckoProfile[]): GeckoProfile => ({
  meta: { sampleUnits: { threadCPUDelta: 'ns' } }, pages: [], threads: [thread(everyMs([1, 1]), [])], processes,
});

const cpus = (p: GeckoProfile) => geckoSliceCpu(p).map((w) => ({ url: w.url, cpu: w.slices.map((s) => +s.cpu.toFixed(6)), unplaced: w.unplaced }));

describe('geckoSliceCpu', () => {
  it("gives a slice the CPU of the sample intervals it covers, a partly covered one in proportion, largest first", () => {
    // Intervals (0,1] .. (5,6] used 0.2, 1, 0.4, 0.8, 1, 0.6 ms of CPU.
    const t = thread(everyMs([0.2, 1, 0.4, 0.8, 1, 0.6]), [
      // Half of (1,2], all of (2,3] and (3,4], a quarter of (4,5]: 0.5 + 0.4 + 0.8 + 0.25.
      measure(9, 1.5, 4.25),
      // Inside one interval: a third of its 0.6 ms.
      measure(9, 5.2, 5.533333333333333),
      // From the very first sample: (0,1] whole.
      measure(9, 0, 1),
    ]);
    expect(cpus(parent(child([{ innerWindowID: 9, url: 'http://x/a.html' }], t)))).toEqual([
      { url: 'http://x/a.html', cpu: [1.95, 0.2, 0.2], unplaced: 0 },
    ]);
  });

  it('spreads an interval over its own length when samples are late, and reads µs as well as ns', () => {
    // Samples at 0, 1, 5 (the sampler was held up): (1,5] used 2 ms, so [3,4] gets a quarter.
    const t = thread([[0, null], [1, 1e6], [5, 2e6]], [measure(1, 3, 4)]);
    expect(cpus(parent(child([{ innerWindowID: 1, url: 'u' }], t)))[0].cpu).toEqual([0.5]);
    const us = thread([[0, null], [1, 1000], [5, 2000]], [measure(1, 3, 4)]);
    const p = parent({ ...child([{ innerWindowID: 1, url: 'u' }], us), meta: { sampleUnits: { threadCPUDelta: 'µs' } } });
    expect(cpus(p)[0].cpu).toEqual([0.5]);
  });

  it('skips measures of no length, marks, other measures and other markers', () => {
    const t = thread(everyMs([1, 1, 1, 1, 1, 1]), [
      // A measure shorter than the page's coarsened clock: recorded as an instant, or as an interval of no length.
      ['UserTiming', 2, 0, INSTANT, { type: 'UserTiming', name: 'newsmark:slice', entryType: 'measure', innerWindowID: 9 }],
      measure(9, 3, 3),
      // A mark of the same name, a measure of another name, a marker that is not User Timing.
      ['UserTiming', 2, 0, INSTANT, { type: 'UserTiming', name: 'newsmark:slice', entryType: 'mark', innerWindowID: 9 }],
      ['UserTiming', 1, 4, INTERVAL, { type: 'UserTiming', name: 'newsmark:settled', entryType: 'measure', innerWindowID: 9 }],
      ['DOMEvent', 1, 4, INTERVAL, { type: 'DOMEvent', name: 'newsmark:slice', entryType: 'measure', innerWindowID: 9 }],
      gc('GCMinor', 1, 2),
      measure(9, 4, 6),
    ]);
    expect(cpus(parent(child([{ innerWindowID: 9, url: 'u' }], t)))).toEqual([{ url: 'u', cpu: [2], unplaced: 0 }]);
  });

  it('keeps the slices of two windows apart, in one process and in two, each with its URL', () => {
    const one = thread(everyMs([1, 0.5, 0.25, 1]), [measure(21, 0, 1), measure(22, 1, 2), measure(21, 2, 4)]);
    // Another process: its own clock, its own CPU; window 31's URL is in its own page list.
    const two = thread(everyMs([0.1, 0.3]), [measure(31, 1, 2)]);
    const p = parent(
      child([{ innerWindowID: 21, url: 'http://x/a.html' }, { innerWindowID: 22, url: 'http://x/b.html' }], one),
      child([{ innerWindowID: 31, url: 'http://x/c.html' }], two),
    );
    expect(cpus(p)).toEqual([
      { url: 'http://x/a.html', cpu: [1.25, 1], unplaced: 0 },
      { url: 'http://x/b.html', cpu: [0.5], unplaced: 0 },
      { url: 'http://x/c.html', cpu: [0.3], unplaced: 0 },
    ]);
  });

  it('counts a slice outside the sampled span as unplaced, and a window missing from the page list has no URL', () => {
    const t = thread(everyMs([1, 1, 1]).slice(1), [measure(5, 0.5, 2), measure(5, 1, 3), measure(5, 2.5, 3.5)]);
    expect(cpus(parent(child([], t)))).toEqual([{ url: '', cpu: [2], unplaced: 2 }]);
  });

  it('reports the collections inside each slice, minor and major slices apart, not the whole of a major collection', () => {
    const t = thread(everyMs([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]), [
      gc('GCMajor', 0, 10),
      gc('GCMinor', 0.5, 2.5), gc('GCSlice', 2, 3.5), gc('GCMinor', 7, 9),
      measure(9, 1, 4), measure(9, 5, 6), measure(9, 6.5, 8),
    ]);
    const [w] = geckoSliceCpu(parent(child([{ innerWindowID: 9, url: 'u' }], t)));
    expect(w.slices.map(({ start, wall, cpu, minorGc, gcSlice }) => ({ start, wall, cpu, minorGc, gcSlice }))).toEqual([
      { start: 1, wall: 3, cpu: 3, minorGc: 1.5, gcSlice: 1.5 },
      { start: 6.5, wall: 1.5, cpu: 1.5, minorGc: 1, gcSlice: 0 },
      { start: 5, wall: 1, cpu: 1, minorGc: 0, gcSlice: 0 },
    ]);
  });

  it('says so when the profile carries no CPU time', () => {
    const t = thread(everyMs([1]), [measure(9, 0, 1)]);
    const p = parent({ ...child([], t), meta: {} });
    expect(() => geckoSliceCpu(p)).toThrow(/cpu/);
  });
});
