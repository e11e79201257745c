/**
 * The variables a cfgt report lists at each route boundary (modules/cfgt/cfgt_json.c
 * cfgt_get_json()): every pseudo-variable in Kamailio's PV cache — each name the config spells,
 * once — whose type the mask selects. 5.6.3's _cfgt_set_dump() passes the mask 30 whatever the
 * `mask` parameter says: AVPs, script variables, xavps and "other" PVs, never null values.
 * Left out as cfgt leaves them out: a name with transformations, `$T_*`, a name holding another
 * `$` (a dynamic name), an AVP indexed by `[*]` or an index other than 0, an xavp name already
 * listed, PVs of the other types (headers, R-URI, From/To, branches, time...), and values that
 * are null (an AVP or xavp with no value, `$vn` unset, a PV without a value).
 */
import type { CfgtValue } from "../../events.js";
import type { PvSpec } from "../../lang/pv-spec.js";
import { methodId } from "../../sip/method-ids.js";
import type { ScriptContext } from "../context.js";
import type { PvAccess } from "../env.js";
import { exactName, type XavpItem, xall } from "../pv/xavp-store.js";
import type { Value } from "../values.js";
import { pvCacheBucket } from "./hash.js";

/**
 * Classes whose pv_export_t type is not PVT_OTHER (modules/pv/pv.c, core/pv_core.c): cfgt's
 * mask never selects them. Every other class kamsim simulates is PVT_OTHER.
 */
const NOT_OTHER = new Set([
  "s",
  "sbranch",
  "xavu",
  "xavi",
  "hdr",
  "hdrc",
  "hfl",
  "hflc",
  "bf",
  "bF",
  "Bf",
  "br",
  "bR",
  "ds",
  "du",
  "duri",
  "fu",
  "from",
  "ou",
  "ouri",
  "rb",
  "rd",
  "ruri.domain",
  "ru",
  "ruri",
  "rU",
  "ruri.user",
  "rUl",
  "tu",
  "to",
  "Tf",
  "Ts",
  "time",
  "timef",
  "utime",
  "utimef",
]);

/** PVT_SCRIPTVAR classes (pv.c). */
const SCRIPT_VARS = new Set(["var", "vz", "vn"]);

/**
 * PVs Kamailio gives as a string and an int (pv_get_strintval(), pv_get_intstrval()): cfgt
 * tests PV_VAL_INT first and writes the int. `$rm` is the method's id (core/parser/msg_parser.h
 * METHOD_*), `$rs` the reply's status code (modules/pv/pv_core.c pv_get_status()).
 */
const INT_VIEW: Readonly<Record<string, (v: string) => number>> = {
  rm: methodId,
  rs: (v) => Number.parseInt(v, 10),
};

type Reader = (ctx: ScriptContext) => CfgtValue | undefined;

interface CachedPv {
  /** The name as the cache holds it (the config's text), or the xavp's name for dedup. */
  name: string;
  bucket: number;
  /** Order of insertion: within a bucket the newest comes first (pv_cache_add()). */
  seq: number;
  /** `$xavp(NAME)` entries: the list they read, for cfgt's once-per-name rule. */
  xavp?: string;
  read: Reader;
}

const scalar = (v: Value): CfgtValue | undefined => (v === null ? undefined : v);

function avpName(spec: PvSpec): string | undefined {
  if (spec.index === "*" || (spec.index !== undefined && Number(spec.index) !== 0)) return undefined;
  return (spec.inner ?? "").replace(/^[si]:/, "");
}

/**
 * An xavp item's value as _cfgt_get_obj_xavp_val() writes it. A nested list is printed there as
 * `<<xavp:%p>>` (a pointer, padded to 128 bytes); kamsim writes `<<xavp>>`.
 */
function xavpLeaf(v: XavpItem["value"]): CfgtValue {
  return Array.isArray(v) ? "<<xavp>>" : v;
}

/** `$xavp(NAME)`: one object per list item, its keys in list order, each an array of values newest first. */
function readXavp(name: string): Reader {
  return (ctx) => {
    const list = ctx.pvx?.xavps?.xavp;
    if (!list) return undefined;
    const out: CfgtValue[] = [];
    for (const item of xall(list, name, exactName)) {
      if (!Array.isArray(item.value)) continue;
      const obj: Record<string, CfgtValue> = {};
      for (const child of item.value) {
        if (Object.hasOwn(obj, child.name)) continue;
        obj[child.name] = xall(item.value, child.name, exactName).map((c) => xavpLeaf(c.value));
      }
      out.push(obj);
    }
    return out.length === 0 ? undefined : out;
  };
}

/** The PV cache as cfgt walks it, fed with every PV the program compiles. */
export class CfgtVars {
  private readonly entries: CachedPv[] = [];
  private readonly names = new Set<string>();
  private ordered: CachedPv[] | undefined;

  /** A PV the config names (pv_cache_get(): a name already cached adds nothing). */
  add(spec: PvSpec, access: PvAccess): void {
    const text = spec.text;
    if (this.names.has(text)) return;
    this.names.add(text);
    const entry = this.entryOf(spec, access);
    if (!entry) return;
    this.entries.push({ ...entry, name: entry.name, bucket: pvCacheBucket(text), seq: this.entries.length });
    this.ordered = undefined;
  }

  private entryOf(spec: PvSpec, access: PvAccess): Omit<CachedPv, "bucket" | "seq"> | undefined {
    if (spec.transforms.length > 0) return undefined;
    if (spec.name === "avp") {
      const name = avpName(spec);
      if (name === undefined || name === "") return undefined;
      return {
        name: `$avp(${name})`,
        read: (ctx) => {
          const list = ctx.avps?.get(name);
          if (!list || list.length === 0) return undefined;
          return list.map((v) => (v === null ? "" : v)).reverse();
        },
      };
    }
    if (spec.name === "xavp") {
      const name = (spec.inner ?? "").split("=>")[0]?.replace(/\[.*$/, "") ?? "";
      if (name === "") return undefined;
      return { name: `$xavp(${name})`, xavp: name, read: readXavp(name) };
    }
    if (NOT_OTHER.has(spec.name)) return undefined;
    if (!SCRIPT_VARS.has(spec.name)) {
      if (spec.text.startsWith("$T_")) return undefined;
      if (spec.text.indexOf("$", 1) >= 0) return undefined;
    }
    const intView = INT_VIEW[spec.name];
    return {
      name: spec.text,
      read: (ctx) => {
        const v = access.get(ctx);
        if (intView && typeof v === "string") return intView(v);
        return scalar(v ?? null);
      },
    };
  }

  /** The variables now, in cache order (bucket by bucket, newest first within a bucket). */
  dump(ctx: ScriptContext): Record<string, CfgtValue> {
    this.ordered ??= [...this.entries].sort((a, b) => a.bucket - b.bucket || b.seq - a.seq);
    const out: Record<string, CfgtValue> = {};
    const xavps = new Set<string>();
    for (const e of this.ordered) {
      if (e.xavp !== undefined) {
        if (xavps.has(e.xavp)) continue;
        xavps.add(e.xavp);
      }
      const v = e.read(ctx);
      if (v !== undefined) out[e.name] = v;
    }
    return out;
  }
}
