/**
 * Where a token stands in the config's structure: inside how many braces (0 = top level, where
 * core parameters, loadmodule and modparam live; more = inside a route block) and inside which
 * calls, at which argument, with the literal arguments seen so far.
 */
import { type Token, unquote } from "./tokens.js";

/** An open call (or parenthesis) around a position. */
export interface CallFrame {
  /** The identifier before `(`, or "" for a plain parenthesis. */
  name: string;
  /** 0-based argument the position is in. */
  index: number;
  /** Literal string/number arguments seen, by index. */
  args: (string | undefined)[];
}

export interface Structure {
  /** Braces open around the position. */
  depth: number;
  /** Open calls around the position, innermost last. */
  frames: CallFrame[];
}

/** Walks `tokens` (code tokens only) up to but not including `until`. */
export function structureBefore(tokens: readonly Token[], until = tokens.length): Structure {
  let depth = 0;
  let frames: CallFrame[] = [];
  for (let i = 0; i < until; i++) {
    const t = tokens[i] as Token;
    const top = frames[frames.length - 1];
    if (t.kind === "punct") {
      switch (t.text) {
        case "(": {
          const prev = tokens[i - 1];
          frames.push({ name: prev?.kind === "ident" ? prev.text : "", index: 0, args: [] });
          break;
        }
        case ")":
          frames.pop();
          break;
        case ",":
          if (top) top.index++;
          break;
        case "{":
          depth++;
          frames = [];
          break;
        case "}":
          depth = Math.max(0, depth - 1);
          frames = [];
          break;
        case ";":
          frames = [];
          break;
      }
    } else if (top && (t.kind === "string" || t.kind === "number") && top.args[top.index] === undefined) {
      top.args[top.index] = unquote(t);
    }
  }
  return { depth, frames };
}

/** The innermost open call, if any. */
export function innermost(s: Structure): CallFrame | undefined {
  return s.frames[s.frames.length - 1];
}
