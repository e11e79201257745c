/**
 * Log lines of both sides brought to one comparable form, changing only what must differ
 * between a simulation and a real run:
 * - the PID after the process number (kamsim's are simulated), also inside glued lines, and the
 *   one jsonrpcs prints when its datagram process starts (`a new child 0/PID`,
 *   modules/jsonrpcs/jsonrpcs_sock.c jsonrpc_dgram_process());
 * - the wall-clock seconds of an acc record (`timestamp=…`: acc_log_request() prints the
 *   gettimeofday() taken when the transaction's record was made, modules/acc/acc.c; kamsim's
 *   clock starts at its fixed epoch), the time of day, not a result;
 * - pointer values (`node=0x7f15...`): any `0x` with 8 or more hex digits;
 * - the absolute path of the config file Kamailio was given → `kamailio.cfg`.
 * And only these lines are left out, on both sides alike:
 * - start-up: process 0's lines before the first request (Kamailio's start-up chatter; kamsim
 *   prints none) and, on the Kamailio side, process 0's lines before its processes were forked;
 * - internal debug chatter: `DEBUG` lines not written by the script (`<script>: ` prefix) —
 *   with `debug=3` Kamailio logs its parser and memory work for every message; kamsim does not
 *   simulate that;
 * - anything at or after the run's end (Kamailio's shutdown lines).
 * A line without the `N(PID) LEVEL: ` head continues the line before it (a message with an
 * inner newline), on both sides.
 */

/** One log record ready for comparison. */
export interface LogRecord {
  /** Seconds since t = 0. */
  t: number;
  /** Process number. */
  proc: number;
  /** Level label (`ERROR`, `` for L_CRIT, ...). */
  level: string;
  /** `LEVEL: text` with PIDs, pointers and the config path normalised. */
  text: string;
  /** For kamsim lines: the request being handled, when a SIP worker wrote it. */
  req?: number;
}

const HEAD = /^\s*(\d+)\((-?\d+)\) ([A-Z]*): ([\s\S]*)$/;

/** Physical lines (time, text) → records, continuation lines joined to the record before. */
export function toRecords(
  lines: readonly { t: number; text: string; req?: number }[],
  configPath: string,
): LogRecord[] {
  const out: LogRecord[] = [];
  for (const l of lines) {
    for (const part of l.text.split("\n")) {
      const m = HEAD.exec(part);
      const last = out[out.length - 1];
      if (!m) {
        if (last) last.text += `\n${normalizeText(part, configPath)}`;
        continue;
      }
      const level = m[3] as string;
      const rec: LogRecord = {
        t: l.t,
        proc: Number(m[1]),
        level,
        text: normalizeText(`${level}: ${m[4]}`, configPath),
      };
      if (l.req !== undefined) rec.req = l.req;
      out.push(rec);
    }
  }
  return out;
}

/** Normalises one line's text (see the file comment). */
export function normalizeText(text: string, configPath: string): string {
  let s = configPath ? text.split(configPath).join("kamailio.cfg") : text;
  s = s.replace(/0x[0-9a-fA-F]{8,}/g, "0x…");
  // A glued line carries the next line's head `N(PID) LEVEL: ` inside it.
  s = s.replace(/(\d+)\(-?\d+\) (?=[A-Z]*: )/g, "$1(PID) ");
  s = s.replace(/(jsonrpc_dgram_process\(\): a new child \d+\/)\d+/, "$1PID");
  s = s.replace(/(acc_log_request\(\): .*?\btimestamp=)\d+/, "$1…");
  return s;
}

/** Internal debug chatter: a DEBUG line not written by the script. */
export function isInternalDebug(r: LogRecord): boolean {
  return r.level === "DEBUG" && !r.text.startsWith("DEBUG: <script>: ");
}

/**
 * Keeps the records the comparison looks at (see the file comment). A line of a child process
 * (number > 0) read before t = 0 was written after the first fork all the same (t = 0 is when the
 * harness saw the first child in /proc; on a busy machine it may read a child's first line before
 * its next scan): it counts at t = 0.
 */
export function keepComparable(records: readonly LogRecord[], firstRequest: number, end: number): LogRecord[] {
  return records.flatMap((r) => {
    if (r.t < 0 && r.proc === 0) return [];
    const t = Math.max(0, r.t);
    if (t >= end) return [];
    if (r.proc === 0 && t < firstRequest) return [];
    if (isInternalDebug(r)) return [];
    return [t === r.t ? r : { ...r, t }];
  });
}
