import { Injectable } from '@nestjs/common';

/** The time the service acts at; injected so deadlines and expiry can be tested. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
