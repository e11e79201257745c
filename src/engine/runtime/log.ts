/**
 * Kamailio's log lines: `debug` filtering and the stderr layout
 * `%2d(%d) LEVEL: <prefix><module prefix>text`. Every line becomes a `log` event.
 */
import { levelLabel } from "../base/log-levels.js";
import type { Micros } from "../base/time.js";
import type { EventOutput } from "../events.js";

/** Who writes a line. */
export interface LogSource {
  index: number;
  pid: number;
}

/** Where a line belongs, for the event (route, request) and when it happens. */
export interface LogWhere {
  t: Micros;
  route?: string;
  req?: number;
  /** The core `log_prefix`, evaluated for the message being handled. */
  prefix?: string;
}

export class Logger {
  constructor(
    private readonly kernel: EventOutput,
    /** The core `debug` parameter. */
    public debug: number,
  ) {}

  enabled(level: number): boolean {
    return this.debug >= level;
  }

  /**
   * Writes `text` at `level` if enabled. `text` is the message after the module prefix; a
   * trailing newline is not part of it (`nl` says whether there was one).
   */
  write(src: LogSource, level: number, text: string, where: LogWhere, nl = true): void {
    if (!this.enabled(level) || !this.kernel.wants.log) return;
    const label = levelLabel(level);
    const msg = (where.prefix ?? "") + text;
    const line = `${String(src.index).padStart(2, " ")}(${src.pid}) ${label}: ${msg}`;
    this.kernel.emit({
      kind: "log",
      t: where.t,
      proc: src.index,
      level: label,
      route: where.route,
      req: where.req,
      msg,
      line,
      nl,
    });
  }

  /** A core message: `<core> [core/FILE:LINE]: FUNCTION(): text`. */
  core(src: LogSource, level: number, at: string, fn: string, text: string, where: LogWhere): void {
    this.write(src, level, `<core> [core/${at}]: ${fn}(): ${text}`, where);
  }

  /** A module's message: `MODULE [FILE:LINE]: FUNCTION(): text`. */
  module(src: LogSource, level: number, mod: string, at: string, fn: string, text: string, where: LogWhere): void {
    this.write(src, level, `${mod} [${at}]: ${fn}(): ${text}`, where);
  }
}
