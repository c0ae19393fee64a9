import { SetMetadata } from '@nestjs/common';
import type { EventPayload, EventType, EventEnvelope } from '@medmentor/contracts';

export const EVENT_HANDLER_METADATA = 'medmentor:event-handler';

/**
 * Marks a provider method as the handler of one event type:
 * `@EventHandler('medmentor.diagnostics.ping.sent') async onPing(event: ConsumedEvent<'medmentor.diagnostics.ping.sent'>, ctx: HandlerContext)`.
 * The handler must be idempotent on its natural keys; the processed-events record stops
 * ordinary redeliveries before the handler runs.
 */
export const EventHandler = (type: EventType): MethodDecorator => SetMetadata(EVENT_HANDLER_METADATA, type);

/** The validated envelope a handler receives. */
export type ConsumedEvent<T extends EventType> = EventEnvelope<EventPayload<T>>;
