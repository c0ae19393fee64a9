import { randomUUID } from 'node:crypto';

/** Identifiers are opaque strings; new ones are random UUIDs. */
export type Id = string;

export const newId = (): Id => randomUUID();

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID_PATTERN.test(value);
