/** One running rig (adapter + fake platform) for a whole test file, with the fake's records cleared per test. */
import { afterAll, beforeAll, beforeEach } from 'vitest';

/** What every rig offers: a fake whose records can be cleared, and a way to stop. */
interface Rig {
  fake: { reset(): void };
  stop(): Promise<void>;
}

/** Starts `start()` before the file's tests and stops it after; returns a getter for the running rig. */
export function useRig<R extends Rig>(start: () => Promise<R>, name: string): () => R {
  let rig: R | undefined;
  beforeAll(async () => {
    rig = await start();
  });
  afterAll(async () => {
    await rig?.stop();
  });
  beforeEach(() => rig?.fake.reset());
  return () => {
    if (!rig) throw new Error(`the ${name} rig has not started`);
    return rig;
  };
}
