import { Injectable } from '@nestjs/common';

/** The time the service acts at; tests replace `now` to cross quiet hours and digest periods. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
