// The README's configuration section must name every environment variable the services read.
// Variables are found in the source: keys of the zod config schemas (`NAME: envInt(...)`,
// `NAME: z.string()...`) and direct `process.env.NAME` reads in service code.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findRepoRoot } from '../infra/src/core/repo-root';
import { serviceSources } from './service-sources';

const repoRoot = findRepoRoot(__dirname);

// An UPPER_SNAKE_CASE key in a file that builds zod schemas is a variable of a config schema.
const SCHEMA_KEY = /^\s*([A-Z][A-Z0-9]*_[A-Z0-9_]+|PORT|HOST)\s*:/gm;
const ZOD = /from 'zod'/;
const ENV_READ = /process\.env(?:\.([A-Z][A-Z0-9_]{2,})|\[\s*'([A-Z][A-Z0-9_]{2,})'\s*\])/g;

function variablesReadByServices(): Map<string, string> {
  const found = new Map<string, string>();
  const roots = [
    ...readdirSync(join(repoRoot, 'apps'))
      .filter((app) => app !== 'e2e')
      .map((app) => join(repoRoot, 'apps', app, 'src')),
    ...readdirSync(join(repoRoot, 'libs'))
      .filter((lib) => lib !== 'testing')
      .map((lib) => join(repoRoot, 'libs', lib, 'src')),
  ];
  for (const root of roots) {
    for (const file of serviceSources(root)) {
      const text = readFileSync(file, 'utf8');
      if (ZOD.test(text)) {
        for (const match of text.matchAll(SCHEMA_KEY))
          found.set(match[1] ?? '', relative(repoRoot, file));
      }
      for (const match of text.matchAll(ENV_READ)) {
        found.set(match[1] ?? match[2] ?? '', relative(repoRoot, file));
      }
    }
  }
  found.delete('');
  return found;
}

/** Every `NAME` in backticks between "## Configuration" and the next level-2 heading. */
function documentedVariables(readme: string): Set<string> {
  const start = readme.search(/^## Configuration\s*$/m);
  if (start < 0) throw new Error('README.md has no "## Configuration" section');
  const rest = readme.slice(start + 1);
  const next = rest.search(/^## /m);
  const section = next < 0 ? rest : rest.slice(0, next);
  return new Set([...section.matchAll(/`([A-Z][A-Z0-9_]{2,})`/g)].map((m) => m[1] ?? ''));
}

describe("README's configuration section", () => {
  const read = variablesReadByServices();
  const documented = documentedVariables(readFileSync(join(repoRoot, 'README.md'), 'utf8'));

  it('finds the variables every service reads (the scan itself works)', () => {
    for (const name of [
      'PORT',
      'MONGODB_URI',
      'KAFKA_BROKERS',
      'AUTH_ISSUER',
      'HTTP_BODY_LIMIT_BYTES',
    ]) {
      expect(read.has(name)).toBe(true);
    }
  });

  it('names every environment variable the services read', () => {
    const missing = [...read]
      .filter(([name]) => !documented.has(name))
      .map(([name, file]) => `${name} (${file})`);
    expect(missing).toEqual([]);
  });
});
