/**
 * pv's xavp functions on the first root item (modules/pv/pv.c, core/xavp.c), for `$xavp` and,
 * with names compared case-insensitively, `$xavi`:
 * - `xavp_rm(root)` removes the newest root item of that name (xavp_rm_by_index(name, 0));
 * - `xavp_child_rm(root, child)` removes the newest child of that name from it;
 * - `xavp_child_seti/sets(root, child, value)` (xavp_set_child_xval()) replaces the child in the
 *   newest root item when that holds a list (the old child goes, the new one comes first), and
 *   otherwise adds a new root item holding just that child (removing a root item that holds a
 *   plain value first).
 * All return 1: the removals report nothing found as success too (ki_xav_rm()'s `(ret==0)?1:ret`).
 */
import { L_ERR } from "../../base/log-levels.js";
import type { ScriptContext } from "../../runtime/context.js";
import type { CallArg, CompileEnv, FunctionImpl } from "../../runtime/env.js";
import { listsOf } from "../../runtime/pv/xavp.js";
import {
  exactName,
  foldedName,
  type NameEq,
  type XavpItem,
  xfind,
  xget,
  xremove,
} from "../../runtime/pv/xavp-store.js";
import { whereIn } from "../../runtime/services.js";
import type { Value } from "../../runtime/values.js";
import { igp, ivalue } from "../igp.js";

type Kind = "xavp" | "xavi";

const eqOf = (k: Kind): NameEq => (k === "xavi" ? foldedName : exactName);

function rm(kind: Kind): FunctionImpl {
  return {
    compile(args) {
      const root = (args[0] as CallArg).str();
      return (ctx) => {
        const name = root(ctx);
        if (name !== "") xremove(listsOf(ctx)[kind], name, 0, eqOf(kind));
        return 1;
      };
    },
  };
}

function childRm(kind: Kind): FunctionImpl {
  return {
    compile(args) {
      const root = (args[0] as CallArg).str();
      const child = (args[1] as CallArg).str();
      return (ctx) => {
        const eq = eqOf(kind);
        const r = ctx.pvx?.xavps ? xget(ctx.pvx.xavps[kind], root(ctx), 0, eq) : undefined;
        const c = child(ctx);
        if (r && Array.isArray(r.value) && c !== "") xremove(r.value, c, 0, eq);
        return 1;
      };
    },
  };
}

/** xavp_set_child_xval(). */
function setChild(ctx: ScriptContext, kind: Kind, rname: string, cname: string, value: Value): void {
  const eq = eqOf(kind);
  const list = listsOf(ctx)[kind];
  const i = xfind(list, rname, 0, eq);
  const r = i < 0 ? undefined : list[i];
  if (r && Array.isArray(r.value)) {
    xremove(r.value, cname, 0, eq);
    r.value.unshift({ name: cname, value });
    return;
  }
  if (r) list.splice(i, 1);
  const children: XavpItem[] = [{ name: cname, value }];
  list.unshift({ name: rname, value: children });
}

function childSet(kind: Kind, asInt: boolean): FunctionImpl {
  return {
    compile(args, env: CompileEnv) {
      const root = (args[0] as CallArg).str();
      const child = (args[1] as CallArg).str();
      const value = asInt ? igp(args[2] as CallArg, env) : (args[2] as CallArg).str();
      return (ctx) => {
        const v = value(ctx);
        let val: Value = v;
        if (asInt) {
          const n = ivalue(ctx, v);
          if (n === undefined) {
            // pv.c w_xav_child_seti() (line 1401); the xavi wrapper is the same function.
            ctx.sv.log.module(
              ctx.proc,
              L_ERR,
              "pv",
              "pv.c:1401",
              "w_xav_child_seti",
              "failed to get the value",
              whereIn(ctx),
            );
            return -1;
          }
          val = n;
        }
        setChild(ctx, kind, root(ctx), child(ctx), val);
        return 1;
      };
    },
  };
}

type XavpFn =
  | "xavp_rm"
  | "xavi_rm"
  | "xavp_child_rm"
  | "xavi_child_rm"
  | "xavp_child_seti"
  | "xavi_child_seti"
  | "xavp_child_sets"
  | "xavi_child_sets";

export const xavpFunctions: Readonly<Record<XavpFn, FunctionImpl>> = {
  xavp_rm: rm("xavp"),
  xavi_rm: rm("xavi"),
  xavp_child_rm: childRm("xavp"),
  xavi_child_rm: childRm("xavi"),
  xavp_child_seti: childSet("xavp", true),
  xavi_child_seti: childSet("xavi", true),
  xavp_child_sets: childSet("xavp", false),
  xavi_child_sets: childSet("xavi", false),
};
