import { ferretdbArgs, ferretdbDebugAddr, ferretdbEnv, mongoUri } from './mongo-driver';

describe('FerretDB process settings', () => {
  it('runs the Go collector less often, with a soft memory cap', () => {
    expect(ferretdbEnv({})).toEqual({ GOGC: '400', GOMEMLIMIT: '2GiB' });
  });

  it('keeps a GOGC or GOMEMLIMIT set in the environment', () => {
    expect(ferretdbEnv({ GOGC: '100' })).toEqual({ GOGC: '100', GOMEMLIMIT: '2GiB' });
    expect(ferretdbEnv({ GOMEMLIMIT: '512MiB' })).toEqual({ GOGC: '400', GOMEMLIMIT: '512MiB' });
  });

  it('serves SQLite files in WAL mode without an fsync per write, on the given port', () => {
    const args = ferretdbArgs({ port: 27999, sqliteDir: '/d/sqlite', stateDir: '/d/state' });
    expect(args).toContain('--handler=sqlite');
    expect(args).toContain('--sqlite-url=file:/d/sqlite/?_pragma=synchronous(normal)');
    expect(args).toContain('--listen-addr=127.0.0.1:27999');
    expect(mongoUri(27999)).toBe('mongodb://127.0.0.1:27999/?directConnection=true&maxPoolSize=4');
    expect(mongoUri(27999, 1)).toBe(
      'mongodb://127.0.0.1:27999/?directConnection=true&maxPoolSize=1',
    );
  });

  it('serves its debug handler only when asked, and only on loopback', () => {
    const base = { port: 27999, sqliteDir: '/d/sqlite', stateDir: '/d/state' };
    expect(ferretdbArgs(base)).toContain('--debug-addr=-');
    expect(ferretdbDebugAddr({})).toBeUndefined();
    const addr = ferretdbDebugAddr({ INFRA_FERRETDB_DEBUG_ADDR: '127.0.0.1:8088' });
    expect(addr).toBe('127.0.0.1:8088');
    expect(ferretdbArgs({ ...base, debugAddr: addr })).toContain('--debug-addr=127.0.0.1:8088');
    expect(() => ferretdbDebugAddr({ INFRA_FERRETDB_DEBUG_ADDR: '0.0.0.0:8088' })).toThrow(
      /loopback/,
    );
  });
});
