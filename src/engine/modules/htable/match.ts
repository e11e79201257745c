/**
 * htable's item tests and removals by name or value (src/modules/htable/htable.c and ht_api.c,
 * 5.6.3), the slot locks and the set-with-expiry functions:
 * - sht_match_name/sht_has_name(t, op, v) and sht_match_str_value/sht_has_str_value: 1 when an
 *   item's name (or string value) is `eq`, `ne`, starts with (`sw`) or matches (`re`, extended,
 *   case-insensitive, REG_NEWLINE) the value; integer values never match;
 * - sht_rm_name/sht_rm_value(t, op, v): removes the items whose name (string value) matches
 *   (`re`) or starts with (`sw`) the value; 1, or -1 for another operator;
 * - sht_lock/sht_unlock("t=>key"): a process runs a message to its end here, so the slot lock
 *   never waits; 1, or -11 for an unknown table;
 * - sht_setxs/sht_setxi(t, key, value, exp): set, and — on a table with autoexpire — expire
 *   `exp` seconds from now (ht_set_cell_ex(); without autoexpire Kamailio never looks at it).
 */
import { L_ERR, L_WARN } from "../../base/log-levels.js";
import { compileRegex } from "../../base/regex/index.js";
import type { ScriptContext } from "../../runtime/context.js";
import type { CallArg, CompileEnv, FunctionImpl } from "../../runtime/env.js";
import { compileFormat } from "../../runtime/format.js";
import { nowIn, whereIn } from "../../runtime/services.js";
import { shmCopy, toInt } from "../../runtime/values.js";
import type { HtItem, HtStore } from "./store.js";

type Str = (ctx: ScriptContext) => string;

function log(ctx: ScriptContext, level: number, at: string, fn: string, text: string): void {
  ctx.sv.log.module(ctx.proc, level, "htable", at, fn, text, whereIn(ctx));
}

/** The three spve arguments; an empty one is Kamailio's error. */
function three(args: readonly CallArg[]): [Str, Str, Str] {
  return args.map((a) => a.str()) as [Str, Str, Str];
}

/**
 * The prologue ht_match_str_items() and ht_rm_items() share (htable.c): the three spve arguments
 * (table, operator, value), -1 when one is empty, and the table, or an error naming it.
 */
function onTable(
  tables: Map<string, HtStore>,
  args: readonly CallArg[],
  at: string,
  fn: string,
  run: (ctx: ScriptContext, table: HtStore, op: string, val: string) => number,
): (ctx: ScriptContext) => number {
  const [t, o, v] = three(args);
  return (ctx) => {
    const name = t(ctx);
    const op = o(ctx);
    const val = v(ctx);
    if (name === "" || op === "" || val === "") return -1;
    const table = tables.get(name);
    if (!table) {
      log(ctx, L_ERR, at, fn, `cannot get hash table [${name}]`);
      return -1;
    }
    return run(ctx, table, op, val);
  };
}

/** The `re` operator (ht_api.c): extended, case-insensitive, REG_NEWLINE; a bad one is an error. */
function regexTest(ctx: ScriptContext, val: string, at: string, fn: string): ((s: string) => boolean) | undefined {
  const r = compileRegex(val, { icase: true, newline: true });
  if (!r.ok) {
    log(ctx, L_ERR, at, fn, `bad re ${val}`);
    return undefined;
  }
  return (s) => r.re.test(s);
}

export function matchFunctions(tables: Map<string, HtStore>) {
  const matcher = (mode: "name" | "value"): FunctionImpl => ({
    compile(args) {
      return onTable(tables, args, "htable.c:624", "ht_match_str_items", (ctx, table, op, val) => {
        let test: (s: string) => boolean;
        if (op === "eq") test = (s) => s === val;
        else if (op === "ne") test = (s) => s !== val;
        else if (op === "sw") test = (s) => s.startsWith(val);
        else if (op === "re") {
          const re = regexTest(ctx, val, "ht_api.c:1462", "ht_match_cell_op_str");
          if (!re) return -1;
          test = re;
        } else {
          log(ctx, L_WARN, "htable.c:639", "ht_match_str_items", `unsupported match operator: ${op}`);
          return -1;
        }
        for (const i of table.usedSlots())
          for (const it of table.slot(i)) {
            const s = mode === "name" ? it.name : typeof it.value === "string" ? it.value : undefined;
            if (s !== undefined && test(s)) return 1;
          }
        return -1;
      });
    },
  });

  const remover = (mode: "name" | "value"): FunctionImpl => ({
    compile(args) {
      return onTable(tables, args, "htable.c:500", "ht_rm_items", (ctx, table, op, val) => {
        let test: (s: string) => boolean;
        if (op === "sw") test = (s) => s.startsWith(val);
        else if (op === "re") {
          const re = regexTest(ctx, val, "ht_api.c:1352", "ht_rm_cell_re");
          if (!re) return -1;
          test = re;
        } else {
          log(ctx, L_WARN, "htable.c:527", "ht_rm_items", `unsupported match operator: ${op}`);
          return -1;
        }
        table.deleteMatching((it: HtItem) => {
          const s = mode === "name" ? it.name : typeof it.value === "string" ? it.value : undefined;
          return s !== undefined && test(s);
        });
        return 1;
      });
    },
  });

  /** `t=>key` of fixup_ht_key: the table, fixed; the key, a format. */
  const lock: FunctionImpl = {
    compile(args, env: CompileEnv) {
      const text = (args[0] as CallArg).literal ?? "";
      const arrow = text.indexOf("=>");
      const table = tables.get(arrow < 0 ? text : text.slice(0, arrow));
      compileFormat(arrow < 0 ? "" : text.slice(arrow + 2), env, (args[0] as CallArg).node.span);
      return (ctx) => {
        if (!table) {
          log(ctx, L_ERR, "htable.c:997", "w_ht_slot_lock", "cannot get $sht root");
          return -11;
        }
        return 1;
      };
    },
  };

  const setx = (kind: "s" | "i"): FunctionImpl => ({
    compile(args) {
      const [t, k] = [(args[0] as CallArg).str(), (args[1] as CallArg).str()];
      const value = kind === "s" ? (args[2] as CallArg).str() : (args[2] as CallArg).value();
      const exp = (args[3] as CallArg).value();
      return (ctx) => {
        const name = t(ctx);
        const key = k(ctx);
        if (name === "" || key === "") return -1;
        const table = tables.get(name);
        if (!table) {
          log(
            ctx,
            L_ERR,
            kind === "s" ? "htable.c:1282" : "htable.c:1356",
            kind === "s" ? "ki_ht_setxs" : "ki_ht_setxi",
            `No such htable: ${name}`,
          );
          return -1;
        }
        const now = nowIn(ctx);
        const v = value(ctx);
        table.set(shmCopy(key), kind === "s" ? shmCopy(String(v)) : toInt(v), now);
        const ex = toInt(exp(ctx));
        const it = table.get(key, now);
        if (it && table.def.autoexpire > 0 && ex > 0) it.expires = now + ex * 1_000_000;
        return 1;
      };
    },
  });

  return {
    sht_match_name: matcher("name"),
    sht_has_name: matcher("name"),
    sht_match_str_value: matcher("value"),
    sht_has_str_value: matcher("value"),
    sht_rm_name: remover("name"),
    sht_rm_value: remover("value"),
    sht_lock: lock,
    sht_unlock: lock,
    sht_setxs: setx("s"),
    sht_setxi: setx("i"),
  };
}
