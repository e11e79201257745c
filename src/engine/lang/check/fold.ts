/**
 * A module function's parameter written as a constant expression (`"a" + "b"`, `400 + 4`) is
 * evaluated when the config is read and handed to the function's fixup as the string it gives
 * (core/cfg.y mod_f_params_pre_fixup() and core/route.c fix_actions(): `rve_is_constant()`, then
 * `rval_expr_eval()` and `rval_get_str()`), so `xlog("a" + "b")` is `xlog("ab")`
 * (docs/kamailio/values-and-expressions.md#constant-parameters).
 */
import type { Expr, StringLit } from "../ast.js";

type Const = number | string;

const int32 = (n: number) => n | 0;

/** Int operators Kamailio folds (rvalue.c), on 32-bit ints; undefined leaves it to run time. */
function intOp(op: string, a: number, b: number): number | undefined {
  switch (op) {
    case "+":
      return int32(a + b);
    case "-":
      return int32(a - b);
    case "*":
      return Math.imul(a, b);
    case "/":
      return b === 0 ? undefined : int32(Math.trunc(a / b));
    case "mod":
      return b === 0 ? undefined : int32(a % b);
    case "|":
      return a | b;
    case "&":
      return a & b;
    case "^":
      return a ^ b;
    default:
      return undefined;
  }
}

/** The value of an expression made only of literals, or undefined (not constant, or not folded here). */
function evaluate(e: Expr): Const | undefined {
  switch (e.kind) {
    case "StringLit":
      return e.value;
    case "NumberLit":
      return int32(e.value);
    case "UnaryExpr": {
      const v = evaluate(e.operand);
      if (typeof v !== "number") return undefined;
      return e.op === "-" ? int32(-v) : e.op === "~" ? ~v : undefined;
    }
    case "BinaryExpr": {
      const l = evaluate(e.left);
      const r = evaluate(e.right);
      if (l === undefined || r === undefined) return undefined;
      // `+` goes by the left side: a string concatenates (the right side as its text).
      if (e.op === "+" && typeof l === "string") return l + String(r);
      if (typeof l !== "number" || typeof r !== "number") return undefined;
      return intOp(e.op, l, r);
    }
    default:
      return undefined;
  }
}

/** The string literal a constant parameter becomes, or undefined when it is not a constant expression. */
export function foldParam(e: Expr): StringLit | undefined {
  if (e.kind === "StringLit" || e.kind === "NumberLit") return undefined;
  const v = evaluate(e);
  if (v === undefined) return undefined;
  return { kind: "StringLit", value: String(v), quote: '"', span: e.span };
}
