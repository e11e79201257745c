/**
 * `$xavp(root[i]=>field[j])`, `$xavi(...)` and `$xavu(root=>field)` as modules/pv/pv_xavp.c
 * reads and writes them (docs/kamailio/pseudo-variables.md#extended-avps):
 * - reading: the idx-th root (0 = newest, negative from the oldest), then the idx-th field of
 *   its child list; `field[*]` joins every such field with ", "; a root holding a child list
 *   prints as `<<xavp:0x...>>`;
 * - writing: `$xavp(r) = v` adds a new root first, `$xavp(r[i]) = v` replaces root i (fails when
 *   there is none); `$xavp(r=>f) = v` adds a new root with one field, `$xavp(r[i]=>f) = v` adds a
 *   field to root i, `$xavp(r[i]=>f[j]) = v` replaces field j;
 * - `= $null` removes: the first root (`r`), root i, all of them (`r[*]`), or fields likewise.
 * Negative indexes on writes follow pv_set_xavp()'s `count + idx + 1`, so `[-1]` finds nothing.
 */
import type { ScriptContext } from "../context.js";
import type { CompileEnv, PvAccess, PvImpl } from "../env.js";
import { shmCopy, type Value } from "../values.js";
import { extrasOf } from "./extras.js";
import { compileIndex, IDX_ALL, IDX_INT, type IndexGetter } from "./index-spec.js";
import {
  exactName,
  foldedName,
  type NameEq,
  type XavpItem,
  type XavpLists,
  xadd,
  xall,
  xcount,
  xfind,
  xget,
  xremove,
  xset,
  xuset,
} from "./xavp-store.js";

/** One level of an xavp name: `name[index]`. */
interface Level {
  name: string;
  index: string | undefined;
}

/** pv_xavp_fill_ni(): a name up to `=`, a blank or `[`, then an optional `[index]`. */
function readLevel(text: string): { level: Level; rest: string } | undefined {
  const s = text.replace(/^[ \t\r\n]+/, "");
  const m = /^([^=\s[]*)\s*/.exec(s) as RegExpExecArray;
  // An empty name is taken, as pv_xavp_fill_ni() takes it (`$xavp( )` names the xavp "").
  const name = m[1] as string;
  let rest = s.slice(m[0].length);
  let index: string | undefined;
  if (rest.startsWith("[")) {
    let depth = 0;
    let end = -1;
    for (let i = 1; i < rest.length; i++) {
      if (rest[i] === "[") depth++;
      else if (rest[i] === "]") {
        if (depth === 0) {
          end = i;
          break;
        }
        depth--;
      }
    }
    if (end <= 1) return undefined;
    index = rest.slice(1, end);
    rest = rest.slice(end + 1);
  }
  return { level: { name, index }, rest };
}

/** pv_parse_xavp_name(): `root[i]` or `root[i]=>field[j]`; undefined when malformed. */
export function parseXavpName(inner: string): { root: Level; field?: Level } | undefined {
  const r = readLevel(inner);
  if (!r) return undefined;
  if (!r.rest.startsWith("=>")) return { root: r.level };
  const f = readLevel(r.rest.slice(2));
  if (!f) return undefined;
  return { root: r.level, field: f.level };
}

type Pick = (l: XavpLists) => XavpItem[];

/** The message's xavp lists, made on first use. */
export function listsOf(ctx: ScriptContext): XavpLists {
  const x = extrasOf(ctx);
  x.xavps ??= { xavp: [], xavu: [], xavi: [] };
  return x.xavps;
}

/** pv_xavp_get_value(): a child list prints as its address (normalised by the comparison). */
function itemValue(it: XavpItem): Value {
  if (!Array.isArray(it.value)) return it.value;
  // The list's head pointer: NULL ("%p" prints "(nil)") once its last child was removed.
  return it.value.length === 0 ? "<<xavp:(nil)>>" : "<<xavp:0x7f5a00000000>>";
}

/** A root or field index fixed for reading: negative counts from the end. */
function readIdx(idx: number, list: readonly XavpItem[], name: string, eq: NameEq): number {
  return idx < 0 ? xcount(list, name, eq) + idx : idx;
}

/** The same for writes and removals: pv_set_xavp()'s `count + idx + 1`. */
function writeIdx(idx: number, list: readonly XavpItem[], name: string, eq: NameEq): number {
  return idx < 0 ? xcount(list, name, eq) + idx + 1 : idx;
}

/** `$xavp` / `$xavi`: the same code, names compared exactly or case-insensitively. */
function indexedXavp(pick: Pick, eq: NameEq): PvImpl {
  return {
    compile(spec, env): PvAccess {
      const parsed = parseXavpName(spec.inner ?? "");
      // A name Kamailio's fixup refuses never gets here; keep the assignment harmless anyway.
      if (!parsed) return { get: () => null, set: () => true };
      return indexedAccess(parsed.root, parsed.field, pick, eq, env);
    },
  };
}

function indexedAccess(root: Level, field: Level | undefined, pick: Pick, eq: NameEq, env: CompileEnv): PvAccess {
  const rootIdx: IndexGetter = compileIndex(root.index, env);
  const fieldIdx: IndexGetter = compileIndex(field?.index, env);
  const get = (ctx: ScriptContext): Value | undefined => {
    const ri = rootIdx(ctx);
    if (!ri) return undefined;
    const lists = ctx.pvx?.xavps;
    const list = lists ? pick(lists) : undefined;
    if (!list) return null;
    const top = xget(list, root.name, readIdx(ri.n, list, root.name, eq), eq);
    if (!top) return null;
    if (!field) return itemValue(top);
    if (!Array.isArray(top.value)) return null;
    const fi = fieldIdx(ctx);
    if (!fi) return undefined;
    const sub = top.value;
    const first = xfind(sub, field.name, readIdx(fi.n, sub, field.name, eq), eq);
    if (first < 0) return null;
    if (fi.kind !== IDX_ALL) return itemValue(sub[first] as XavpItem);
    // `[*]` on the field: the values from this one on, joined by ", " (PV_FIELD_DELIM).
    const parts: string[] = [];
    for (let i = first; i < sub.length; i++) {
      const it = sub[i] as XavpItem;
      if (!eq(it.name, field.name)) continue;
      const v = itemValue(it);
      parts.push(v === null ? "<null>" : String(v));
    }
    return parts.join(", ");
  };
  // core/xavp.c refuses an empty name (xavp_new_value()), so such a write fails and a read
  // finds nothing.
  const emptyName = root.name === "" || field?.name === "";
  const set = (ctx: ScriptContext, raw: Value): boolean => {
    if (emptyName) return raw === null;
    const ri = rootIdx(ctx);
    if (!ri) return false;
    const list = pick(listsOf(ctx));
    const rootAll = ri.kind === IDX_ALL;
    if (raw === null) {
      removeAt(ctx, list, ri.n, rootAll, root, field, fieldIdx, eq);
      return true;
    }
    const v = shmCopy(raw);
    if (!field) {
      if (root.index === undefined) {
        xadd(list, root.name, v);
        return true;
      }
      if (rootAll) return false;
      return xset(list, root.name, writeIdx(ri.n, list, root.name, eq), v, eq);
    }
    const fi = fieldIdx(ctx);
    if (!fi) return false;
    if (root.index === undefined) {
      xadd(list, root.name, [{ name: field.name, value: v }]);
      return true;
    }
    if (rootAll) return true;
    const top = xget(list, root.name, writeIdx(ri.n, list, root.name, eq), eq);
    if (!top) return true;
    if (!Array.isArray(top.value)) return false;
    if (field.index === undefined) {
      xadd(top.value, field.name, v);
      return true;
    }
    if (fi.kind === IDX_ALL) return true;
    xset(top.value, field.name, writeIdx(fi.n, top.value, field.name, eq), v, eq);
    return true;
  };
  return { get, set };
}

/** The `= $null` half of pv_set_xavp(). */
function removeAt(
  ctx: ScriptContext,
  list: XavpItem[],
  idx: number,
  rootAll: boolean,
  root: Level,
  field: Level | undefined,
  fieldIdx: IndexGetter,
  eq: NameEq,
): void {
  if (!field) {
    if (rootAll) xremove(list, root.name, "all", eq);
    else xremove(list, root.name, writeIdx(idx, list, root.name, eq), eq);
    return;
  }
  const fi = fieldIdx(ctx);
  if (!fi) return;
  const strip = (top: XavpItem) => {
    if (!Array.isArray(top.value)) return;
    const sub = top.value;
    if (fi.kind === IDX_ALL) xremove(sub, field.name, "all", eq);
    else if (fi.kind === IDX_INT) xremove(sub, field.name, writeIdx(fi.n, sub, field.name, eq), eq);
    else xremove(sub, field.name, 0, eq);
  };
  if (rootAll) {
    for (const top of xall(list, root.name, eq)) strip(top);
    return;
  }
  const top = xget(list, root.name, writeIdx(idx, list, root.name, eq), eq);
  if (top) strip(top);
}

export const xavpPv: PvImpl = indexedXavp((l) => l.xavp, exactName);
export const xaviPv: PvImpl = indexedXavp((l) => l.xavi, foldedName);

/**
 * `$xavu(root)` / `$xavu(root=>field)`: one value per name (pv_get_xavu(), pv_set_xavu()).
 * Assigning replaces the first item of that name where it stands; `= $null` removes it.
 */
export const xavuPv: PvImpl = {
  compile(spec): PvAccess {
    const inner = (spec.inner ?? "").trim();
    const eqAt = inner.indexOf("=");
    const rootName = eqAt < 0 ? inner : inner.slice(0, eqAt);
    const fieldName = eqAt < 0 ? undefined : inner.slice(eqAt + 2);
    return {
      get: (ctx) => {
        const list = ctx.pvx?.xavps?.xavu;
        const top = list ? xget(list, rootName, 0, exactName) : undefined;
        if (!top) return null;
        if (fieldName === undefined) return itemValue(top);
        if (!Array.isArray(top.value)) return null;
        const sub = xget(top.value, fieldName, 0, exactName);
        return sub ? itemValue(sub) : null;
      },
      set: (ctx, raw) => {
        const list = listsOf(ctx).xavu;
        if (raw === null) {
          if (fieldName === undefined) xremove(list, rootName, 0, exactName);
          else {
            const top = xget(list, rootName, 0, exactName);
            if (top && Array.isArray(top.value)) xremove(top.value, fieldName, 0, exactName);
          }
          return true;
        }
        const v = shmCopy(raw);
        if (fieldName === undefined) {
          xuset(list, rootName, v);
          return true;
        }
        // xavu_set_child_xval(): a root without a child list is replaced by a new one.
        const top = xget(list, rootName, 0, exactName);
        if (top && Array.isArray(top.value)) {
          xremove(top.value, fieldName, 0, exactName);
          xadd(top.value, fieldName, v);
        } else {
          if (top) xremove(list, rootName, 0, exactName);
          xuset(list, rootName, [{ name: fieldName, value: v }]);
        }
        return true;
      },
    };
  },
};

/**
 * `$cnt($xavp(...))` (pv_get_cnt()'s PVT_XAVP case): no index or `[*]` counts every item,
 * a number says whether that one exists (1 or 0); with a field, the same per root.
 */
export function xavpCounter(inner: string, env: CompileEnv): ((ctx: ScriptContext) => number) | undefined {
  const parsed = parseXavpName(inner);
  if (!parsed) return undefined;
  const { root, field } = parsed;
  const rootIdx = compileIndex(root.index, env);
  const fieldIdx = compileIndex(field?.index, env);
  const eq = exactName;
  return (ctx) => {
    const list = ctx.pvx?.xavps?.xavp ?? [];
    const ri = rootIdx(ctx);
    if (!ri) return 0;
    const rootAll = root.index === undefined || ri.kind === IDX_ALL;
    const countIn = (top: XavpItem | undefined): number => {
      if (!field) return top ? 1 : 0;
      if (!top || !Array.isArray(top.value)) return 0;
      const fi = fieldIdx(ctx);
      if (!fi) return 0;
      if (field.index === undefined || fi.kind === IDX_ALL) return xcount(top.value, field.name, eq);
      return xget(top.value, field.name, readIdx(fi.n, top.value, field.name, eq), eq) ? 1 : 0;
    };
    if (!rootAll) return countIn(xget(list, root.name, readIdx(ri.n, list, root.name, eq), eq));
    // xavp_count() gives -1 for an empty name, which $cnt prints unsigned.
    if (!field) return root.name === "" ? 4294967295 : xcount(list, root.name, eq);
    let n = 0;
    for (const top of xall(list, root.name, eq)) n += countIn(top);
    return n;
  };
}
