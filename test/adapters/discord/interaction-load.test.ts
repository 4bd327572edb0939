/** The busy-mode queue: an answer waiting on a model gives its slot back, so other answers are not held up. */
import { describe, expect, it } from 'vitest';
import { BUSY_THRESHOLD, timing } from '../../../adapters/discord/interaction-load.ts';
import { createWorkQueue } from '../../../adapters/shared/work-queue.ts';

function busyDeps() {
  return {
    load: { inFlight: BUSY_THRESHOLD + 1 },
    work: createWorkQueue(1),
    editOriginal: async () => undefined,
  };
}

describe('Discord busy mode', () => {
  it('defers at once and lets the next answer run while an earlier one waits on a model', async () => {
    const deps = busyDeps();
    const { schedule, deferAfterMs } = timing(deps);
    expect(deferAfterMs).toBe(0);
    if (!schedule) throw new Error('busy mode must schedule on the queue');
    const order: string[] = [];
    let finishModel: () => void = () => {};
    const modelDone = new Promise<void>((resolve) => {
      finishModel = resolve;
    });
    const first = schedule(async (release: () => void) => {
      order.push('first: model starts');
      release();
      await modelDone;
      order.push('first: model answered');
      return 'first';
    });
    const second = schedule(async () => {
      order.push('second: answered');
      return 'second';
    });
    expect(await second).toBe('second');
    finishModel();
    expect(await first).toBe('first');
    expect(order).toEqual(['first: model starts', 'second: answered', 'first: model answered']);
  });

  it('keeps the slot for work that never releases it, so answers still run one at a time', async () => {
    const { schedule } = timing(busyDeps());
    if (!schedule) throw new Error('busy mode must schedule on the queue');
    const order: string[] = [];
    const slow = schedule(async () => {
      await new Promise((r) => setTimeout(r, 30));
      order.push('slow');
    });
    const next = schedule(async () => {
      order.push('next');
    });
    await Promise.all([slow, next]);
    expect(order).toEqual(['slow', 'next']);
  });
});
