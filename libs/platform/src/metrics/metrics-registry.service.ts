import { Injectable } from '@nestjs/common';
import {
  collectDefaultMetrics,
  Counter,
  Gauge,
  Histogram,
  Registry,
  type CounterConfiguration,
  type GaugeConfiguration,
  type HistogramConfiguration,
  type Metric,
} from 'prom-client';

/**
 * This application's Prometheus registry (one per app, never prom-client's global one, so
 * several apps in one test process do not collide). Libraries get-or-create their metrics
 * here by name: asking twice returns the same metric instead of a duplicate-name error.
 */
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Labels added to every metric of this registry (e.g. `{ service: 'matching' }`). */
  setDefaultLabels(labels: Record<string, string>): void {
    this.registry.setDefaultLabels(labels);
  }

  counter<L extends string = string>(
    config: Omit<CounterConfiguration<L>, 'registers'>,
  ): Counter<L> {
    return this.getOrCreate(
      config.name,
      Counter,
      () => new Counter<L>({ ...config, registers: [this.registry] }),
    );
  }

  histogram<L extends string = string>(
    config: Omit<HistogramConfiguration<L>, 'registers'>,
  ): Histogram<L> {
    return this.getOrCreate(
      config.name,
      Histogram,
      () => new Histogram<L>({ ...config, registers: [this.registry] }),
    );
  }

  gauge<L extends string = string>(config: Omit<GaugeConfiguration<L>, 'registers'>): Gauge<L> {
    return this.getOrCreate(
      config.name,
      Gauge,
      () => new Gauge<L>({ ...config, registers: [this.registry] }),
    );
  }

  /** The Prometheus text exposition of every metric. */
  metrics(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private getOrCreate<M extends Metric>(
    name: string,
    kind: abstract new (...args: never[]) => Metric,
    create: () => M,
  ): M {
    const existing = this.registry.getSingleMetric(name);
    if (existing === undefined) return create();
    if (!(existing instanceof kind)) {
      throw new Error(`Metric "${name}" is already registered as a ${existing.constructor.name}`);
    }
    return existing as M;
  }
}
