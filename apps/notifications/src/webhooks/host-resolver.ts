import { lookup } from 'node:dns/promises';
import { Injectable } from '@nestjs/common';

export interface ResolvedAddress {
  address: string;
  family: number;
}

const RESOLVE_TIMEOUT_MS = 5000;

/** Resolves a host name to every address the system resolver gives (what a connection would use). */
@Injectable()
export class HostResolver {
  async resolve(hostname: string): Promise<ResolvedAddress[]> {
    return Promise.race([
      lookup(hostname, { all: true, verbatim: true }),
      new Promise<never>((_, reject) =>
        setTimeout(
          () => reject(new Error(`resolving ${hostname} timed out`)),
          RESOLVE_TIMEOUT_MS,
        ).unref(),
      ),
    ]);
  }
}
