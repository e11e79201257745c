/**
 * Kamailio's operators on script values (rvalue.c): 32-bit int arithmetic, `+` decided by the
 * left operand's type, `==` by the left operand's type, regex matching case-insensitively.
 * A failed operation (division by zero, bad regex) throws ExprFail after logging as Kamailio does.
 */
import { compileRegex, type PosixRegex } from "../base/regex/index.js";
import type { BinaryOp } from "../lang/ast.js";
import { type ConversionWarning, int32, toInt, toStr, type Value } from "./values.js";

/** Thrown when an expression cannot be evaluated (Kamailio's rval_expr_eval returning an error). */
export class ExprFail {
  constructor(readonly reason: string) {}
}

export type IntOp = (a: number, b: number) => number;

/** Integer operators. Division truncates toward zero; shifts and products wrap like C ints. */
export const INT_OPS: Partial<Record<BinaryOp, IntOp>> = {
  "-": (a, b) => int32(a - b),
  "*": (a, b) => Math.imul(a, b),
  "/": (a, b) => {
    if (b === 0) throw new ExprFail("rv div by 0");
    return int32(a / b);
  },
  mod: (a, b) => {
    if (b === 0) throw new ExprFail("rv mod by 0");
    return int32(a % b);
  },
  "|": (a, b) => a | b,
  "&": (a, b) => a & b,
  "^": (a, b) => a ^ b,
  "<<": (a, b) => a << b,
  ">>": (a, b) => a >> b,
  "<": (a, b) => (a < b ? 1 : 0),
  ">": (a, b) => (a > b ? 1 : 0),
  "<=": (a, b) => (a <= b ? 1 : 0),
  ">=": (a, b) => (a >= b ? 1 : 0),
  ieq: (a, b) => (a === b ? 1 : 0),
  ine: (a, b) => (a !== b ? 1 : 0),
};

/** `+`: int addition when the left value is an int, string concatenation otherwise (docs/kamailio/values-and-expressions.md#plus). */
export function plus(a: Value, b: Value, warn: () => ConversionWarning): Value {
  if (typeof a === "number") return int32(a + (typeof b === "number" ? b : toInt(b, warn())));
  return toStr(a) + toStr(b);
}

/**
 * `==` (and `!=` negated): an int left side compares as ints, a string left side compares as
 * strings; an undefined left side takes the right side's type (rvalue.c RVE_EQ_OP).
 */
export function equals(a: Value, b: Value, warn: () => ConversionWarning): boolean {
  if (typeof a === "number") return a === (typeof b === "number" ? b : toInt(b, warn()));
  if (a === null) {
    if (typeof b === "number") return b === 0;
    return toStr(b) === "";
  }
  return a === toStr(b);
}

const regexCache = new Map<string, PosixRegex>();

/**
 * `=~`: POSIX extended regex as regcomp(REG_EXTENDED|REG_NOSUB|REG_ICASE) gives it (rvalue.c
 * fix_match_rve and bool_rvstrop2), unanchored (docs/kamailio/values-and-expressions.md#regex-match).
 * A constant pattern that does not compile is refused at start-up by the checker; one that comes
 * from a variable fails the expression, as Kamailio's "Bad regular expression" does.
 */
export function matches(text: string, re: string): boolean {
  let r = regexCache.get(re);
  if (!r) {
    const c = compileRegex(re, { icase: true, nosub: true });
    if (!c.ok) throw new ExprFail(`Bad regular expression "${re}"`);
    r = c.re;
    if (regexCache.size > 1000) regexCache.clear();
    regexCache.set(re, r);
  }
  return r.test(text);
}
