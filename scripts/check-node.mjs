/**
 * Preflight run by the npm scripts before any TypeScript file: careerbot runs its .ts sources through
 * Node's type stripping, so on an older Node the first import fails with ERR_UNKNOWN_FILE_EXTENSION
 * (or vitest crashes) before the project's own code can say why. This file is plain JavaScript, in
 * syntax any Node that loads an ES module understands, and says it in one line.
 *   node scripts/check-node.mjs            # checks the running Node; exit 1 with the message when too old
 *   node scripts/check-node.mjs 20.19.0    # checks the given version instead (tests, .ci/run)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The oldest Node that runs careerbot, read from package.json `engines.node` so there is one source. */
export const MINIMUM_NODE = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
).engines.node.replace(/^>=\s*/, '');

const parts = (version) =>
  String(version)
    .replace(/^v/, '')
    .split('.')
    .map((p) => Number.parseInt(p, 10) || 0);

/** The one-line message for `version` when it is older than MINIMUM_NODE; undefined when new enough. */
export function nodeVersionProblem(version) {
  const have = parts(version);
  const need = parts(MINIMUM_NODE);
  for (let i = 0; i < need.length; i += 1) {
    const h = have[i] || 0;
    if (h > need[i]) return undefined;
    if (h < need[i]) {
      const wanted = need.slice(0, 2).join('.');
      return `careerbot needs Node.js ${wanted} or newer; this is ${have.join('.')}. Install Node 24 LTS (https://nodejs.org, or nvm install 24).`;
    }
  }
  return undefined;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const problem = nodeVersionProblem(process.argv[2] || process.versions.node);
  if (problem) {
    process.stderr.write(`${problem}\n`);
    process.exit(1);
  }
}
