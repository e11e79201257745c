/**
 * Constant operands of the wrong type are parse errors in Kamailio (`5 + "10"`, `"9" < "10"`:
 * "bad expression: type mismatch: str instead of int", docs/kamailio/values-and-expressions.md#constant-type-errors), while the same operations on
 * variables convert at run time. This finds the static type of constant sub-expressions.
 */
import type { BinaryExpr, Expr } from "../ast.js";
import type { DiagnosticBag } from "../diagnostics.js";

export type StaticType = "int" | "str" | "dynamic";

/** Operators that force both sides to int. */
const INT_OPS: ReadonlySet<string> = new Set([
  "-",
  "*",
  "/",
  "mod",
  "|",
  "&",
  "^",
  "<<",
  ">>",
  "<",
  ">",
  "<=",
  ">=",
  "ieq",
  "ine",
]);

/** The type of an expression when it is made only of constants. */
export function staticType(e: Expr): StaticType {
  switch (e.kind) {
    case "NumberLit":
      return "int";
    case "StringLit":
      return "str";
    case "BinaryExpr":
      if (INT_OPS.has(e.op)) return "int";
      if (e.op === "+") return staticType(e.left);
      return "dynamic";
    case "UnaryExpr":
      return e.op === "-" || e.op === "~" ? "int" : "dynamic";
    case "CastExpr":
      return e.to === "int" ? "int" : "str";
    default:
      return "dynamic";
  }
}

/** Reports a constant operand of the wrong type in a binary expression. */
export function checkOperandTypes(e: BinaryExpr, diags: DiagnosticBag): void {
  const l = staticType(e.left);
  const r = staticType(e.right);
  if (l === "dynamic" || r === "dynamic") return;
  const mismatch = (side: Expr) =>
    diags.error("type_mismatch", "bad expression: type mismatch: str instead of int", side.span);
  if (INT_OPS.has(e.op)) {
    if (l === "str") mismatch(e.left);
    else if (r === "str") mismatch(e.right);
  } else if ((e.op === "+" || e.op === "==" || e.op === "!=") && l === "int" && r === "str") {
    mismatch(e.right);
  }
}
