import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { MetricsRegistry } from './metrics-registry.service';

export const HTTP_DURATION_METRIC = 'http_request_duration_seconds';

// A request that matched no route is labelled with this, never its raw URL (cardinality).
export const UNMATCHED_ROUTE = 'unmatched';

/** Records every HTTP response's duration, labelled by method, route template and status. */
@Injectable()
export class HttpMetricsHook implements OnModuleInit {
  constructor(
    @Inject(HttpAdapterHost) private readonly adapterHost: HttpAdapterHost,
    @Inject(MetricsRegistry) private readonly metrics: MetricsRegistry,
  ) {}

  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter;
    // Absent in a standalone application context (no HTTP server).
    if (adapter === undefined || adapter === null) return;
    const histogram = this.metrics.histogram<'method' | 'route' | 'status_code'>({
      name: HTTP_DURATION_METRIC,
      help: 'Duration of HTTP requests in seconds',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    });
    const fastify = adapter.getInstance<FastifyInstance>();
    fastify.addHook('onResponse', (request, reply, done) => {
      histogram.observe(
        {
          method: request.method,
          route: request.routeOptions.url ?? UNMATCHED_ROUTE,
          status_code: String(reply.statusCode),
        },
        reply.elapsedTime / 1000,
      );
      done();
    });
  }
}
