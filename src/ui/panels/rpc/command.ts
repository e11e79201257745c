/**
 * The RPC console's line editing: a kamcmd-style line split into a command and its arguments
 * (double or single quotes keep spaces), and the history walked with the arrow keys.
 */

/** Commands offered as one-click examples. */
export const EXAMPLE_COMMANDS = ["mqueue.get_sizes", "mqueue.fetch alert", "pike.top", "htable.dump ipban"];

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
