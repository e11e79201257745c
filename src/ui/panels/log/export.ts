/** Saving the log as the CLI prints it: text, or JSON lines. */
import { createLogWriter, formatJsonLine, type LogEvent } from "../../../engine/index.js";

export function logAsText(lines: readonly LogEvent[]): string {
  let out = "";
  const write = createLogWriter((s) => {
    out += s;
  });
  for (const e of lines) write(e);
  return out;
}

export function logAsJsonLines(lines: readonly LogEvent[]): string {
  return lines.map((e) => `${formatJsonLine(e)}\n`).join("");
}

/** Offers a text as a file download. */
export function download(name: string, text: string, type = "text/plain"): void {
  downloadBlob(name, new Blob([text], { type }));
}

/** Saves `blob` as a file named `name` (the browser's download). */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
