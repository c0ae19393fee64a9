import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allTopics } from '../topics';
import { eventCatalog, eventTypesOnTopic, type EventType } from './event-catalog';
import { renderEventsMarkdown } from './render-events-markdown';

describe('event catalog', () => {
  it('gives every topic at least one event type and every event a declared topic', () => {
    for (const topic of allTopics()) {
      expect(eventTypesOnTopic(topic).length).toBeGreaterThan(0);
    }
    for (const type of Object.keys(eventCatalog) as EventType[]) {
      expect(allTopics()).toContain(eventCatalog[type].topic);
    }
  });

  it('names topics as medmentor.<area>.<aggregate>.v<version>', () => {
    for (const topic of allTopics()) {
      expect(topic).toMatch(/^medmentor\.[a-z-]+\.[a-z-]+\.v\d+$/);
    }
  });

  it('is documented in docs/events.md exactly as generated (run `npm run docs:events`)', () => {
    const doc = readFileSync(join(__dirname, '../../../../docs/events.md'), 'utf8');
    expect(doc).toContain(renderEventsMarkdown());
  });
});
