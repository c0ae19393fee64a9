import { HealthRegistry } from './health-registry.service';
import { withTimeout, HealthCheckTimeoutError } from './with-timeout';

const registry = (timeoutMs = 50) =>
  new HealthRegistry({ config: { HEALTH_CHECK_TIMEOUT_MS: timeoutMs } as never });
const byName = (outcomes: { name: string }[]) =>
  Object.fromEntries(outcomes.map((o) => [o.name, o]));

describe('HealthRegistry', () => {
  it('is ready when every check passes and not draining', async () => {
    const health = registry();
    health.addReadinessCheck('mongodb', async () => ({ latencyMs: 1 }));
    health.addReadinessCheck('kafka', async () => undefined);
    expect(byName(await health.runReadinessChecks())).toEqual({
      mongodb: { name: 'mongodb', status: 'up', details: { latencyMs: 1 } },
      kafka: { name: 'kafka', status: 'up', details: {} },
      shutdown: { name: 'shutdown', status: 'up', details: {} },
    });
  });

  it('reports a check that throws, rejects or hangs as down with the reason', async () => {
    const health = registry(30);
    health.addReadinessCheck('throws', () => {
      throw new Error('boom');
    });
    health.addReadinessCheck('rejects', () => Promise.reject(new Error('refused')));
    health.addReadinessCheck('hangs', () => new Promise(() => undefined));
    const outcomes = byName(await health.runReadinessChecks());
    expect(outcomes['throws']).toEqual({
      name: 'throws',
      status: 'down',
      details: { message: 'boom' },
    });
    expect(outcomes['rejects']).toEqual({
      name: 'rejects',
      status: 'down',
      details: { message: 'refused' },
    });
    expect(outcomes['hangs']).toEqual({
      name: 'hangs',
      status: 'down',
      details: { message: 'timed out after 30 ms' },
    });
  });

  it('runs checks in parallel, so one slow check costs one timeout', async () => {
    const health = registry(40);
    for (const name of ['a', 'b', 'c', 'd'])
      health.addReadinessCheck(name, () => new Promise(() => undefined));
    const started = Date.now();
    await health.runReadinessChecks();
    expect(Date.now() - started).toBeLessThan(150);
  });

  it('is not ready once draining, and stays so', async () => {
    const health = registry();
    expect(health.isDraining()).toBe(false);
    health.setDraining();
    expect(health.isDraining()).toBe(true);
    expect(byName(await health.runReadinessChecks())['shutdown']).toMatchObject({ status: 'down' });
  });

  it('keeps liveness to its own checks: draining and readiness failures do not count', async () => {
    const health = registry();
    health.addReadinessCheck('mongodb', () => Promise.reject(new Error('down')));
    health.addLivenessCheck('kafka-consumer', async () => ({ state: 'running' }));
    health.setDraining();
    expect(await health.runLivenessChecks()).toEqual([
      { name: 'kafka-consumer', status: 'up', details: { state: 'running' } },
    ]);
  });

  it('replaces a check added twice under one name and refuses reserved names', async () => {
    const health = registry();
    health.addReadinessCheck('x', () => Promise.reject(new Error('old')));
    health.addReadinessCheck('x', async () => undefined);
    expect(byName(await health.runReadinessChecks())['x']).toMatchObject({ status: 'up' });
    expect(() => health.addReadinessCheck('shutdown', async () => undefined)).toThrow('reserved');
  });
});

describe('withTimeout', () => {
  it('clears its timer when the work settles first', async () => {
    await expect(withTimeout(async () => 'ok', 10_000)).resolves.toBe('ok');
  });

  it('rejects with HealthCheckTimeoutError', async () => {
    await expect(withTimeout(() => new Promise(() => undefined), 5)).rejects.toBeInstanceOf(
      HealthCheckTimeoutError,
    );
  });
});
