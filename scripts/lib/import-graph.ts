/**
 * The project's own import graph, read from the source text: every relative `import`, `export … from` and
 * `import()` of a `.ts` file, type-only imports included (they are cycles for a reader, if not for Node).
 * Hand-written because the usual tools cannot read this tree: madge 8 wants TypeScript 5 as a peer (npm
 * refuses it beside TypeScript 7), and dependency-cruiser 18 scanned 131 modules but found 0 dependencies
 * without the TypeScript 5 compiler API.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s*['"](\.{1,2}\/[^'"]+\.ts)['"]/g;
const BARE_IMPORT = /(?:^|\n)\s*import\s*['"](\.{1,2}\/[^'"]+\.ts)['"]/g;
const DYNAMIC = /import\(\s*['"](\.{1,2}\/[^'"]+\.ts)['"]\s*\)/g;

function tsFiles(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : tsFiles(root, path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Imports of every `.ts` file under `dirs`, as repository-relative paths. */
export function importGraph(root: string, dirs: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of dirs.flatMap((dir) => tsFiles(root, dir))) {
    const text = readFileSync(join(root, file), 'utf8');
    const targets = [IMPORT, BARE_IMPORT, DYNAMIC].flatMap((pattern) =>
      [...text.matchAll(pattern)].map((m) => normalize(join(dirname(file), m[1] ?? ''))),
    );
    graph.set(
      file,
      [...new Set(targets)].map((t) => relative('.', t)),
    );
  }
  return graph;
}

/** Every import cycle (strongly connected group of two or more files, or a file importing itself). */
export function importCycles(graph: Map<string, string[]>): string[][] {
  // Tarjan's algorithm, iterative enough for a few hundred files.
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    order.set(node, index);
    low.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!order.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, order.get(next) ?? 0));
      }
    }
    if (low.get(node) !== order.get(node)) return;
    const group: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(group.sort());
  };
  for (const node of graph.keys()) if (!order.has(node)) visit(node);
  return cycles;
}
