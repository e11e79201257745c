/**
 * The core's own actions take tokens, not expressions: core/cfg.y has a rule per action with the
 * token each argument must be (`STRIP LPAREN NUMBER RPAREN`, `SET_HOST LPAREN STRING RPAREN`,
 * `LOG_TOK LPAREN NUMBER COMMA STRING RPAREN`), and anything else falls into the action's
 * `error` rule: a parse error at `-c`, `bad argument, number expected` and the like
 * (docs/kamailio/language.md#core-action-arguments). Module functions differ (fold.ts).
 */
import type { Expr } from "../ast.js";

type Token = "num" | "str";

/** Action name (every spelling cfg.lex gives it) → argument count → the tokens, and the words of its error rule. */
interface Rule {
  args: Readonly<Record<number, readonly Token[]>>;
  error: string;
}

const STRING_ARG: Rule = { args: { 1: ["str"] }, error: "bad argument, string expected" };
const NUMBER_ARG: Rule = { args: { 1: ["num"] }, error: "bad argument, number expected" };

const RULES: Readonly<Record<string, Rule>> = {
  log: { args: { 1: ["str"], 2: ["num", "str"] }, error: "bad log argument" },
  error: { args: { 2: ["str", "str"] }, error: "bad error argument" },
  strip: NUMBER_ARG,
  strip_tail: NUMBER_ARG,
  prefix: STRING_ARG,
  ...Object.fromEntries(
    [
      ["rewritehost", "sethost", "seth"],
      ["rewritehostport", "sethostport", "sethp"],
      ["rewritehostporttrans", "sethostporttrans", "sethpt"],
      ["rewriteuser", "setuser", "setu"],
      ["rewriteuserpass", "setuserpass", "setup"],
      ["rewriteport", "setport", "setp"],
      ["rewriteuri", "seturi"],
    ]
      .flat()
      .map((name) => [name, STRING_ARG]),
  ),
};

// NUMBER has no sign in cfg.lex: `-1` is MINUS NUMBER, which no rule takes.
const fits = (e: Expr, t: Token) => (t === "num" ? e.kind === "NumberLit" && e.value >= 0 : e.kind === "StringLit");

/** The first argument of a core action that is not the token its rule wants, with Kamailio's words. */
export function coreArgError(name: string, args: readonly Expr[]): { arg: Expr; message: string } | undefined {
  const rule = RULES[name];
  const tokens = rule?.args[args.length];
  if (!rule || !tokens) return undefined;
  const i = args.findIndex((a, k) => !fits(a, tokens[k] as Token));
  if (i < 0) return undefined;
  return { arg: args[i] as Expr, message: rule.error };
}
