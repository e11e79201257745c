/**
 * Expressions → closures, with Kamailio's semantics (docs/kamailio/values-and-expressions.md): types decided at run time,
 * function calls worth 0/1 inside expressions, the optimiser's identities (`f() + 0` keeps the
 * raw return code, `x && 1` is `(int)x`), `== $null` already rewritten by the parser.
 */
import type { BinaryExpr, CallExpr, Expr, NumberLit, RouteCall } from "../lang/ast.js";
import { compileCallRaw, compileCallTruth, compileRouteCall } from "./calls.js";
import { kamailioPos } from "./cfg-pos.js";
import type { ScriptContext } from "./context.js";
import { conversionWarning } from "./core-log.js";
import type { CfgPos, CompileEnv, PvAccess } from "./env.js";
import { guessType } from "./guess-type.js";
import { intOpBoth, intOpLiteral } from "./int-closures.js";
import { compileKeywordCompare, keywordValue } from "./keywords.js";
import { ExprFail, equals, INT_OPS, matches, plus } from "./ops.js";
import { checkConcat, concatCannotFail } from "./pkg.js";
import { type ConversionWarning, strToInt, toStr, type Value } from "./values.js";

export type ValueFn = (ctx: ScriptContext) => Value;
export type IntFn = (ctx: ScriptContext) => number;

/** The int value of `v`, logging Kamailio's two warnings when a string does not convert. */
export function intOf(v: Value, ctx: ScriptContext, pos: CfgPos): number {
  if (typeof v === "number") return v;
  if (v === null) return 0;
  return strToInt(v, (s) => conversionWarning(ctx, s, pos));
}

/**
 * The raw return code of a call, when `e` is one (or an identity the optimiser reduces to one,
 * see reduceBinary): the value an assignment stores (rve_opt_01 turns `f() + 0` into `f()`).
 */
export function rawCall(e: Expr): CallExpr | RouteCall | undefined {
  if (e.kind === "CallExpr" || e.kind === "RouteCall") return e;
  if (e.kind !== "BinaryExpr") return undefined;
  const r = reduceBinary(e);
  return r.kind === "int" ? rawCall(r.operand) : undefined;
}

/** Expressions whose value is always an int, so no conversion is needed. */
export function alwaysInt(e: Expr): boolean {
  switch (e.kind) {
    case "NumberLit":
    case "CallExpr":
    case "RouteCall":
    case "UnaryExpr":
      return true;
    case "CastExpr":
      return e.to === "int";
    case "BinaryExpr":
      // Every operator but `+` yields an int (comparisons and logic give 0 or 1).
      return e.op !== "+";
    default:
      return false;
  }
}

/**
 * An expression as an int (conditions, `return e`): a call inside is worth 0 or 1; a value that
 * does not convert is logged at the expression's position (cfg-pos.ts).
 */
export function compileInt(e: Expr, env: CompileEnv): IntFn {
  const pos = kamailioPos(e, env.files, env.pos);
  if (e.kind === "PvarExpr" && e.spec) {
    const pv = env.pv(e.spec, e.span);
    const slot = pv.varSlot;
    if (slot !== undefined)
      return (ctx) => {
        const x = ctx.proc.vars[slot] ?? 0;
        return typeof x === "number" ? x : intOf(x, ctx, pos);
      };
    return (ctx) => {
      const x = pv.get(ctx);
      return typeof x === "number" ? x : intOf(x ?? null, ctx, pos);
    };
  }
  if (e.kind === "BinaryExpr" && e.op === "+") {
    const sum = intPlus(e, env);
    if (sum) return sum;
  }
  const v = compileExpr(e, env);
  if (alwaysInt(e)) return v as IntFn;
  return (ctx) => intOf(v(ctx), ctx, pos);
}

/** A left operand compileBinary gives no special meaning to (a keyword compares, a string literal concatenates). */
function isPlainOperand(e: Expr): boolean {
  return e.kind !== "StringLit" && e.kind !== "KeywordExpr";
}

/**
 * The value of an expression used directly as an assignment's right side: a function call
 * keeps its raw return code there (docs/kamailio/values-and-expressions.md#function-calls-in-expressions).
 */
export function compileAssigned(e: Expr, env: CompileEnv): ValueFn {
  const raw = rawCall(e);
  if (raw) return raw.kind === "CallExpr" ? compileCallRaw(raw, env) : compileRouteCall(raw, env);
  return compileExpr(e, env);
}

export function compileExpr(e: Expr, env: CompileEnv): ValueFn {
  switch (e.kind) {
    case "NumberLit": {
      const n = e.value | 0;
      return () => n;
    }
    case "StringLit": {
      const s = e.value;
      return () => s;
    }
    case "PvarExpr":
      if (!e.spec) throw new ExprFail(`bad pseudo-variable ${e.text}`);
      return pvValue(env.pv(e.spec, e.span));
    case "IpLit": {
      const text = e.prefix === undefined ? e.address : `${e.address}/${e.prefix}`;
      return () => text;
    }
    case "KeywordExpr":
      return keywordValue(e.name);
    case "CallExpr":
      return compileCallTruth(e, env);
    case "RouteCall": {
      const f = compileRouteCall(e, env);
      return (ctx) => (f(ctx) > 0 ? 1 : 0);
    }
    case "BinaryExpr":
      return compileBinary(e, env);
    case "UnaryExpr":
      return compileUnary(e, env);
    case "CastExpr": {
      // `(int)` evaluates its operand as an int (RVE_LONG_OP), which decides what `+` does.
      const sum = e.to === "int" && e.operand.kind === "BinaryExpr" ? intPlus(e.operand, env) : undefined;
      if (sum) return sum;
      const v = compileExpr(e.operand, env);
      if (e.to === "str") return (ctx) => toStr(v(ctx));
      const pos = env.pos(e.operand.span);
      return (ctx) => intOf(v(ctx), ctx, pos);
    }
    case "BuiltinExpr":
      return compileBuiltin(e.name, e.args, env);
    case "ErrorExpr":
      throw new ExprFail("expression with a syntax error");
  }
}

/** A PV's value in an expression: a failed getter reads as null. */
function pvValue(pv: PvAccess): ValueFn {
  if (pv.total) return pv.get as ValueFn;
  return (ctx) => pv.get(ctx) ?? null;
}

function compileUnary(e: Expr & { kind: "UnaryExpr" }, env: CompileEnv): ValueFn {
  if (e.op === "defined") return compileDefined(e.operand, env);
  const v = compileInt(e.operand, env);
  switch (e.op) {
    case "!":
      return (ctx) => (v(ctx) === 0 ? 1 : 0);
    case "-":
      return (ctx) => -v(ctx) | 0;
    case "~":
      return (ctx) => ~v(ctx);
  }
}

/** `defined e`: a PV with a value; anything else is defined. */
function compileDefined(operand: Expr, env: CompileEnv): ValueFn {
  if (operand.kind === "PvarExpr" && operand.spec) {
    const pv = env.pv(operand.spec, operand.span);
    return (ctx) => {
      const v = pv.get(ctx);
      return v === null || v === undefined ? 0 : 1;
    };
  }
  const v = compileExpr(operand, env);
  return (ctx) => (v(ctx) === null ? 0 : 1);
}

const addInts = (a: number, b: number): number => (a + b) | 0;

/**
 * Int literals under int operators are folded at compile time, as Kamailio's optimiser does, so
 * that `$sp + 2 * 3` compiles as `$sp + 6` and the fast paths for literals apply.
 */
export function fold(e: Expr): Expr {
  if (e.kind !== "BinaryExpr") return e;
  const left = fold(e.left);
  const right = fold(e.right);
  const op = e.op === "+" ? addInts : INT_OPS[e.op];
  if (op && left.kind === "NumberLit" && right.kind === "NumberLit") {
    try {
      return { kind: "NumberLit", value: op(left.value | 0, right.value | 0), span: e.span };
    } catch {
      // Division by zero: left to run time, which logs it as Kamailio does.
    }
  }
  return left === e.left && right === e.right ? e : { ...e, left, right };
}

/**
 * What Kamailio's optimiser (rvalue.c rve_opt_01) leaves of a binary expression once int literals
 * are folded, with the int literal on either side (the right one is looked at first, and a
 * string literal there stops it): a constant (`$v * 0`, `0 / $v`, `$v || 1`: the other side is
 * never evaluated, calls included), `(int)$v` (`$v * 1`, `1 && $v`, `0 | $v`, `$v - 0`, and
 * `$v + 0` when `$v` is an int, so a call keeps its raw code), or the expression itself. Both
 * compilers (this one and suspend.ts's) start from it, so they cannot disagree on it. A failed
 * conversion of `$v` still names `$v`'s own position (checked on 5.6.3).
 */
export type Reduced =
  | { kind: "const"; value: number }
  | { kind: "int"; operand: Expr }
  | { kind: "binary"; e: BinaryExpr };

export function reduceBinary(unfolded: BinaryExpr): Reduced {
  const f = fold(unfolded);
  if (f.kind === "NumberLit") return { kind: "const", value: f.value };
  const e = f as BinaryExpr;
  const keep: Reduced = { kind: "binary", e };
  // A keyword on the left compares by its own rules (keywords.ts).
  if (e.left.kind === "KeywordExpr") return keep;
  let k: number;
  let v: Expr;
  let right: boolean;
  if (e.right.kind === "NumberLit") [k, v, right] = [e.right.value, e.left, true];
  else if (e.right.kind === "StringLit") return keep;
  else if (e.left.kind === "NumberLit") [k, v, right] = [e.left.value, e.right, false];
  else return keep;
  const zero: Reduced = { kind: "const", value: 0 };
  const int: Reduced = { kind: "int", operand: v };
  switch (e.op) {
    case "*":
      return k === 0 ? zero : k === 1 ? int : keep;
    case "/":
      return k === 0 && !right ? zero : k === 1 && right ? int : keep;
    case "mod":
      return k === 0 && !right ? zero : keep;
    case "-":
      // cfg `$v - a` is first rewritten as the int sum `$v + (-a)`.
      return k === 0 && right ? int : keep;
    case "&":
      return k === 0 ? zero : keep;
    case "|":
      return k === 0 ? int : keep;
    case "&&":
      return k === 0 ? zero : k === 1 ? int : keep;
    case "||":
      return k === 1 ? { kind: "const", value: 1 } : k === 0 ? int : keep;
    case "+":
      // Only an int sum: `"foo" + 0` is "foo0".
      return k === 0 && guessType(e.left) === "int" ? int : keep;
    default:
      return keep;
  }
}

function compileBinary(unfolded: BinaryExpr, env: CompileEnv): ValueFn {
  const r = reduceBinary(unfolded);
  if (r.kind === "const") {
    const k = r.value;
    return () => k;
  }
  if (r.kind === "int") return compileInt(r.operand, env);
  const e = r.e;
  if (e.left.kind === "KeywordExpr") return compileKeywordCompare(e.left.name, e.op, e.right, env);
  if (e.op === "&&" || e.op === "||") return compileLogical(e, env);
  if (INT_OPS[e.op]) {
    const a = compileInt(e.left, env);
    // A literal right side (`$var(i) < 10`): one call less per evaluation.
    if (e.right.kind === "NumberLit") return intOpLiteral(e.op, a, e.right.value | 0) as IntFn;
    return intOpBoth(e.op, a, compileInt(e.right, env)) as IntFn;
  }
  // Fast paths, each the generic valueOp() for operands of a known shape.
  if (e.op === "+" && e.right.kind === "NumberLit" && isPlainOperand(e.left)) return plusLiteral(e, env);
  if (e.op === "+") {
    const chain = stringChain(e, env);
    if (chain) return chain;
  }
  if ((e.op === "==" || e.op === "!=") && e.right.kind === "StringLit")
    return equalsLiteral(compileExpr(e.left, env), e.right.value, rightWarning(e, env), e.op === "==" ? 1 : 0);
  const a = compileExpr(e.left, env);
  const b = compileExpr(e.right, env);
  const op = valueOp(e, env);
  return (ctx) => op(a(ctx), b(ctx), ctx);
}

/** A non-int binary operator applied to its operands' values. */
export type ValueOp = (x: Value, y: Value, ctx: ScriptContext) => Value;

/**
 * `+`, `==`, `!=`, `eq`, `ne`, `=~` on two values (rvalue.c rval_expr_eval: `+` and `==`
 * follow the left operand's type; only the right one is ever converted, with its position).
 */
export function valueOp(e: BinaryExpr, env: CompileEnv): ValueOp {
  const warn = rightWarning(e, env);
  switch (e.op) {
    case "+": {
      const copyA = copied(e.left);
      const copyB = copied(e.right);
      return (x, y, ctx) => {
        if (typeof x === "number") return typeof y === "number" ? (x + y) | 0 : plus(x, y, warn(ctx));
        // A string or null on the left concatenates; no conversion can fail there.
        const a = x ?? "";
        const b = typeof y === "string" ? y : toStr(y);
        checkConcat(ctx, a, b, copyA, copyB);
        return a + b;
      };
    }
    case "==":
      return (x, y, ctx) => {
        if (typeof x === "string" && typeof y === "string") return x === y ? 1 : 0;
        return equals(x, y, warn(ctx)) ? 1 : 0;
      };
    case "!=":
      return (x, y, ctx) => {
        if (typeof x === "string" && typeof y === "string") return x === y ? 0 : 1;
        return equals(x, y, warn(ctx)) ? 0 : 1;
      };
    case "eq":
      return (x, y) => (toStr(x) === toStr(y) ? 1 : 0);
    case "ne":
      return (x, y) => (toStr(x) !== toStr(y) ? 1 : 0);
    case "=~":
      return (x, y) => (matches(toStr(x), toStr(y)) ? 1 : 0);
    default:
      throw new ExprFail(`operator ${e.op} not handled`);
  }
}

/**
 * Whether rval_str_add2() (core/rvalue.c) copies this operand before concatenating: a PV, an int
 * or a call's value is converted into a new string rvalue; a literal, or the string an inner `+`
 * or a `(str)` cast made, is used as it is.
 */
function copied(e: Expr): boolean {
  return !(e.kind === "StringLit" || (e.kind === "BinaryExpr" && e.op === "+") || e.kind === "CastExpr");
}

/**
 * The warning callback for a failed conversion of `e`'s right operand: only the right one is ever
 * converted (`+` and `==` follow the left one's type), and the callback is only built when a
 * conversion actually fails.
 */
function rightWarning(e: BinaryExpr, env: CompileEnv): (ctx: ScriptContext) => () => ConversionWarning {
  const pos = kamailioPos(e.right, env.files, env.pos);
  return (ctx) => () => (s: string) => conversionWarning(ctx, s, pos);
}

/**
 * `x + k` for an int literal `k` (`$var(i) + 1`, the commonest arithmetic) as a value: int
 * addition when x is an int, concatenation otherwise. A plain `$var` on the left is read in place.
 */
function plusLiteral(e: BinaryExpr, env: CompileEnv): ValueFn {
  const k = (e.right as NumberLit).value | 0;
  const warn = rightWarning(e, env);
  const pv = e.left.kind === "PvarExpr" && e.left.spec ? env.pv(e.left.spec, e.left.span) : undefined;
  const slot = pv?.varSlot;
  const copyA = copied(e.left);
  // A string on the left concatenates the int's digits (rval_convert() copies them).
  const concat = (ctx: ScriptContext, x: string | null) => {
    if (typeof x === "string") checkConcat(ctx, x, String(k), copyA, true);
    return plus(x, k, warn(ctx));
  };
  if (slot !== undefined)
    return (ctx) => {
      const x = ctx.proc.vars[slot] ?? 0;
      return typeof x === "number" ? (x + k) | 0 : concat(ctx, x);
    };
  const a = pv ? pvValue(pv) : compileExpr(e.left, env);
  return (ctx) => {
    const x = a(ctx);
    return typeof x === "number" ? (x + k) | 0 : concat(ctx, x);
  };
}

/**
 * `a + b` evaluated as an int (rval_expr_eval_int: a condition, an operand of `-` or `<`, a
 * `(int)` cast): unless the fixup guessed a string on the left (then it is a concatenation,
 * converted as a whole), both sides are converted to ints and added, so `"12" + 1` in a variable
 * counts 13 here and concatenates to "121" in an assignment. Undefined when it concatenates.
 */
function intPlus(unfolded: BinaryExpr, env: CompileEnv): IntFn | undefined {
  const e = intPlusOperands(unfolded);
  if (!e) return undefined;
  const a = compileInt(e.left, env);
  if (e.right.kind === "NumberLit") {
    const k = e.right.value | 0;
    return (ctx) => (a(ctx) + k) | 0;
  }
  const b = compileInt(e.right, env);
  return (ctx) => (a(ctx) + b(ctx)) | 0;
}

/** `a + b` folded, when it adds as ints in an int context (see intPlus); undefined when it concatenates. */
export function intPlusOperands(unfolded: BinaryExpr): BinaryExpr | undefined {
  const e = fold(unfolded);
  if (e.kind !== "BinaryExpr" || e.op !== "+" || guessType(e.left) === "str" || e.left.kind === "KeywordExpr")
    return undefined;
  return e;
}

/**
 * `"lit" + a + b + ...`: a chain of `+` whose leftmost operand is a string literal is a string
 * concatenation all along (each step's left side is a string), so it compiles to one closure.
 */
function stringChain(e: BinaryExpr, env: CompileEnv): ValueFn | undefined {
  const parts: Expr[] = [];
  let x: Expr = e;
  while (x.kind === "BinaryExpr" && x.op === "+") {
    parts.unshift(x.right);
    x = x.left;
  }
  if (x.kind !== "StringLit" || parts.length < 2) return undefined;
  const head = x.value;
  const fns = parts.map((p) => compileExpr(p, env));
  const copies = parts.map(copied);
  // Each step adds one operand to the string so far (the literal, then an inner `+`'s result),
  // checked against private memory only when it could fail (pkg.ts). Two and three operands (the
  // common chains) get a closure of their own: one call site per operand stays monomorphic,
  // where the loop's `fns[i](ctx)` sees every operand's closure.
  if (fns.length === 2) {
    const [a, b] = fns as [ValueFn, ValueFn];
    const [ca, cb] = copies as [boolean, boolean];
    return (ctx) => {
      const out = addChecked(ctx, head, a(ctx), ca);
      return addChecked(ctx, out, b(ctx), cb);
    };
  }
  if (fns.length === 3) {
    const [a, b, c] = fns as [ValueFn, ValueFn, ValueFn];
    const [ca, cb, cc] = copies as [boolean, boolean, boolean];
    return (ctx) => {
      let out = addChecked(ctx, head, a(ctx), ca);
      out = addChecked(ctx, out, b(ctx), cb);
      return addChecked(ctx, out, c(ctx), cc);
    };
  }
  return (ctx) => {
    let out = head;
    for (let i = 0; i < fns.length; i++) {
      const v = (fns[i] as ValueFn)(ctx);
      const s = typeof v === "string" ? v : toStr(v);
      if (!concatCannotFail(ctx, out.length + s.length)) checkConcat(ctx, out, s, false, copies[i] as boolean);
      out += s;
    }
    return out;
  };
}

/** One step of a chain: `out + v` (v as a string), checked against private memory as the loop above does. */
function addChecked(ctx: ScriptContext, out: string, v: Value, copy: boolean): string {
  const s = typeof v === "string" ? v : toStr(v);
  if (!concatCannotFail(ctx, out.length + s.length)) checkConcat(ctx, out, s, false, copy);
  return out + s;
}

/** `x == "literal"` (or `!=` with `yes` = 0): the common string comparison, without a call for the literal. */
function equalsLiteral(
  a: ValueFn,
  lit: string,
  warn: (ctx: ScriptContext) => () => (s: string) => void,
  yes: 0 | 1,
): ValueFn {
  return (ctx) => {
    const x = a(ctx);
    if (typeof x === "string") return x === lit ? yes : 1 - yes;
    return equals(x, lit, warn(ctx)) ? yes : 1 - yes;
  };
}

/** `&&` and `||` short-circuit on C truth (non-zero). */
function compileLogical(e: BinaryExpr, env: CompileEnv): ValueFn {
  const a = compileInt(e.left, env);
  const b = compileInt(e.right, env);
  if (e.op === "&&") return (ctx) => (a(ctx) !== 0 && b(ctx) !== 0 ? 1 : 0);
  return (ctx) => (a(ctx) !== 0 || b(ctx) !== 0 ? 1 : 0);
}

function compileBuiltin(name: "strlen" | "strempty" | "selval", args: readonly Expr[], env: CompileEnv): ValueFn {
  const fns = args.map((a) => compileExpr(a, env));
  const [x, y, z] = fns;
  if (name === "strlen" && x) return (ctx) => toStr(x(ctx)).length;
  if (name === "strempty" && x) return (ctx) => (toStr(x(ctx)) === "" ? 1 : 0);
  if (name === "selval" && args[0] && y && z) {
    const c = compileInt(args[0], env);
    return (ctx) => (c(ctx) !== 0 ? y(ctx) : z(ctx));
  }
  throw new ExprFail(`${name}() with ${args.length} arguments`);
}
