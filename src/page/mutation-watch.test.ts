// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { watchMutations } from './mutation-watch.ts';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
let stop: (() => void) | undefined;
afterEach(() => stop?.());

function setup() {
  document.body.innerHTML = '<div class="ticker"><span id="t">HSI 20000</span></div><article><p id="p1">Alibaba shares rose.</p></article><newsmark-card></newsmark-card>';
  const p1 = document.getElementById('p1')!;
  const host = document.querySelector('newsmark-card')!;
  const calls: { dirty: Element[]; structural: boolean }[] = [];
  stop = watchMutations({
    doc: document,
    isOurs: (n) => host === n || host.contains(n),
    blockOf: (n) => (p1.contains(n) ? p1 : undefined),
    onChange(dirty, structural) {
      calls.push({ dirty: [...dirty], structural });
      return structural ? 1 : 0;
    },
  });
  return { p1, host, calls };
}

describe('watchMutations', () => {
  it('ignores a ticker changing a few characters, and our own host element', async () => {
    const { host, calls } = setup();
    for (let i = 0; i < 5; i++) {
      document.getElementById('t')!.textContent = `HSI ${20000 + i}`;
      host.appendChild(document.createElement('span')).textContent = 'x'.repeat(200);
      await wait(20);
    }
    await wait(400);
    expect(calls).toEqual([]);
  });

  it('reports new content once, debounced, and changed known blocks as dirty', async () => {
    const { p1, calls } = setup();
    const article = document.querySelector('article')!;
    for (let i = 0; i < 3; i++) {
      article.appendChild(document.createElement('p')).textContent = `Update ${i}: Tencent shares jumped 7 percent after results beat forecasts.`;
    }
    p1.firstChild!.textContent = 'Alibaba shares fell.';
    await wait(400);
    expect(calls).toHaveLength(1);
    expect(calls[0].structural).toBe(true);
    expect(calls[0].dirty).toEqual([p1]);
  });

  it('waits for a re-read that takes a while (it runs in slices), then handles what changed meanwhile', async () => {
    document.body.innerHTML = '<article><p id="p1">Alibaba shares rose.</p></article>';
    const article = document.querySelector('article')!;
    const calls: number[] = [];
    let inFlight = 0;
    let overlapped = false;
    stop = watchMutations({
      doc: document,
      isOurs: () => false,
      blockOf: () => undefined,
      async onChange() {
        if (inFlight++) overlapped = true;
        calls.push(Date.now());
        await wait(700); // longer than the debounce and the minimum interval
        inFlight--;
        return 1;
      },
    });
    const add = (i: number) => { article.appendChild(document.createElement('p')).textContent = `Update ${i}: Tencent shares jumped 7 percent after results beat forecasts.`; };
    add(0);
    await wait(400); // the first re-read has started and is still running
    add(1);
    await wait(1500);
    expect(overlapped).toBe(false);
    expect(calls).toHaveLength(2);
    expect(calls[1] - calls[0]).toBeGreaterThanOrEqual(690);
  });
});
