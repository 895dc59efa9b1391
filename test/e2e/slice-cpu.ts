// The CPU time of each of our work slices in Chromium, from a trace: the
// slices' own durations are wall-clock, and on a machine with two cores the
// renderer's main thread is often descheduled in the middle of one (raster
// and compositor threads, the collector's helpers and the test runner all
// want the same cores). A 10 ms slice measured 0.7 ms of CPU in one trace.
// Each slice (a User Timing measure, src/page/bench-hook.ts) lies inside one
// top-level task, whose thread time the trace records; the slice is given
// that task's share of CPU to wall time. What remains is our work and the
// garbage collection it triggers, which is what a faster machine would not
// take away.
import type { CDPSession } from 'playwright-core';

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; tdur?: number; tid: number; id?: string; id2?: { local?: string } }

/** Starts tracing; the function returned stops it and gives each slice's CPU estimate in ms, largest first. */
export async function traceSliceCpu(cdp: CDPSession): Promise<() => Promise<number[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => { for (const x of e.value as unknown as TraceEvent[]) events.push(x); });
  // (A measure of zero duration is traced as an instant, not as a slice: it has no time to give.)
  await cdp.send('Tracing.start', { categories: 'toplevel,blink.user_timing', transferMode: 'ReportEvents' });
  return async () => {
    const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
    await cdp.send('Tracing.end');
    await done;
    return sliceCpu(events);
  };
}

/**
 * How far a slice's ends may lie outside its task's: the page's clock is coarsened (100 µs steps) before
 * it reaches the trace. Less than any slice that could be mistaken for its neighbour's task.
 */
const SLACK_US = 300;

export function sliceCpu(events: TraceEvent[]): number[] {
  const begun = new Map<string, TraceEvent>();
  const slices: { ts: number; end: number; tid: number }[] = [];
  for (const e of events) {
    if (e.name !== 'newsmark:slice') continue;
    const key = e.id2?.local ?? e.id ?? '';
    if (e.ph === 'b') begun.set(key, e);
    else if (e.ph === 'e' && begun.has(key)) slices.push({ ts: begun.get(key)!.ts, end: e.ts, tid: begun.get(key)!.tid });
  }
  // Tasks with thread time on the slices' own thread (the renderer's main thread), to find the one around each slice.
  const tids = new Set(slices.map((s) => s.tid));
  const tasks = events.filter((e) => e.ph === 'X' && e.tdur !== undefined && e.dur! > 0 && tids.has(e.tid));
  const out: number[] = [];
  for (const s of slices) {
    const wall = s.end - s.ts;
    // The shortest task around the slice.
    let task: TraceEvent | undefined;
    for (const t of tasks) {
      if (t.tid !== s.tid || t.ts > s.ts + SLACK_US || t.ts + t.dur! < s.end - SLACK_US) continue;
      if (!task || t.dur! < task.dur!) task = t;
    }
    if (task) out.push((wall * Math.min(1, task.tdur! / task.dur!)) / 1000);
  }
  return out.sort((a, b) => b - a);
}
