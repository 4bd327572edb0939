/**
 * issue 13: the Discord adapter reaches the core only through the seam (`src/ports.ts`, the error base, the
 * text helpers, the logger type and the start-up helpers), and its own files import one another without a cycle.
 */
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from '../../../scripts/lib/import-graph.ts';

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
/** `discord register` has no bot, so the command definitions may read the registry itself. */
const REGISTRY = { file: 'adapters/discord/commands.ts', target: 'src/commands.ts' };

const graph = importGraph('.', ['adapters/discord']);

describe('issue 13: the Discord adapter and the core', () => {
  it('imports nothing from src/ beyond the seam (and the registry, for discord register only)', () => {
    const outside = [...graph].flatMap(([file, targets]) =>
      targets
        .filter((t) => t.startsWith('src/') && !SEAM.includes(t))
        .filter((t) => !(file === REGISTRY.file && t === REGISTRY.target))
        .map((t) => `${file} → ${t}`),
    );
    expect(graph.size).toBeGreaterThan(10);
    expect(outside).toEqual([]);
  });

  it('imports no other platform and has no import cycle', () => {
    const elsewhere = [...graph].flatMap(([file, targets]) =>
      targets.filter((t) => t.startsWith('adapters/') && !/^adapters\/(discord|shared)\//.test(t)).map((t) => file + t),
    );
    expect(elsewhere).toEqual([]);
    expect(importCycles(graph)).toEqual([]);
  });
});
