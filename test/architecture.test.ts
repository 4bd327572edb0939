/**
 * The seams, checked on the import graph (issue 13): no import cycles, the core never imports an adapter
 * (only the composition roots wire them, through each adapter's `index.ts`), adapters reach the core only
 * through the port and the few text helpers they share with it, and no adapter imports another's folder.
 */
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from '../scripts/lib/import-graph.ts';

const graph = importGraph('.', ['src', 'adapters', 'scripts', 'test']);
const edges = [...graph].flatMap(([from, targets]) => targets.map((to) => ({ from, to })));

/** The composition roots: the only core files that may import adapters, and only their entry points. */
const COMPOSITION_ROOTS = new Set(['src/main.ts', 'src/cli.ts']);
const ADAPTER_ENTRIES = /^adapters\/(slack|discord|console)\/(index|register)\.ts$/;

/** What adapters may import from the core: the port, the error base and the text helpers both sides use. */
const PORT_FILES = new Set([
  'src/ports.ts',
  'src/types.ts',
  'src/errors.ts',
  'src/input.ts',
  'src/literal.ts',
  'src/render-text.ts',
  'src/logger.ts',
  'src/startup/adapter-start.ts',
  'src/startup/network-error.ts',
]);

describe('issue 13: the seams between the core and the adapters', () => {
  it('reads the whole tree (the graph is not empty, so the checks below can fail)', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(edges.some((e) => e.from === 'src/bot.ts' && e.to === 'src/ports.ts')).toBe(true);
  });

  it('has no import cycle, type-only imports included', () => {
    const production = new Map([...graph].filter(([file]) => !file.startsWith('test/')));
    expect(importCycles(production)).toEqual([]);
    expect(importCycles(graph)).toEqual([]);
  });

  it('finds a cycle when there is one (the checker itself works)', () => {
    const looped = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(importCycles(looped)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });

  it('keeps the core free of adapters, except the composition roots wiring their entry points', () => {
    const intoAdapters = edges.filter((e) => e.from.startsWith('src/') && e.to.startsWith('adapters/'));
    expect(intoAdapters.filter((e) => !COMPOSITION_ROOTS.has(e.from) || !ADAPTER_ENTRIES.test(e.to))).toEqual([]);
  });

  it('lets adapters reach the core only through the port and the shared text helpers', () => {
    const intoCore = edges.filter((e) => e.from.startsWith('adapters/') && e.to.startsWith('src/'));
    expect(intoCore.length).toBeGreaterThan(0);
    expect(intoCore.filter((e) => !PORT_FILES.has(e.to))).toEqual([]);
  });

  it('keeps each platform in its own folder: adapters share code only through adapters/shared', () => {
    const folder = (path: string) => path.split('/')[1];
    const across = edges.filter(
      (e) =>
        e.from.startsWith('adapters/') &&
        e.to.startsWith('adapters/') &&
        folder(e.from) !== folder(e.to) &&
        folder(e.to) !== 'shared',
    );
    expect(across).toEqual([]);
    const sharedIntoPlatform = edges.filter(
      (e) => e.from.startsWith('adapters/shared/') && e.to.startsWith('adapters/') && folder(e.to) !== 'shared',
    );
    expect(sharedIntoPlatform).toEqual([]);
  });
});
