/**
 * Buffered, synchronous stdout: a simulation can print millions of lines; they go out in large
 * chunks, in order, before the process exits. A pipe that is full (EAGAIN) is waited for.
 */
import { writeSync } from "node:fs";

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Set once the reader has gone (`kamsim run ... | head`): the rest is dropped quietly. */
let closed = false;

function writeAll(fd: number, text: string): void {
  let rest = Buffer.from(text);
  while (rest.length > 0 && !closed) {
    try {
      rest = rest.subarray(writeSync(fd, rest));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EPIPE") closed = true;
      else if (code === "EAGAIN") Atomics.wait(pause, 0, 0, 2);
      else throw e;
    }
  }
}

/**
 * Wall time a line may wait in the buffer. A slow run (a script loop stopped by the step budget
 * each request, ~0.4 s each) printed nothing for minutes: its few lines never filled the buffer.
 */
const FLUSH_MS = 250;

export function createOutput(fd: number): { write: (s: string) => void; end: () => void } {
  let buf = "";
  let flushed = Date.now();
  return {
    write: (s) => {
      buf += s;
      if (buf.length > 1 << 16 || Date.now() - flushed > FLUSH_MS) {
        writeAll(fd, buf);
        buf = "";
        flushed = Date.now();
      }
    },
    end: () => {
      writeAll(fd, buf);
      buf = "";
    },
  };
}
