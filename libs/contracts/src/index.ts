export * from './topics';
export * from './envelope/event-envelope.schema';
export * from './events/diagnostics-ping-sent/diagnostics-ping-sent.event';
export * from './catalog/event-catalog';
export * from './catalog/render-events-markdown';
export * from './codec/contract-violation.error';
export * from './codec/create-event';
export * from './codec/decode-event';
