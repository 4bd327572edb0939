import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SOURCE_TYPES } from '../../src/jobs/posting.ts';
import { ATTRIBUTION, MIN_REFRESH_MS, refreshIntervalMs, SOURCE_MODULES } from '../../src/jobs/sources/registry.ts';
import { type JobSource, JobSourcesError, loadJobSources } from '../../src/jobs/sources-file.ts';
import { tempDir } from '../helpers/context.ts';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

function problems(yaml: string, name = 'bad.yaml'): string[] {
  const file = join(dir, name);
  writeFileSync(file, yaml);
  try {
    loadJobSources(file);
  } catch (error) {
    if (error instanceof JobSourcesError) return error.problems.map((p) => p.replace(`${file}: `, ''));
    throw error;
  }
  return [];
}

describe('the real knowledge/job-sources.yaml', () => {
  const sources = loadJobSources('knowledge/job-sources.yaml');

  it('loads, with unique ids and a known type and module for every entry', () => {
    expect(sources.length).toBeGreaterThanOrEqual(15);
    expect(new Set(sources.map((s) => s.id)).size).toBe(sources.length);
    for (const s of sources) {
      expect(SOURCE_TYPES).toContain(s.type);
      expect(SOURCE_MODULES[s.type].type).toBe(s.type);
      expect(s.url).toBeUndefined();
    }
  });

  // No lab in the September 2026 token list is on Lever any more, so the real file has no Lever board.
  it('covers the ATS boards of the curated labs and both aggregators with several queries', () => {
    expect(new Set(sources.map((s) => s.type))).toEqual(new Set(['greenhouse', 'ashby', 'remotive', 'himalayas']));
    expect(sources.filter((s) => s.type === 'himalayas').length).toBeGreaterThan(1);
    expect(sources.map((s) => s.id)).toEqual(
      expect.arrayContaining(['greenhouse:anthropic', 'ashby:openai', 'ashby:mistral.ai', 'remotive:ai-trainer']),
    );
  });

  it('keeps Remotive within four calls a day', () => {
    const remotive = sources.filter((s) => s.type === 'remotive');
    const callsPerDay = remotive.reduce((n, s) => n + (24 * 3600 * 1000) / refreshIntervalMs(s, sources), 0);
    expect(callsPerDay).toBeLessThanOrEqual(4);
  });
});

describe('loadJobSources', () => {
  it('fills default ids from the board or the query', () => {
    const file = join(dir, 'ok.yaml');
    writeFileSync(
      file,
      'version: 1\nsources:\n  - {type: ashby, board: Mistral.ai}\n  - {type: himalayas, query: LLM evaluation}\n  - {type: remotive}\n',
    );
    expect(loadJobSources(file).map((s) => s.id)).toEqual(['ashby:mistral.ai', 'himalayas:llm-evaluation', 'remotive']);
  });

  it('names the entry and the field of every problem at once', () => {
    const found = problems(
      [
        'version: 1',
        'sources:',
        '  - type: greenhouse',
        '  - type: workday',
        '    board: acme',
        '  - type: lever',
        '    board: lumen',
        '    query: ai trainer',
        '  - type: ashby',
        '    board: tessera',
        '    url: ftp://example.com/x',
        '  - type: remotive',
        '    board: nope',
        '  - type: himalayas',
        '  - type: ashby',
        '    board: bad token!',
        '  - type: greenhouse',
        '    board: x',
        '    colour: blue',
      ].join('\n'),
    );
    expect(found).toEqual([
      'sources[0] (greenhouse).board: required for greenhouse (the token in its URL)',
      expect.stringMatching(/^sources\[1\] \(workday:acme\)\.type: /),
      'sources[2] (lever:lumen).query: lever has no search; its whole board is fetched and filtered here',
      expect.stringMatching(/^sources\[3\] \(ashby:tessera\)\.url: /),
      'sources[4] (remotive:nope).board: not used by remotive; use query',
      'sources[5] (himalayas).query: required for himalayas (its unfiltered feed is huge)',
      expect.stringMatching(/^sources\[6\] \(ashby:bad token!\)\.board: the token as it appears/),
      expect.stringMatching(/^sources\[7\] \(greenhouse:x\): .*colour/),
    ]);
  });

  it('rejects two entries with one id', () => {
    expect(
      problems(
        'version: 1\nsources:\n  - {type: greenhouse, board: xai}\n  - {type: greenhouse, board: xai, company: X}\n',
      ),
    ).toEqual([
      'sources[1] (greenhouse:xai).id: "greenhouse:xai" is already used by sources[0]; give one an explicit id',
    ]);
  });

  it('reports a missing version, a missing file and broken YAML', () => {
    expect(problems('sources:\n  - {type: remotive}\n')).toEqual([expect.stringMatching(/^version: /)]);
    expect(problems('version: 1\nsources: [\n', 'broken.yaml')).toEqual([expect.stringMatching(/^not valid YAML/)]);
    expect(() => loadJobSources(join(dir, 'absent.yaml'))).toThrow(/absent\.yaml: file is missing/);
  });
});

describe('source terms', () => {
  const remotive = (query: string): JobSource => ({ id: `remotive:${query}`, type: 'remotive', query });

  it('spread Remotive’s four daily calls over its entries', () => {
    const one = [remotive('a')];
    const two = [remotive('a'), remotive('b')];
    expect(refreshIntervalMs(remotive('a'), one)).toBe(6 * 3600 * 1000);
    expect(refreshIntervalMs(remotive('a'), two)).toBe(12 * 3600 * 1000);
    const board: JobSource = { id: 'greenhouse:x', type: 'greenhouse', board: 'x' };
    expect(refreshIntervalMs(board, [board, ...two])).toBe(MIN_REFRESH_MS.greenhouse);
  });

  it('require naming and linking back to the aggregators only', () => {
    expect(ATTRIBUTION.remotive).toMatchObject({ name: 'Remotive', required: true });
    expect(ATTRIBUTION.himalayas).toMatchObject({ name: 'Himalayas', required: true });
    expect(ATTRIBUTION.greenhouse.required).toBe(false);
  });
});
