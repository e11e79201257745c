/**
 * The type Kamailio's fixup guesses for an expression (rvalue.c rve_guess_type): "int" or "str"
 * when the operators alone decide it, "none" when only the run-time value can (a PV, `selval`).
 * The fixup turns `a + b` into an int addition or a string concatenation when it can guess
 * `a`, and that choice shows when the sum is used as an int (a condition, an operand of `-`).
 */
import type { Expr } from "../lang/ast.js";

export type GuessedType = "int" | "str" | "none";

export function guessType(e: Expr): GuessedType {
  switch (e.kind) {
    case "NumberLit":
    case "CallExpr":
    case "RouteCall":
    case "UnaryExpr":
      return "int";
    case "StringLit":
    case "IpLit":
      return "str";
    case "CastExpr":
      return e.to === "int" ? "int" : "str";
    case "BinaryExpr":
      // '+' evaluates to the type of its left operand; every other operator gives an int.
      return e.op === "+" ? guessType(e.left) : "int";
    case "BuiltinExpr":
      return e.name === "selval" ? "none" : "int";
    default:
      return "none";
  }
}
