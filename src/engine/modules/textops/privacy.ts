/**
 * is_privacy(value) (textops.c is_privacy_f over parse_privacy() of
 * src/core/parser/parse_privacy.c, 5.6.3): 1 when the Privacy header holds the value. The header
 * is a `;`-separated list of `user`, `header`, `session`, `none`, `critical`, `id`, `history`
 * (any case, blanks around `;`); a header that does not parse — or `none` with another value —
 * logs the parser's error and answers −1, as does a request without Privacy. The value must be
 * one of the names, fixed at start-up (fixup_privacy).
 */
import { L_ERR } from "../../base/log-levels.js";
import type { ScriptContext } from "../../runtime/context.js";
import type { CallArg, FunctionImpl } from "../../runtime/env.js";
import { whereIn } from "../../runtime/services.js";

const VALUES: readonly [string, number][] = [
  ["user", 1],
  ["header", 2],
  ["session", 4],
  ["none", 8],
  ["critical", 16],
  ["id", 32],
  ["history", 64],
];

const END = new Set(["", ";", " ", "\t", "\r", "\n"]);

/** parse_priv_value(): the value at `p` and its length; [0, 0] when there is none. */
export function privValue(text: string, p: number): [number, number] {
  for (const [name, bit] of VALUES) {
    if (text.slice(p, p + name.length).toLowerCase() !== name) continue;
    if (!END.has(text[p + name.length] ?? "")) return [0, 0];
    return [bit, name.length];
  }
  return [0, 0];
}

function parseErr(ctx: ScriptContext, line: number, text: string): void {
  ctx.sv.log.core(ctx.proc, L_ERR, `parser/parse_privacy.c:${line}`, "parse_privacy", text, whereIn(ctx));
}

/** parse_privacy(): the bits of the header's values, or undefined after the parser's error. */
function parsePrivacy(ctx: ScriptContext, body: string): number | undefined {
  const isBlank = (c: string | undefined) => c === " " || c === "\t" || c === "\r" || c === "\n";
  let p = 0;
  while (p < body.length && (body[p] === " " || body[p] === "\t")) p++;
  if (p >= body.length) {
    parseErr(ctx, 174, "no values");
    return undefined;
  }
  let values = 0;
  while (p < body.length) {
    const [bit, len] = privValue(body, p);
    if (len === 0) {
      parseErr(ctx, 189, "invalid privacy value");
      return undefined;
    }
    values |= bit;
    p += len;
    while (p < body.length && isBlank(body[p])) p++;
    if (p >= body.length) break;
    if (body[p] !== ";") {
      parseErr(ctx, 209, "semicolon expected");
      return undefined;
    }
    p++;
    while (p < body.length && isBlank(body[p])) p++;
    if (p >= body.length) {
      parseErr(ctx, 205, "no privacy value after comma");
      return undefined;
    }
  }
  if (values & 8 && values !== 8) {
    parseErr(ctx, 215, "no other privacy values allowed with 'none'");
    return undefined;
  }
  return values;
}

export const is_privacy: FunctionImpl = {
  compile(args, env) {
    const text = (args[0] as CallArg).literal ?? "";
    const [bit, len] = privValue(text, 0);
    if (text === "" || len !== text.length)
      env.fixupError(`fixup_privacy(): invalid privacy value`, (args[0] as CallArg).node.span);
    return (ctx) => {
      const body = ctx.msg.header("privacy");
      if (body === undefined) return -1;
      const values = parsePrivacy(ctx, body);
      return values !== undefined && values & bit ? 1 : -1;
    };
  },
};
