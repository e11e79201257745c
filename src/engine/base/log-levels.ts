/**
 * Kamailio's log levels (core/dprint.h): the numbers `debug` and `xlog` compare, and the label
 * each prints after the process number. Every layer that writes a log line uses these.
 */

/** Kamailio's log level labels; L_CRIT prints an empty label. */
export type LogLevel = "ALERT" | "BUG" | "CRITICAL" | "" | "ERROR" | "WARNING" | "NOTICE" | "INFO" | "DEBUG";

/** Kamailio's level numbers (dprint.h). */
export const L_ALERT = -5;
export const L_BUG = -4;
export const L_CRIT2 = -3;
export const L_CRIT = -2;
export const L_ERR = -1;
export const L_WARN = 0;
export const L_NOTICE = 1;
export const L_INFO = 2;
export const L_DBG = 3;

const LABELS: readonly LogLevel[] = ["ALERT", "BUG", "CRITICAL", "", "ERROR", "WARNING", "NOTICE", "INFO", "DEBUG"];

/** The label printed for a level; out-of-range levels clamp (level 4 prints DEBUG). */
export function levelLabel(level: number): LogLevel {
  const i = Math.max(0, Math.min(LABELS.length - 1, level + 5));
  return LABELS[i] as LogLevel;
}
