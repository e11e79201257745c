/**
 * Figures a front end shows about every request — replies sent, routes entered, arrivals in the
 * last virtual second — kept by the engine when asked (SimulationOptions.figures), so that the
 * playground's worker need not ask for an event per request (about nine: arrived, started, done,
 * busy, idle, route enter and exit, reply...) only to count them. Each figure moves when the
 * clock reaches the time its event would carry (a reply written after a blocking call is stamped
 * later than the instant it is computed), so it always equals a count of those events delivered
 * so far: `kamsim run --events` and the views agree at every moment.
 */
import type { Micros } from "../base/time.js";

/** Runs `fn` where an event stamped at `t` would be delivered, in order (sim/kernel.ts `note`). */
export type AtEventTime = (t: Micros, fn: () => void) => void;

export class Figures {
  /** Replies sent by the script to a request (`reply` events). */
  replies = 0;
  /** Route names entered (`route` enter events) since the front end last took them. */
  private routes = new Set<string>();
  /** Arrival times of the last virtual second or more, oldest first from `head`. */
  private arrivals: Micros[] = [];
  private head = 0;
  private readonly countReply = () => {
    this.replies++;
  };

  constructor(private readonly at: AtEventTime) {}

  /** The script sent a reply stamped `t`. */
  reply(t: Micros): void {
    this.at(t, this.countReply);
  }

  /** A route was entered at `t`. */
  routeEntered(t: Micros, route: string): void {
    this.at(t, () => this.routes.add(route));
  }

  /** A datagram reached the socket (at the current time: arrivals are never stamped later). */
  arrived(t: Micros): void {
    this.arrivals.push(t);
    // Forget the older ones now and then, also when nobody looks for a long time.
    if ((this.arrivals.length & 0x3ff) === 0) this.arrivalsAfter(t - 1_000_000);
  }

  /** Arrivals after `from` (µs) up to now; older ones are forgotten (arrivals come in time order). */
  arrivalsAfter(from: Micros): number {
    const list = this.arrivals;
    while (this.head < list.length && (list[this.head] as Micros) <= from) this.head++;
    // Amortised: drop the forgotten head once it is half the list.
    if (this.head > 1024 && this.head * 2 > list.length) {
      this.arrivals = list.slice(this.head);
      this.head = 0;
    }
    return this.arrivals.length - this.head;
  }

  /** The routes entered since the last call. */
  takeRoutes(): string[] {
    const out = [...this.routes];
    this.routes.clear();
    return out;
  }
}
