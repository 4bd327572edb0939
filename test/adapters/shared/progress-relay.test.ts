/** The progress relay the Slack and Discord adapters share to show a model's streamed text: throttled, serial, settled. */
import { describe, expect, it } from 'vitest';
import { createProgressRelay, type ProgressView } from '../../../adapters/shared/progress-relay.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A view that records what it was asked to do, with slow opens and edits when asked. */
function recordingView(options: { openMs?: number; showMs?: number; failOpen?: boolean; failShow?: boolean } = {}) {
  const events: { step: 'open' | 'show'; text?: string; at: number }[] = [];
  let showing = 0;
  let overlapped = false;
  const view: ProgressView<string> = {
    async open() {
      await sleep(options.openMs ?? 0);
      if (options.failOpen) throw new Error('cannot post');
      events.push({ step: 'open', at: performance.now() });
      return 'handle-1';
    },
    async show(handle, text) {
      expect(handle).toBe('handle-1');
      // Recorded as the edit starts: the relay spaces edits by their start.
      events.push({ step: 'show', text, at: performance.now() });
      showing += 1;
      if (showing > 1) overlapped = true;
      await sleep(options.showMs ?? 0);
      showing -= 1;
      if (options.failShow) throw new Error('cannot edit');
    },
  };
  return { view, events, overlapped: () => overlapped };
}

describe('progress relay', () => {
  it('does nothing until progress begins, and settles to undefined then', async () => {
    const { view, events } = recordingView();
    const relay = createProgressRelay(view);
    expect(relay.started).toBe(false);
    expect(await relay.settle()).toBeUndefined();
    expect(events).toEqual([]);
  });

  it('opens on the first call, shows growing text at most once per interval, latest text first', async () => {
    const { view, events } = recordingView({ openMs: 20 });
    const relay = createProgressRelay(view, { intervalMs: 60 });
    relay.onProgress('');
    expect(relay.started).toBe(true);
    for (let i = 1; i <= 12; i += 1) {
      relay.onProgress('word '.repeat(i).trim());
      await sleep(10);
    }
    await sleep(80);
    expect(await relay.settle()).toBe('handle-1');
    const shows = events.filter((e) => e.step === 'show');
    expect(events[0]?.step).toBe('open');
    // 12 texts over ~120 ms, one edit per 60 ms at most: far fewer edits than texts, ending on the latest.
    expect(shows.length).toBeGreaterThanOrEqual(2);
    expect(shows.length).toBeLessThanOrEqual(4);
    expect(shows.at(-1)?.text).toBe('word '.repeat(12).trim());
    for (let i = 1; i < shows.length; i += 1) {
      expect((shows[i]?.at ?? 0) - (shows[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(50);
    }
  });

  it('never runs two edits at once, and settle waits for the one in flight', async () => {
    const { view, events, overlapped } = recordingView({ showMs: 50 });
    const relay = createProgressRelay(view, { intervalMs: 0 });
    relay.onProgress('one');
    await sleep(5);
    relay.onProgress('one two');
    relay.onProgress('one two three');
    const settledAt = await relay.settle().then(() => performance.now());
    expect(overlapped()).toBe(false);
    const shows = events.filter((e) => e.step === 'show');
    expect(shows.map((s) => s.text)).toEqual(['one']);
    // The edit started just before settle and takes 50 ms: settle resolved only after it finished.
    expect(settledAt - (shows[0]?.at ?? Number.POSITIVE_INFINITY)).toBeGreaterThanOrEqual(45);
    relay.onProgress('one two three four');
    await sleep(20);
    expect(events.filter((e) => e.step === 'show')).toHaveLength(1);
  });

  it('skips streamed text when the final reply arrives while the view is still opening', async () => {
    const { view, events } = recordingView({ openMs: 40 });
    const relay = createProgressRelay(view, { intervalMs: 0 });
    relay.onProgress('');
    relay.onProgress('early words');
    expect(await relay.settle()).toBe('handle-1');
    expect(events.map((e) => e.step)).toEqual(['open']);
  });

  it('reports a failed open and settles to undefined, so the caller sends the reply instead', async () => {
    const errors: string[] = [];
    const { view } = recordingView({ failOpen: true });
    const relay = createProgressRelay(view, { onError: (_err, step) => errors.push(step) });
    relay.onProgress('');
    relay.onProgress('some text');
    expect(await relay.settle()).toBeUndefined();
    expect(errors).toEqual(['open']);
  });

  it('reports a failed edit and carries on', async () => {
    const errors: string[] = [];
    const { view } = recordingView({ failShow: true });
    const relay = createProgressRelay(view, { intervalMs: 0, onError: (_err, step) => errors.push(step) });
    relay.onProgress('some text');
    await sleep(20);
    expect(await relay.settle()).toBe('handle-1');
    expect(errors).toEqual(['show']);
  });
});
