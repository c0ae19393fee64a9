import type { ArgumentsHost } from '@nestjs/common';
import { lastValueFrom, type Observable } from 'rxjs';
import { ProblemDetailsFilter } from './problem-details.filter';

describe('ProblemDetailsFilter outside HTTP', () => {
  it('hands the exception back unchanged to other transports (the Kafka consumer)', async () => {
    const error = new Error('handler failed');
    const host = { getType: () => 'rpc' } as unknown as ArgumentsHost;
    const result = new ProblemDetailsFilter().catch(error, host) as Observable<never>;
    await expect(lastValueFrom(result)).rejects.toBe(error);
  });
});
