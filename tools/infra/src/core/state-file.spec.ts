import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyState, type InfraState, readState, removeState, stateEnv, writeState } from './state-file';
import { StateStore } from './state-store';

describe('state file', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'infra-state-'));
    file = join(dir, 'nested', 'state.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const sample = (): InfraState => ({
    ...emptyState('/cache', new Date('2026-01-01T00:00:00Z')),
    components: {
      kafka: {
        managed: true,
        pid: 1234,
        marker: '/cache/kafka/data/server.properties',
        process: { command: 'java', args: ['-cp', 'x', 'kafka.Kafka'], cwd: '/cache/kafka/data', logFile: '/cache/kafka/data/kafka.out' },
        env: { KAFKA_BROKERS: '127.0.0.1:19092' },
        ports: { broker: 19092, controller: 19093 },
        dataDir: '/cache/kafka/data',
        logFiles: ['/cache/kafka/data/server.log'],
        startedAt: '2026-01-01T00:00:01Z',
        startupMs: 2100,
        timings: { prepareMs: 0, startMs: 2100 },
      },
      mongo: { managed: false, env: { MONGODB_URI: 'mongodb://db:27017' }, source: 'MONGODB_URI' },
      smtp: {
        managed: true,
        pid: null,
        marker: '/cache/smtp/messages',
        process: { command: 'node', args: [], cwd: '/repo', logFile: '/cache/smtp/smtp.log' },
        env: { SMTP_URL: 'smtp://127.0.0.1:2525', SMTP_API_URL: 'http://127.0.0.1:8025' },
        ports: { smtp: 2525, api: 8025 },
        dataDir: '/cache/smtp',
        logFiles: [],
        startedAt: null,
        startupMs: null,
      },
    },
  });

  it('returns null when there is no state', () => {
    expect(readState(file)).toBeNull();
  });

  it('round-trips through disk and stamps updatedAt', () => {
    const written = writeState(file, sample(), new Date('2026-01-02T00:00:00Z'));
    expect(written.updatedAt).toBe('2026-01-02T00:00:00.000Z');
    expect(readState(file)).toEqual(written);
    removeState(file);
    expect(readState(file)).toBeNull();
  });

  it('collects the env vars of all components in order', () => {
    expect(stateEnv(sample())).toEqual({
      KAFKA_BROKERS: '127.0.0.1:19092',
      MONGODB_URI: 'mongodb://db:27017',
      SMTP_URL: 'smtp://127.0.0.1:2525',
      SMTP_API_URL: 'http://127.0.0.1:8025',
    });
  });

  it('refuses files it does not understand, naming the file', () => {
    writeState(file, sample());
    writeFileSync(file, '{ nope');
    expect(() => readState(file)).toThrow(file);
    writeFileSync(file, JSON.stringify({ version: 2 }));
    expect(() => readState(file)).toThrow(/unknown format/);
  });

  it('StateStore writes every change', () => {
    const store = new StateStore(file, emptyState('/cache'));
    store.set('mongo', { managed: false, env: { MONGODB_URI: 'mongodb://x' }, source: 'MONGODB_URI' });
    const onDisk = JSON.parse(readFileSync(file, 'utf8')) as InfraState;
    expect(onDisk.components.mongo).toEqual({ managed: false, env: { MONGODB_URI: 'mongodb://x' }, source: 'MONGODB_URI' });
    expect(store.get('mongo')?.managed).toBe(false);
    store.remove();
    expect(readState(file)).toBeNull();
  });
});
