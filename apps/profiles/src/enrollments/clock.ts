import { Injectable } from '@nestjs/common';

/** The time enrollment rules see: one provider, so tests can move it without sleeping. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
