// Rewrites the generated block of docs/events.md from the event catalog.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spliceEventsMarkdown } from '@medmentor/contracts';

const path = join(__dirname, '../../docs/events.md');
writeFileSync(path, spliceEventsMarkdown(readFileSync(path, 'utf8')));
console.log(`updated ${path}`);
