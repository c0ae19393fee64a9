// The event catalog names each event's consumers, and docs/events.md is generated from it: the
// services that declare a handler for an event (`@EventHandler('<type>')`) must be exactly the
// consumers the catalog names, so the document says who really reacts to what.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventCatalog } from '@medmentor/contracts';
import { findRepoRoot } from '../infra/src/core/repo-root';
import { serviceSources } from './service-sources';

const repoRoot = findRepoRoot(__dirname);
const HANDLER = /@EventHandler\(\s*'([^']+)'/g;

const handlersByService = (): Map<string, Set<string>> => {
  const services = readdirSync(join(repoRoot, 'apps')).filter((app) => app !== 'e2e');
  return new Map(
    services.map((service) => {
      const types = new Set<string>();
      for (const file of serviceSources(join(repoRoot, 'apps', service, 'src')))
        for (const match of readFileSync(file, 'utf8').matchAll(HANDLER)) types.add(match[1]);
      return [service, types];
    }),
  );
};

describe('the event catalog', () => {
  const handlers = handlersByService();

  it('finds the handlers of every service', () => {
    expect([...handlers.values()].every((types) => types.size > 0)).toBe(true);
  });

  it.each(Object.entries(eventCatalog))(
    '%s names exactly the services that handle it',
    (type, entry) => {
      const handledBy = [...handlers]
        .filter(([, types]) => types.has(type))
        .map(([service]) => service);
      expect([...entry.consumers].sort()).toEqual(handledBy.sort());
    },
  );

  it('knows every event a service handles', () => {
    const unknown = [...handlers.values()].flatMap((types) =>
      [...types].filter((type) => !(type in eventCatalog)),
    );
    expect(unknown).toEqual([]);
  });
});
