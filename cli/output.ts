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

export function createOutput(fd: number): { write: (s: string) => void; end: () => void } {
  let buf = "";
  return {
    write: (s) => {
      buf += s;
      if (buf.length > 1 << 16) {
        writeAll(fd, buf);
        buf = "";
      }
    },
    end: () => {
      writeAll(fd, buf);
      buf = "";
    },
  };
}
