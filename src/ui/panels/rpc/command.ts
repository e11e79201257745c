/**
 * The RPC console's line editing: a kamcmd-style line split into a command and its arguments
 * (double or single quotes keep spaces), and the history walked with the arrow keys.
 */

import type { ProgramInfo } from "../../../engine/index.js";

/** A command's argument as the console reads it back (quoted when it has spaces). */
function arg(word: string): string {
  return /\s/.test(word) ? `"${word}"` : word;
}

/**
 * Commands offered as one-click examples: only what the config can answer, naming its own
 * queues and tables (a fixed `htable.dump ipban` answered "error" for configs without one).
 * Each comes from a module the config loads: mqueue, pike, htable, sl.
 */
export function exampleCommands(program: ProgramInfo | undefined): string[] {
  if (!program) return [];
  const out: string[] = [];
  const queue = program.queues[0];
  if (queue) out.push("mqueue.get_sizes", `mqueue.fetch ${arg(queue.name)}`);
  if (program.pike) out.push("pike.top");
  const table = program.htables[0];
  if (table) out.push(`htable.dump ${arg(table.name)}`);
  if (program.modules.some((m) => m.name === "sl")) out.push("sl.stats");
  return out;
}

/** Lines kept in the history and in the transcript. */
export const HISTORY_CAP = 100;

/** `mqueue.fetch "my queue"` → `{command: "mqueue.fetch", args: ["my queue"]}`; undefined when blank. */
export function parseCommand(line: string): { command: string; args: string[] } | undefined {
  const words: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) words.push(m[1] ?? m[2] ?? m[3] ?? "");
  const [command, ...args] = words;
  return command ? { command, args } : undefined;
}

/**
 * One step through the history (oldest first): `up` goes back. `at` is the position now,
 * `history.length` meaning "the new line"; returns the new position and the text to show.
 */
export function historyStep(
  history: readonly string[],
  at: number,
  dir: "up" | "down",
  draft: string,
): { at: number; text: string } {
  const next = dir === "up" ? Math.max(0, at - 1) : Math.min(history.length, at + 1);
  return { at: next, text: next === history.length ? draft : (history[next] ?? draft) };
}

/** The history after running `line`: it goes last, once (an immediate repeat is not kept twice). */
export function remember(history: readonly string[], line: string): string[] {
  const next = history[history.length - 1] === line ? [...history] : [...history, line];
  return next.slice(-HISTORY_CAP);
}
