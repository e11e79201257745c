/**
 * The nameaddr class, `{nameaddr.name}`, `{nameaddr.uri}`, `{nameaddr.len}`, as
 * tr_eval_nameaddr() applies it with parse_nameaddr() (src/modules/pv/pv_trans.c and
 * src/core/parser/parse_nameaddr.c, 5.6.3). The name is everything before the first `<` outside
 * double quotes, as written (quotes and the blank before `<` kept); without a `<` the whole value
 * is the URI. Each process keeps the last value it parsed, even one whose `>` was missing: that
 * fails the first time, and the same text then reads from the half-filled result (its URI runs
 * to the end, its length is 0).
 */
import { bytesOf } from "./bytes.js";
import type { TrCursor } from "./parse.js";
import { type NameAddrParts, processState, type Transform } from "./support.js";

/** find_not_quoted() of src/core/parser/parser_f.h: `c` outside `"..."` (`\"` does not close). */
function findNotQuoted(s: string, from: number, c: string): number {
  let quoted = false;
  for (let i = from; i < s.length; i++) {
    if (!quoted) {
      if (s[i] === '"') quoted = true;
      else if (s[i] === c) return i;
    } else if (s[i] === '"' && s[i - 1] !== "\\") quoted = false;
  }
  return -1;
}

/** parse_nameaddr() on a byte string: the parts, and whether it succeeded (no `<` counts as success). */
export function parseNameAddr(bytes: string): { parts: NameAddrParts; ok: boolean } {
  const lt = findNotQuoted(bytes, 0, "<");
  if (lt < 0) return { parts: { name: "", uri: bytes, len: bytes.length }, ok: true };
  const gt = findNotQuoted(bytes, lt + 1, ">");
  const name = bytes.slice(0, lt);
  if (gt < 0) return { parts: { name, uri: bytes.slice(lt + 1), len: 0 }, ok: false };
  return { parts: { name, uri: bytes.slice(lt + 1, gt), len: gt + 1 }, ok: true };
}

/** Compiles `nameaddr.NAME`, or undefined when kamsim does not apply it. */
export function compileNameAddr(name: string, c: TrCursor): Transform | undefined {
  if ((name !== "name" && name !== "uri" && name !== "len") || !c.end()) return undefined;
  return (v, ctx) => {
    const text = bytesOf(v);
    if (text === "") return undefined;
    const state = processState(ctx);
    let parts = state.nameaddr?.text === text ? state.nameaddr.parts : undefined;
    if (!parts) {
      const r = parseNameAddr(text);
      state.nameaddr = { text, parts: r.parts };
      if (!r.ok) return undefined;
      parts = r.parts;
    }
    if (name === "len") return parts.len;
    return name === "name" ? parts.name : parts.uri;
  };
}
