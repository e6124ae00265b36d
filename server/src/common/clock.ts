/** The time source; injected so that deadline and publication rules are testable at any hour. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => new Date() };

/** A clock a test can set and move. */
export class FixedClock implements Clock {
  constructor(private current: Date) {}

  now(): Date {
    return new Date(this.current);
  }

  set(value: Date): void {
    this.current = value;
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** A clock that starts at a given instant and runs on in real time (the demo's DEMO_CLOCK). */
export class StartedClock implements Clock {
  private readonly offsetMs: number;

  constructor(start: Date, realNow: () => number = Date.now) {
    this.offsetMs = start.getTime() - realNow();
    this.realNow = realNow;
  }

  private readonly realNow: () => number;

  now(): Date {
    return new Date(this.realNow() + this.offsetMs);
  }
}
