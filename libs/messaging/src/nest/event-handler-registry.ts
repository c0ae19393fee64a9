import { Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { EventEnvelope, EventType } from '@medmentor/contracts';
import { eventCatalog } from '@medmentor/contracts';
import { runWithCorrelationId } from '@medmentor/platform';
import type { HandlerContext } from '../consumer/message-processor';
import { EVENT_HANDLER_METADATA } from './event-handler.decorator';

type BoundHandler = (envelope: EventEnvelope, context: HandlerContext) => Promise<void>;

/**
 * Finds `@EventHandler` methods on providers and calls them directly. Nest's own event
 * pattern pipeline is not used: it fires event handlers without awaiting their errors,
 * which would defeat retries and dead-lettering.
 */
@Injectable()
export class EventHandlerRegistry {
  private handlers: Map<EventType, BoundHandler> | undefined;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  get all(): Map<EventType, BoundHandler> {
    this.handlers ??= this.discover();
    return this.handlers;
  }

  topics(): string[] {
    return [...new Set([...this.all.keys()].map((type) => eventCatalog[type].topic))];
  }

  handles(type: EventType): boolean {
    return this.all.has(type);
  }

  async dispatch(type: EventType, envelope: EventEnvelope, context: HandlerContext): Promise<void> {
    const handler = this.all.get(type);
    if (!handler) throw new Error(`no handler for ${type}`);
    // Logs and events made while handling carry the flow's correlation id.
    await runWithCorrelationId(envelope.correlationid, () => handler(envelope, context));
  }

  private discover(): Map<EventType, BoundHandler> {
    const found = new Map<EventType, BoundHandler>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const method = (instance as Record<string, unknown>)[name];
        if (typeof method !== 'function') continue;
        const type = this.reflector.get<EventType | undefined>(EVENT_HANDLER_METADATA, method);
        if (!type) continue;
        if (found.has(type)) throw new Error(`two handlers for ${type} in one service`);
        found.set(type, async (envelope, context) => {
          await (method as BoundHandler).call(instance, envelope, context);
        });
      }
    }
    return found;
  }
}
