/**
 * textopsx's header iterators (src/modules/textopsx/textopsx.c, 5.6.3): `hf_iterator_start/
 * next/prev/end/rm/append/insert` and `$hfitname`/`$hfitbody`. Four named iterators per process
 * walk the headers as received; `rm`, `append` and `insert` record pending changes at the
 * current header (docs/kamailio/textops.md#pending-changes). Kamailio keeps a pointer to the
 * header, which dangles once the message is gone; here a new message (or the one
 * msg_apply_changes() makes) leaves an iterator with no current header.
 */
import { L_ERR } from "../../base/log-levels.js";
import type { ScriptContext } from "../../runtime/context.js";
import type { CallArg, FunctionImpl, PvImpl } from "../../runtime/env.js";
import { whereIn } from "../../runtime/services.js";
import type { SipMessage } from "../../sip/sip-message.js";
import { anchorLump, delLump, insertBefore, msgView } from "../lumps.js";

interface HfIterator {
  name: string;
  msg: SipMessage | undefined;
  /** Index of the current header; -1 for none (NULL). */
  it: number;
  prev: number;
  eoh: boolean;
}

const SIZE = 4;

function all(ctx: ScriptContext): HfIterator[] {
  let its = ctx.proc.local.get("textopsx:hf") as HfIterator[] | undefined;
  if (its === undefined) {
    its = Array.from({ length: SIZE }, () => ({ name: "", msg: undefined, it: -1, prev: -1, eoh: false }));
    ctx.proc.local.set("textopsx:hf", its);
  }
  return its;
}

function err(ctx: ScriptContext, line: number, fn: string, text: string): void {
  ctx.sv.log.module(ctx.proc, L_ERR, "textopsx", `textopsx.c:${line}`, fn, text, whereIn(ctx));
}

/** The named iterator, its current header forgotten when the message changed. */
function named(ctx: ScriptContext, name: string, line: number, fn: string): HfIterator | undefined {
  const it = all(ctx).find((i) => i.name !== "" && i.name === name);
  if (!it) {
    err(ctx, line, fn, `iterator not available [${name}]`);
    return undefined;
  }
  if (it.msg !== ctx.msg) {
    it.msg = ctx.msg;
    it.it = -1;
    it.prev = -1;
  }
  return it;
}

function fieldCount(ctx: ScriptContext): number {
  return msgView(ctx.msg)?.fields?.length ?? 0;
}

function start(ctx: ScriptContext, name: string): number {
  const its = all(ctx);
  let k = its.findIndex((i) => i.name !== "" && i.name === name);
  if (k < 0) k = its.findIndex((i) => i.name === "");
  if (k < 0) {
    err(ctx, 1923, "ki_hf_iterator_start", `no iterator available - max number is ${SIZE}`);
    return -1;
  }
  const it = its[k] as HfIterator;
  if (it.name === "") {
    if (name.length >= 32) {
      err(ctx, 1929, "ki_hf_iterator_start", `iterator name is too big [${name}] (max 32)`);
      return -1;
    }
    it.name = name;
  }
  it.msg = ctx.msg;
  it.it = -1;
  it.prev = -1;
  it.eoh = false;
  const v = msgView(ctx.msg);
  if (v?.fields === undefined) {
    err(ctx, 1942, "ki_hf_iterator_start", "failed parsing message");
    return -1;
  }
  if (v.fields.length === 0) {
    err(ctx, 1946, "ki_hf_iterator_start", `no headers for iterator [${name}]`);
    return -1;
  }
  return 1;
}

function byName(run: (ctx: ScriptContext, name: string, text: string) => number): FunctionImpl {
  return {
    compile(args) {
      const name = (args[0] as CallArg).str();
      const text = args[1]?.str();
      return (ctx) => run(ctx, name(ctx), text?.(ctx) ?? "");
    },
  };
}

const hf_iterator_start = byName((ctx, name) => start(ctx, name));

const hf_iterator_next = byName((ctx, name) => {
  const it = named(ctx, name, 1984, "ki_hf_iterator_next");
  if (!it || it.eoh) return -1;
  if (it.it < 0) it.it = 0;
  else {
    it.prev = it.it;
    it.it++;
  }
  if (it.it >= fieldCount(ctx)) {
    it.it = -1;
    it.eoh = true;
    return -1;
  }
  return 1;
});

/** ki_hf_iterator_prev(): its odd steps kept (after one step back, `prev` equals `it`). */
const hf_iterator_prev = byName((ctx, name) => {
  const it = named(ctx, name, 2037, "ki_hf_iterator_prev");
  if (!it || it.eoh) return -1;
  if (it.prev < 0) return start(ctx, name);
  if (it.prev !== it.it) {
    it.it = it.prev;
    return 1;
  }
  const n = fieldCount(ctx);
  for (let h = 0; h + 1 < n; h++) {
    if (h + 2 < n) {
      if (it.it === h + 2) {
        it.it = h + 1;
        it.prev = h;
        return 1;
      }
    } else if (it.it === h + 1) {
      it.it = h;
      it.prev = -1;
      return 1;
    }
  }
  return start(ctx, name);
});

const hf_iterator_end = byName((ctx, name) => {
  const it = named(ctx, name, 2104, "ki_hf_iterator_end");
  if (!it) return -1;
  it.it = -1;
  it.eoh = false;
  return 1;
});

/** The current header of a named iterator (ki_hf_iterator_index()), or undefined. */
function current(ctx: ScriptContext, name: string) {
  const it = named(ctx, name, 2144, "ki_hf_iterator_index");
  if (!it || it.it < 0) return undefined;
  return msgView(ctx.msg)?.fields?.[it.it];
}

const hf_iterator_rm = byName((ctx, name) => {
  const f = current(ctx, name);
  if (!f) return -1;
  delLump(ctx.msg, f.start, f.end - f.start);
  return 1;
});

const hf_iterator_append = byName((ctx, name, text) => {
  const f = current(ctx, name);
  const a = f && anchorLump(ctx.msg, f.end);
  if (!a) return -1;
  insertBefore(a, text);
  return 1;
});

const hf_iterator_insert = byName((ctx, name, text) => {
  const f = current(ctx, name);
  const a = f && anchorLump(ctx.msg, f.start);
  if (!a) return -1;
  insertBefore(a, text);
  return 1;
});

export const hfIteratorFunctions = {
  hf_iterator_start,
  hf_iterator_next,
  hf_iterator_prev,
  hf_iterator_end,
  hf_iterator_rm,
  hf_iterator_append,
  hf_iterator_insert,
};

/** `$hfitname(it)` / `$hfitbody(it)`: the current header's name or body; `$null` without one. */
export function hfIteratorPv(field: "name" | "body"): PvImpl {
  return {
    compile(spec) {
      const name = spec.inner ?? "";
      return {
        get: (ctx) => {
          const it = all(ctx).find((i) => i.name !== "" && i.name === name);
          if (!it) {
            err(
              ctx,
              field === "name" ? 2378 : 2409,
              field === "name" ? "pv_get_hf_iterator_hname" : "pv_get_hf_iterator_hbody",
              `iterator not available [${name}]`,
            );
            return null;
          }
          if (it.msg !== ctx.msg || it.it < 0) return null;
          const v = msgView(ctx.msg);
          const f = v?.fields?.[it.it];
          if (!v || !f) return null;
          return field === "name" ? f.name : v.raw.slice(f.bodyStart, f.bodyEnd);
        },
      };
    },
  };
}
