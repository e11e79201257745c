/**
 * Prints an AST as compact S-expressions, for the language case files and for debugging:
 * `(request_route (if (! (call pike_check_req)) (block (exit))))`.
 */
import type { Config, Expr, Stmt, TopItem } from "./ast.js";

/** The whole config, one top-level item per line. */
export function printConfig(config: Config): string {
  return config.items.map(printTop).join("\n");
}

function str(s: string): string {
  return JSON.stringify(s);
}

function printTop(item: TopItem): string {
  switch (item.kind) {
    case "CoreParam": {
      const v = item.value;
      const text = v.type === "string" ? str(v.value) : v.type === "int" ? String(v.value) : v.value;
      return `(param ${item.name} ${text})`;
    }
    case "CfgVar": {
      const v = typeof item.value === "string" ? str(item.value) : String(item.value);
      return `(cfgvar ${item.group}.${item.name} ${v}${item.desc === undefined ? "" : ` ${str(item.desc)}`})`;
    }
    case "LoadModule":
      return `(loadmodule ${str(item.path)})`;
    case "LoadPath":
      return `(loadpath ${str(item.path)})`;
    case "FlagsDecl":
      return `(flags ${item.flags.map((f) => (f.pos === undefined ? f.name : `${f.name}:${f.pos}`)).join(" ")})`;
    case "ModParam": {
      const v = item.valueType === "string" ? str(String(item.value)) : String(item.value);
      return `(modparam ${str(item.module)} ${str(item.param)} ${v})`;
    }
    case "RouteBlock": {
      const head = item.name === undefined ? item.keyword : `${item.keyword}[${item.name}]`;
      const body = item.body.stmts.map(printStmt);
      return `(${[head, ...body].join(" ")})`;
    }
  }
}

function printStmt(s: Stmt): string {
  switch (s.kind) {
    case "Block":
      return `(${["block", ...s.stmts.map(printStmt)].join(" ")})`;
    case "IfStmt": {
      const parts = ["if", printExpr(s.cond), printStmt(s.then)];
      if (s.else) parts.push(printStmt(s.else));
      return `(${parts.join(" ")})`;
    }
    case "WhileStmt":
      return `(while ${printExpr(s.cond)} ${printStmt(s.body)})`;
    case "SwitchStmt": {
      const cases = s.cases.map((c) => {
        const head = c.label === undefined ? "default" : `${c.regex ? "case/" : "case"} ${printExpr(c.label)}`;
        return `(${[head, ...c.body.map(printStmt)].join(" ")})`;
      });
      return `(${["switch", printExpr(s.subject), ...cases].join(" ")})`;
    }
    case "ReturnStmt":
      return s.value ? `(${s.keyword} ${printExpr(s.value)})` : `(${s.keyword})`;
    case "BreakStmt":
      return "(break)";
    case "AssignStmt":
      return `(${s.op} ${s.target.text} ${printExpr(s.value)})`;
    case "CallStmt":
      return printExpr(s.call);
    case "EmptyStmt":
      return "(empty)";
  }
}

function printExpr(e: Expr): string {
  switch (e.kind) {
    case "NumberLit":
      return String(e.value);
    case "StringLit":
      return e.quote === "'" ? `'${e.value}'` : str(e.value);
    case "PvarExpr":
      return e.text;
    case "IpLit":
      return e.prefix === undefined ? e.address : `${e.address}/${e.prefix}`;
    case "KeywordExpr":
      return e.name;
    case "CallExpr":
      return `(${["call", e.name, ...e.args.map(printExpr)].join(" ")})`;
    case "RouteCall":
      return `(route ${typeof e.target === "string" ? e.target : printExpr(e.target)})`;
    case "BinaryExpr":
      return `(${e.op} ${printExpr(e.left)} ${printExpr(e.right)})`;
    case "UnaryExpr":
      return `(${e.op === "-" ? "neg" : e.op} ${printExpr(e.operand)})`;
    case "CastExpr":
      return `(${e.to} ${printExpr(e.operand)})`;
    case "BuiltinExpr":
      return `(${[e.name, ...e.args.map(printExpr)].join(" ")})`;
    case "ErrorExpr":
      return "<error>";
  }
}
