// The CPU estimate of the hostile-page test (test/e2e/slice-cpu.ts) on hand-made traces.
import { describe, expect, it } from 'vitest';
import { sliceCpu } from '../e2e/slice-cpu.ts';

const MAIN = 1;
const task = (ts: number, dur: number, tdur: number, tid = MAIN) => ({ name: 'ThreadControllerImpl::RunTask', ph: 'X', ts, dur, tdur, tid });
const slice = (ts: number, dur: number, tid = MAIN) => [
  { name: 'newsmark:slice', ph: 'b', ts, tid, id2: { local: '0x1' } },
  { name: 'newsmark:slice', ph: 'e', ts: ts + dur, tid, id2: { local: '0x1' } },
];

describe('sliceCpu', () => {
  it("gives each slice its own task's share of CPU to wall time, largest first", () => {
    const events = [
      task(0, 4000, 4000), ...slice(100, 3000),
      // Descheduled for three quarters of the task: a 10 ms slice is 2.5 ms of CPU.
      task(5000, 10_400, 2600), ...slice(5200, 10_000),
      task(16_000, 6000, 6000), ...slice(16_100, 5800),
    ];
    expect(sliceCpu(events)).toEqual([5.8, 3, 2.5]);
  });

  it('takes the innermost task, and the slack of the coarsened page clock, but never a neighbour', () => {
    const events = [
      task(0, 9000, 4500), task(1000, 3000, 3000), ...slice(800, 3100),
      // Ends 2 ms after its only candidate task: no task holds it, so it has no figure.
      task(10_000, 3000, 3000), ...slice(10_000, 5000),
    ];
    expect(sliceCpu(events)).toEqual([3.1]);
  });

  it("ignores other threads' tasks and zero-length measures", () => {
    const events = [task(0, 5000, 5000, 2), ...slice(100, 3000), { name: 'newsmark:slice', ph: 'n', ts: 200, tid: MAIN }];
    expect(sliceCpu(events)).toEqual([]);
  });
});
