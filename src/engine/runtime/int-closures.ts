/**
 * Integer operators as one closure each, operator and operands fused: a script's arithmetic and
 * comparisons are its hottest code, and calling an operator through INT_OPS from a shared closure
 * costs an extra indirect call per evaluation (the call site sees every operator, so the engine
 * can never inline it). The semantics are INT_OPS' own; operators not listed here use it.
 */
import type { BinaryOp } from "../lang/ast.js";
import type { ScriptContext } from "./context.js";
import { INT_OPS } from "./ops.js";

type IntFn = (ctx: ScriptContext) => number;

/** `a op k` for an int literal `k`, or undefined when `op` is not an int operator. */
export function intOpLiteral(op: BinaryOp, a: IntFn, k: number): IntFn | undefined {
  switch (op) {
    case "-":
      return (ctx) => (a(ctx) - k) | 0;
    case "*":
      return (ctx) => Math.imul(a(ctx), k);
    case "/":
      // By zero: the generic operator throws at run time, which logs it as Kamailio does.
      if (k !== 0) return (ctx) => (a(ctx) / k) | 0;
      break;
    case "mod":
      if (k !== 0) return (ctx) => (a(ctx) % k) | 0;
      break;
    case "<":
      return (ctx) => (a(ctx) < k ? 1 : 0);
    case ">":
      return (ctx) => (a(ctx) > k ? 1 : 0);
    case "<=":
      return (ctx) => (a(ctx) <= k ? 1 : 0);
    case ">=":
      return (ctx) => (a(ctx) >= k ? 1 : 0);
    case "ieq":
      return (ctx) => (a(ctx) === k ? 1 : 0);
    case "ine":
      return (ctx) => (a(ctx) !== k ? 1 : 0);
  }
  const f = INT_OPS[op];
  return f && ((ctx) => f(a(ctx), k));
}

/** `a op b` for two int operands, or undefined when `op` is not an int operator. */
export function intOpBoth(op: BinaryOp, a: IntFn, b: IntFn): IntFn | undefined {
  switch (op) {
    case "-":
      return (ctx) => (a(ctx) - b(ctx)) | 0;
    case "*":
      return (ctx) => Math.imul(a(ctx), b(ctx));
    case "<":
      return (ctx) => (a(ctx) < b(ctx) ? 1 : 0);
    case ">":
      return (ctx) => (a(ctx) > b(ctx) ? 1 : 0);
    case "<=":
      return (ctx) => (a(ctx) <= b(ctx) ? 1 : 0);
    case ">=":
      return (ctx) => (a(ctx) >= b(ctx) ? 1 : 0);
    case "ieq":
      return (ctx) => (a(ctx) === b(ctx) ? 1 : 0);
    case "ine":
      return (ctx) => (a(ctx) !== b(ctx) ? 1 : 0);
  }
  const f = INT_OPS[op];
  return f && ((ctx) => f(a(ctx), b(ctx)));
}
