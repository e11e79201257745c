/**
 * Debian's stock /etc/kamailio/kamailio.cfg (read at test time from the installed package, never
 * copied here) has no error under each of its WITH_* defines, one at a time and all together, and
 * its warnings name exactly the modules and functions kamsim does not simulate.
 */
import { existsSync, readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { analyzeConfig, placeDiagnostics } from "../../src/engine/index.js";
import type { Expr, Stmt } from "../../src/engine/lang/ast.js";
import { coreFunctions } from "../../src/engine/modules/core/def.js";
import { findModule } from "../../src/engine/modules/registry.js";
import { describeNeeding } from "../support/needs.js";

const PATH = "/etc/kamailio/kamailio.cfg";
const present = existsSync(PATH);
const text = present ? readFileSync(PATH, "utf8") : "";
const defines = [...new Set(text.match(/WITH_[A-Z_]+/g) ?? [])].sort();

/** Every function call in a statement tree. */
function calls(s: Stmt | Expr, out: { name: string; argc: number }[]): void {
  const visit = (x: Stmt | Expr | undefined) => x && calls(x, out);
  switch (s.kind) {
    case "Block":
      return s.stmts.forEach(visit);
    case "IfStmt":
      visit(s.cond);
      visit(s.then);
      visit(s.else);
      return;
    case "WhileStmt":
      visit(s.cond);
      visit(s.body);
      return;
    case "SwitchStmt":
      visit(s.subject);
      for (const c of s.cases) c.body.forEach(visit);
      return;
    case "ReturnStmt":
      visit(s.value);
      return;
    case "AssignStmt":
      visit(s.value);
      return;
    case "CallStmt":
      visit(s.call);
      return;
    case "CallExpr":
      out.push({ name: s.name, argc: s.args.length });
      s.args.forEach(visit);
      return;
    case "BinaryExpr":
      visit(s.left);
      visit(s.right);
      return;
    case "UnaryExpr":
    case "CastExpr":
      visit(s.operand);
      return;
    case "BuiltinExpr":
      s.args.forEach(visit);
      return;
    default:
      return;
  }
}

/**
 * The stock file's header says what each feature needs ("enable mysql", "enable authentication");
 * a feature switched on alone gets those too, as its own instructions say. (Without them real
 * Kamailio rejects it as well: DBURL is only defined under WITH_MYSQL.)
 */
function prerequisites(define: string): string[] {
  for (const block of text.split(/^# \*\*\* /m)) {
    if (!new RegExp(`define ${define}\\b`).test(block)) continue;
    const needs: string[] = [];
    if (/enable mysql/.test(block)) needs.push("WITH_MYSQL");
    if (/enable authentication/.test(block)) needs.push("WITH_AUTH");
    return needs;
  }
  return [];
}

const variants: [string, Record<string, string>][] = [
  ["no defines", {}],
  ...defines.map((d): [string, Record<string, string>] => {
    const all = [d, ...prerequisites(d)];
    return [all.join(" + "), Object.fromEntries(all.map((x) => [x, ""]))];
  }),
  ["all WITH_* defines", Object.fromEntries(defines.map((d) => [d, ""]))],
];

describeNeeding(
  "Debian's stock kamailio.cfg (package kamailio, /etc/kamailio/kamailio.cfg)",
  present ? { ok: true } : { ok: false, reason: `${PATH} not found` },
  "Debian's kamailio.cfg",
  () => {
    it("has WITH_* defines to try", () => expect(defines.length).toBeGreaterThan(10));
    for (const [label, defs] of variants) {
      it(`has no error with ${label}; warnings name exactly what is not simulated`, () => {
        const r = analyzeConfig(text, { name: PATH, defines: defs });
        const placed = placeDiagnostics(r.diagnostics, r.files);
        expect(placed.filter((d) => d.severity === "error").map((d) => `${d.line}:${d.col} ${d.message}`)).toEqual([]);
        expect(
          placed.filter((d) => d.code !== "not_simulated").map((d) => `${d.line}:${d.col} ${d.code} ${d.message}`),
        ).toEqual([]);

        // A modparam whose setting kamsim ignores says so (`modparam("usrloc", "db_mode", 2) ...`);
        // it names a parameter, not a module or function, and is left out here.
        const named = placed.filter((d) => !d.message.startsWith("modparam("));
        const warned = new Set(named.map((d) => /^(?:module )?([\w]+)/.exec(d.message)?.[1]));
        const loaded = r.checked.modules.map((m) => m.name);
        const expected = new Set<string>(loaded.filter((m) => !findModule(m)?.simulated));
        const found: { name: string; argc: number }[] = [];
        for (const item of r.config.items) if (item.kind === "RouteBlock") calls(item.body, found);
        for (const c of found) {
          const core = coreFunctions[c.name];
          if (core?.arity.includes(c.argc)) {
            if (core.simulated === false) expected.add(c.name);
            continue;
          }
          const owner = r.checked.modules.find((m) => m.def?.functions[c.name]?.arity.includes(c.argc));
          const def = owner?.def?.functions[c.name];
          if (def && (def.simulated ?? owner?.def?.simulated) === false) expected.add(c.name);
        }
        expect([...warned].sort()).toEqual([...expected].sort());
      });
    }
  },
);
