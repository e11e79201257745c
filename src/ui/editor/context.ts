/**
 * What is being typed at the cursor, from the text alone: a module name after `loadmodule "`, a
 * modparam, a pseudo-variable after `$`, a call's argument, a statement inside a route block,
 * a core parameter at the top level. Completion turns the answer into suggestions.
 */
import { innermost, type Structure, structureBefore } from "./structure.js";
import { codeTokens, isWord, newlineBetween, type Token, tokenize } from "./tokens.js";

/** `from` is where the text to replace starts; `quoted`: the cursor is inside a string. */
export type CompletionContext =
  | { kind: "none" }
  | { kind: "module"; from: number; quoted: boolean }
  | { kind: "modparam-module"; from: number; quoted: boolean }
  | { kind: "modparam-param"; module: string; from: number; quoted: boolean }
  | { kind: "modparam-value"; module: string; param: string; key: string | undefined; from: number }
  | { kind: "pv"; from: number }
  | { kind: "pv-inner"; pv: string; from: number }
  | { kind: "argument"; fn: string; index: number; from: number; quoted: boolean }
  | { kind: "statement"; from: number }
  | { kind: "top-level"; from: number };

/** Frames whose parentheses hold an expression, where statements' functions are valid. */
const EXPRESSION_FRAMES = new Set(["", "if", "while", "switch", "return"]);

const PV_INNER = /\$([A-Za-z_][\w.]*)\(([^()]*)$/;
const PV_NAME = /\$[A-Za-z_]?[\w.]*$/;

/** A pseudo-variable being typed at the end of `before` (which ends at `offset`). */
function pvContext(before: string, offset: number): CompletionContext | undefined {
  const inner = PV_INNER.exec(before);
  if (inner) return { kind: "pv-inner", pv: inner[1] as string, from: offset - (inner[2] as string).length };
  const name = PV_NAME.exec(before);
  if (name) return { kind: "pv", from: offset - name[0].length };
  return undefined;
}

function previousCode(toks: readonly Token[], index: number): Token | undefined {
  return toks[index - 1];
}

/** Inside a string: which string it is decides what it can hold. */
function inString(text: string, toks: Token[], str: Token, offset: number): CompletionContext {
  const content = text.slice(str.start + 1, offset);
  const pv = pvContext(content, offset);
  if (pv) return pv;
  const at = toks.indexOf(str);
  const prev = previousCode(toks, at);
  const beforePrev = previousCode(toks, at - 1);
  const from = str.start + 1;
  if (isLoadmodule(prev) || (prev?.text === "(" && isLoadmodule(beforePrev))) {
    const slash = content.lastIndexOf("/");
    return { kind: "module", from: slash === -1 ? from : from + slash + 1, quoted: true };
  }
  const frame = innermost(structureBefore(toks, at));
  if (!frame) return { kind: "none" };
  if (frame.name === "modparam") return modparamContext(frame.index, frame.args, content, from, true);
  return { kind: "argument", fn: frame.name, index: frame.index, from, quoted: true };
}

function isLoadmodule(t: Token | undefined): boolean {
  return t?.kind === "ident" && (t.text === "loadmodule" || t.text === "loadmodulex");
}

function modparamContext(
  index: number,
  args: (string | undefined)[],
  content: string,
  from: number,
  quoted: boolean,
): CompletionContext {
  const [module, param] = args;
  if (index === 0) return { kind: "modparam-module", from, quoted };
  if (index === 1) return module ? { kind: "modparam-param", module, from, quoted } : { kind: "none" };
  if (index !== 2 || !module || !param || !quoted) return { kind: "none" };
  // Values like `timer=ta;route=QMALERT`: complete inside the current `key=` part.
  const part = /(?:^|;)\s*([\w]+)=([^;=]*)$/.exec(content);
  if (part)
    return {
      kind: "modparam-value",
      module,
      param,
      key: part[1],
      from: from + content.length - (part[2] as string).length,
    };
  const start = content.lastIndexOf(";") + 1;
  return { kind: "modparam-value", module, param, key: undefined, from: from + start };
}

/** In code (not in a string or comment). */
function inCode(text: string, toks: Token[], word: Token | undefined, offset: number): CompletionContext {
  const from = word ? word.start : offset;
  const before = word ? toks.slice(0, -1) : toks;
  const s: Structure = structureBefore(before);
  const frame = innermost(s);
  if (frame && frame.name === "modparam") return modparamContext(frame.index, frame.args, "", from, false);
  if (frame && !EXPRESSION_FRAMES.has(frame.name)) {
    return { kind: "argument", fn: frame.name, index: frame.index, from, quoted: false };
  }
  if (s.depth > 0 || frame) return { kind: "statement", from };
  const prev = before[before.length - 1];
  const startsStatement = !prev || prev.text === ";" || prev.text === "}" || newlineBetween(text, prev.end, from);
  return startsStatement ? { kind: "top-level", from } : { kind: "none" };
}

/** What completion should offer at `offset` in `text`. */
export function completionContext(text: string, offset: number): CompletionContext {
  const all = tokenize(text, offset);
  const last = all[all.length - 1];
  const touching = last && last.end === offset ? last : undefined;
  if (touching?.kind === "comment") {
    // A line comment ends at the newline: the cursor after it is on the next line.
    if (touching.open || !touching.text.startsWith("/*")) return { kind: "none" };
  }
  if (touching?.kind === "directive") return { kind: "none" };
  const toks = codeTokens(all);
  if (touching?.kind === "string" && touching.open) return inString(text, toks, touching, offset);
  if (touching?.kind === "pvar") {
    return pvContext(touching.text, offset) ?? { kind: "none" };
  }
  const word = touching && isWord(touching) ? touching : undefined;
  if (!word && (touching?.kind === "number" || touching?.kind === "ipv4" || touching?.kind === "ipv6")) {
    return { kind: "none" };
  }
  return inCode(text, toks, word, offset);
}
