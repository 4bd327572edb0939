/**
 * issue 13: the Slack adapter reaches the core only through the seam: `ports.ts` and the few leaf modules
 * adapters are meant to use. Anything deeper (the context, the store's keys, scoring) would tie it to
 * the core's insides again.
 */
import { describe, expect, it } from 'vitest';
import { importGraph } from '../../../scripts/lib/import-graph.ts';

/** The core modules an adapter may import (see src/ports.ts). */
const SEAM = [
  'src/ports.ts',
  'src/errors.ts',
  'src/input.ts',
  'src/literal.ts',
  'src/render-text.ts',
  'src/logger.ts',
  'src/startup/adapter-start.ts',
  'src/startup/network-error.ts',
];

describe('issue 13: what adapters/slack imports', () => {
  const graph = importGraph('.', ['adapters/slack']);

  it('imports nothing from src/ beyond the seam', () => {
    const deep = [...graph].flatMap(([file, targets]) =>
      targets.filter((t) => t.startsWith('src/') && !SEAM.includes(t)).map((t) => `${file} → ${t}`),
    );
    expect(graph.size).toBeGreaterThan(10);
    expect(deep).toEqual([]);
  });

  it('imports no other platform’s adapter, only the shared folder', () => {
    const foreign = [...graph].flatMap(([file, targets]) =>
      targets
        .filter((t) => t.startsWith('adapters/') && !/^adapters\/(slack|shared)\//.test(t))
        .map((t) => `${file} → ${t}`),
    );
    expect(foreign).toEqual([]);
  });
});
