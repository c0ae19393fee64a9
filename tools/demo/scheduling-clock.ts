// The preload of the demo's scheduling process (NODE_OPTIONS=--require <file>): the
// service's clock (the CLOCK provider, `systemClock`) reads an offset in milliseconds from
// DEMO_CLOCK_FILE, so the demo can move scheduling's calendar days ahead to play what happens
// after a match (meetings held, feedback, milestones) without waiting for it. Timers, Kafka and
// the database keep real time; nothing changes when the file is absent. Kept as source text
// and written to .cache/demo at run time, since `--require` takes plain CommonJS.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PRELOAD = `'use strict';
const Module = require('node:module');
const fs = require('node:fs');

const file = process.env.DEMO_CLOCK_FILE;
if (file) {
  let offset = 0;
  const read = () => {
    try {
      offset = Number(fs.readFileSync(file, 'utf8').trim()) || 0;
    } catch {
      offset = 0;
    }
  };
  read();
  fs.watchFile(file, { interval: 200 }, read).unref();
  const load = Module._load;
  const shifted = new WeakSet();
  Module._load = function patchedLoad(...args) {
    const exported = load.apply(this, args);
    const clock = exported && typeof exported === 'object' ? exported.systemClock : undefined;
    if (clock && typeof clock.now === 'function' && !shifted.has(clock)) {
      clock.now = () => new Date(Date.now() + offset);
      shifted.add(clock);
    }
    return exported;
  };
}
`;

/** Writes the preload next to the clock file and returns its path. */
export const writeClockPreload = (dir: string): string => {
  const file = join(dir, 'scheduling-clock.cjs');
  writeFileSync(file, PRELOAD);
  return file;
};
