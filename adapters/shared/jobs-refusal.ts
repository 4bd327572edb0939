/** The reply an adapter gives when it refuses a `/jobs` request itself (rights, channel state): shown only to the asker. */
import type { Reply } from '../../src/ports.ts';

/** A refusal reply about the jobs digest. */
export function jobsRefusal(title: string, body: string): Reply {
  return { kind: 'refusal', title, body, facts: [], advice: [], choices: [], entryIds: ['jobs'] };
}
