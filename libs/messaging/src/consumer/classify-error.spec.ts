import { ContractViolationError } from '@medmentor/contracts';
import { z } from 'zod';
import { classifyError } from './classify-error';
import { PermanentEventError } from './permanent-event.error';

const named = (name: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(name), { name, ...extra });

describe('classifyError', () => {
  it.each([
    ['a contract violation', new ContractViolationError('bad payload')],
    ['a permanent event error', new PermanentEventError('unknown program')],
    ['a zod error', z.string().safeParse(1).error],
  ])('treats %s as invalid', (_label, error) => {
    expect(classifyError(error)).toBe('invalid');
  });

  it.each([
    ['MongoServerSelectionError', named('MongoServerSelectionError')],
    ['MongoNetworkError', named('MongoNetworkError')],
    ['a retriable kafkajs error', named('KafkaJSProtocolError', { retriable: true })],
    ['KafkaJSConnectionError', named('KafkaJSConnectionError')],
    ['ECONNREFUSED', Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })],
    [
      'a mongo error labelled retryable',
      named('MongoServerError', { errorLabelSet: new Set(['RetryableWriteError']) }),
    ],
    ['a transient cause', new Error('wrapped', { cause: named('MongoNetworkTimeoutError') })],
    [
      'a bulk write that failed as a whole while the database was down',
      named('MongoBulkWriteError', {
        writeErrors: [],
        errorResponse: named('MongoServerSelectionError'),
      }),
    ],
  ])('treats %s as transient', (_label, error) => {
    expect(classifyError(error)).toBe('transient');
  });

  it.each([
    ['a plain error', new Error('boom')],
    ['a type error', new TypeError('x is undefined')],
    ['a string', 'oops'],
    ['null', null],
    ['a duplicate key error', named('MongoServerError', { code: 11000 })],
    [
      'a bulk write with duplicate keys',
      named('MongoBulkWriteError', {
        code: 11000,
        errorResponse: named('MongoServerError', { code: 11000 }),
      }),
    ],
  ])('treats %s as failed (bounded retries)', (_label, error) => {
    expect(classifyError(error)).toBe('failed');
  });
});
