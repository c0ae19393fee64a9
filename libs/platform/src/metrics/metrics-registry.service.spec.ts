import { MetricsRegistry } from './metrics-registry.service';

describe('MetricsRegistry', () => {
  it('exposes default process metrics in Prometheus text format', async () => {
    const metrics = new MetricsRegistry();
    const text = await metrics.metrics();
    expect(metrics.contentType).toContain('text/plain');
    expect(text).toContain('# TYPE process_cpu_user_seconds_total counter');
    expect(text).toContain('nodejs_heap_size_used_bytes');
  });

  it('returns the same metric when asked twice by name', async () => {
    const metrics = new MetricsRegistry();
    const first = metrics.counter({
      name: 'outbox_published_total',
      help: 'Events published',
      labelNames: ['topic'],
    });
    const second = metrics.counter({
      name: 'outbox_published_total',
      help: 'Events published',
      labelNames: ['topic'],
    });
    expect(second).toBe(first);
    first.inc({ topic: 'a' });
    second.inc({ topic: 'a' }, 2);
    expect(await metrics.metrics()).toContain('outbox_published_total{topic="a"} 3');
  });

  it('refuses a name already used by another kind of metric', () => {
    const metrics = new MetricsRegistry();
    metrics.gauge({ name: 'consumer_lag', help: 'Lag' });
    expect(() => metrics.histogram({ name: 'consumer_lag', help: 'Lag' })).toThrow(
      'Metric "consumer_lag" is already registered as a Gauge',
    );
  });

  it('keeps registries of two apps apart', async () => {
    const a = new MetricsRegistry();
    const b = new MetricsRegistry();
    a.counter({ name: 'only_in_a_total', help: 'x' }).inc();
    expect(await b.metrics()).not.toContain('only_in_a_total');
  });
});
