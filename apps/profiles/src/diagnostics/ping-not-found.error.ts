import { DomainError } from '@medmentor/platform';

export class PingNotFoundError extends DomainError {
  constructor(pingId: string) {
    super({ code: 'ping-not-found', status: 404, title: 'Ping not found', detail: `No ping ${pingId} in this tenant.` });
  }
}
