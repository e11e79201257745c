/**
 * Constant operands of the wrong type are parse errors in Kamailio (`5 + "10"`, `"9" < "10"`:
 * "bad expression: type mismatch: str instead of int", docs/kamailio/values-and-expressions.md#constant-type-errors), while the same operations on
 * variables convert at run time; a string constant beside a variable is still refused by an
 * operator that needs ints (`$var(s) < "10"`). This finds the static type of constant sub-expressions.
 */
import type { BinaryExpr, Expr } from "../ast.js";
import type { DiagnosticBag } from "../diagnostics.js";

export type StaticType = "int" | "str" | "dynamic";

/** Operators that force both sides to int (rvalue.c `rve_check_type()`, the RV_INT group). */
const INT_OPS: ReadonlySet<string> = new Set([
  "&&",
  "||",
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
function staticType(e: Expr): StaticType {
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
  const mismatch = (side: Expr) =>
    diags.error("type_mismatch", "bad expression: type mismatch: str instead of int", side.span);
  if (INT_OPS.has(e.op)) {
    // rve_check_type() judges each side on its own: a string side is refused even when the
    // other is a variable (`$var(s) < "10"`), whose type is only known at run time (RV_NONE).
    if (l === "str") mismatch(e.left);
    else if (r === "str") mismatch(e.right);
    return;
  }
  if (l === "dynamic" || r === "dynamic") return;
  if ((e.op === "+" || e.op === "==" || e.op === "!=") && l === "int" && r === "str") mismatch(e.right);
}
