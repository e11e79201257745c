/**
 * textops' regular-expression functions over the message (src/modules/textops/textops.c,
 * 5.6.3). Their regexes are compiled as textops' fixups and ki_ functions compile them:
 * extended, case-insensitive, REG_NEWLINE (`^`/`$` at line ends, `.` and `[^x]` never cross
 * one) — base/regex gives glibc's semantics. A literal regex is compiled at start-up; the `_pv`
 * variants compile theirs per call and answer -1 with "failed to compile regex" when it fails.
 *
 * Where each looks: `search_append`, `replace`, `replace_all` and `subst` from the first header
 * to the end of the message (get_header(): the request line is left alone); `replace_hdrs` the
 * header block only; the `_body` ones the body only; header-name ones each header's name. What
 * they change is a pending change (../lumps.ts), visible only after `msg_apply_changes()`.
 */
import { L_ERR } from "../../base/log-levels.js";
import { compileRegex, type PosixRegex } from "../../base/regex/index.js";
import { type SubstExpr as CoreSubst, substRun as coreSubstRun, parseSubst } from "../../base/regex/subst.js";
import { parsePvAt } from "../../lang/pv-spec.js";
import type { ScriptContext } from "../../runtime/context.js";
import type { CallArg, CompileEnv, FunctionImpl } from "../../runtime/env.js";
import { parseAllHeaders } from "../../runtime/parse-headers.js";
import { whereIn } from "../../runtime/services.js";
import { printValue, type Value } from "../../runtime/values.js";
import type { HeaderField } from "../../sip/headers.js";
import { formatUri } from "../../sip/uri.js";
import { anchorLump, delLump, insertAfter, type MsgView, msgView } from "../lumps.js";
import { hnameKey } from "./headers.js";

const FLAGS = { icase: true, newline: true };

function err(ctx: ScriptContext, at: string, fn: string, text: string): void {
  ctx.sv.log.module(ctx.proc, L_ERR, "textops", at, fn, text, whereIn(ctx));
}

/** A literal regex argument, compiled at start-up (fixup_regexp_*); refused there when bad. */
function fixedRe(arg: CallArg | undefined, env: CompileEnv, fixup: string, newline = true): PosixRegex | undefined {
  const text = arg?.literal ?? "";
  const r = compileRegex(text, { icase: true, newline });
  if (r.ok) return r.re;
  env.fixupError(`${fixup}(): bad re ${text}`, (arg as CallArg).node.span);
  return undefined;
}

/** A regex read per call (ki_* functions); undefined after Kamailio's error line. */
function runtimeRe(ctx: ScriptContext, text: string, at: string, fn: string): PosixRegex | undefined {
  const r = compileRegex(text, FLAGS);
  if (r.ok) return r.re;
  err(ctx, at, fn, `failed to compile regex: ${text}`);
  return undefined;
}

function headersOf(ctx: ScriptContext, at: string, fn: string): MsgView | undefined {
  // parse_headers()'s own lines first (a received header that fails after receipt).
  const v = parseAllHeaders(ctx) ? msgView(ctx.msg) : undefined;
  if (v?.fields === undefined) {
    err(ctx, at, fn, "error while parsing message headers");
    return undefined;
  }
  return v;
}

/** remove_hf_re()/remove_hf_exp(): headers whose name matches `match` and not `skip`. */
function removeByName(ctx: ScriptContext, match: PosixRegex, skip: PosixRegex | undefined, at: string, fn: string) {
  const v = headersOf(ctx, at, fn);
  if (!v?.fields) return -1;
  let cnt = 0;
  for (const f of v.fields) {
    if (skip?.test(f.name)) continue;
    if (!match.test(f.name)) continue;
    delLump(ctx.msg, f.start, f.end - f.start);
    cnt++;
  }
  return cnt === 0 ? -1 : 1;
}

export const remove_hf_re: FunctionImpl = {
  compile(args, env) {
    const re = fixedRe(args[0], env, "fixup_regexp_null");
    return (ctx) => (re ? removeByName(ctx, re, undefined, "textops.c:1916", "remove_hf_re") : -1);
  },
};

export const remove_hf_exp: FunctionImpl = {
  compile(args, env) {
    const m = fixedRe(args[0], env, "fixup_regexp_regexp");
    const s = fixedRe(args[1], env, "fixup_regexp_regexp");
    return (ctx) => (m && s ? removeByName(ctx, m, s, "textops.c:1975", "remove_hf_exp") : -1);
  },
};

export const remove_hf_re_pv: FunctionImpl = {
  compile(args) {
    const text = (args[0] as CallArg).str();
    return (ctx) => {
      const re = runtimeRe(ctx, text(ctx), "textops.c:1952", "ki_remove_hf_re");
      return re ? removeByName(ctx, re, undefined, "textops.c:1916", "remove_hf_re") : -1;
    };
  },
};

export const remove_hf_exp_pv: FunctionImpl = {
  compile(args) {
    const m = (args[0] as CallArg).str();
    const s = (args[1] as CallArg).str();
    return (ctx) => {
      const mre = runtimeRe(ctx, m(ctx), "textops.c:2019", "ki_remove_hf_exp");
      if (!mre) return -1;
      const sre = runtimeRe(ctx, s(ctx), "textops.c:2023", "ki_remove_hf_exp");
      return sre ? removeByName(ctx, mre, sre, "textops.c:1975", "remove_hf_exp") : -1;
    };
  },
};

function presentByName(ctx: ScriptContext, re: PosixRegex): number {
  const v = headersOf(ctx, "textops.c:2074", "is_present_hf_re_helper");
  if (!v?.fields) return -1;
  for (const f of v.fields) if (re.test(f.name)) return 1;
  return -1;
}

export const is_present_hf_re: FunctionImpl = {
  compile(args, env) {
    const re = fixedRe(args[0], env, "fixup_regexp_null");
    return (ctx) => (re ? presentByName(ctx, re) : -1);
  },
};

export const is_present_hf_re_pv: FunctionImpl = {
  compile(args) {
    const text = (args[0] as CallArg).str();
    return (ctx) => {
      const re = runtimeRe(ctx, text(ctx), "textops.c:2173", "ki_is_present_hf_re");
      return re ? presentByName(ctx, re) : -1;
    };
  },
};

/** The body as get_body() gives it; undefined (-1 for the caller) when it is empty. */
function bodyOf(ctx: ScriptContext): MsgView | undefined {
  const v = msgView(ctx.msg);
  if (v === undefined || v.bodyStart >= v.raw.length) return undefined;
  return v;
}

export const search_body: FunctionImpl = {
  compile(args, env) {
    const re = fixedRe(args[0], env, "fixup_regexp_null");
    return (ctx) => {
      const v = bodyOf(ctx);
      return re && v && re.test(v.raw, v.bodyStart) ? 1 : -1;
    };
  },
};

/** search_append()/search_append_body(): the text goes after the first match. */
function searchAppend(body: boolean): FunctionImpl {
  return {
    compile(args, env) {
      const re = fixedRe(args[0], env, "fixup_regexp_none");
      const text = args[1]?.literal ?? "";
      return (ctx) => {
        const v = body ? bodyOf(ctx) : msgView(ctx.msg);
        if (!re || !v) return -1;
        const m = re.exec(v.raw, body ? v.bodyStart : v.headerStart);
        if (m === null) return -1;
        const l = anchorLump(ctx.msg, m.end);
        if (l) insertAfter(l, text);
        return 1;
      };
    },
  };
}

export const search_append = searchAppend(false);
export const search_append_body = searchAppend(true);

/**
 * The replace family: the first match (replace, replace_body, replace_hdrs) or every match
 * (replace_all from the headers on, replace_body_all and replace_body_atonce in the body) gives
 * way to the text. After a match `^` matches again only after a line end, except in
 * replace_body_atonce, whose regex has no REG_NEWLINE and which passes REG_NOTBOL after the first
 * match, so `^` never matches again. An empty match is an error and stops the walk.
 */
function replacer(where: "msg" | "body" | "hdrs", all: boolean, nobol = true): FunctionImpl {
  return {
    compile(args, env) {
      // replace_body_atonce's fixup_regexpNL_none compiles without REG_NEWLINE: `^` is the
      // body's start only, and `.` crosses line ends.
      const re = nobol
        ? fixedRe(args[0], env, "fixup_regexp_none")
        : fixedRe(args[0], env, "fixup_regexpNL_none", false);
      const text = args[1]?.literal ?? "";
      return (ctx) => {
        const v = where === "body" ? bodyOf(ctx) : msgView(ctx.msg);
        if (!re || !v) return -1;
        let input = v.raw;
        let p = where === "body" ? v.bodyStart : v.headerStart;
        if (where === "hdrs") {
          if (v.fields === undefined) {
            err(ctx, "textops.c:1243", "replace_hdrs_helper", "failed to parse to end of headers");
            return -1;
          }
          input = v.raw.slice(0, v.eoh);
          if (p >= input.length) return -1;
        }
        let ret = -1;
        let notbol = false;
        while (p < input.length) {
          const m = re.exec(input, p, { notbol });
          if (m === null) break;
          if (all && m.index === m.end) {
            const [at, fn] =
              where === "body" ? ["textops.c:698", "replace_body_all_helper"] : ["textops.c:604", "replace_all_helper"];
            err(ctx, at as string, fn as string, "matched string is empty... invalid regexp?");
            return -1;
          }
          const l = delLump(ctx.msg, m.index, m.end - m.index);
          if (l) insertAfter(l, text);
          ret = 1;
          if (!all) break;
          p = m.end;
          const last = input[p - 1];
          notbol = !(nobol && (last === "\n" || last === "\r"));
        }
        return ret;
      };
    },
  };
}

export const replace = replacer("msg", false);
export const replace_all = replacer("msg", true);
export const replace_body = replacer("body", false);
export const replace_body_all = replacer("body", true);
export const replace_body_atonce = replacer("body", true, false);
export const replace_hdrs = replacer("hdrs", false);

/** A parsed sed-like expression (core/re.c, base/regex/subst.ts) with its replacement's PVs. */
interface SubstExpr {
  se: CoreSubst;
  pvs: Map<string, (ctx: ScriptContext) => Value | undefined>;
}

/** One hit of subst_run(): `size` characters at `offset` become `text`. */
interface SubstHit {
  offset: number;
  size: number;
  text: string;
}

/** A `$...` of the replacement: its length, as pv_parse_spec() reads it. */
function pvLength(text: string, at: number): number | undefined {
  const p = parsePvAt(text, at);
  return "spec" in p ? p.length : undefined;
}

/** A literal sed-like expression, parsed at start-up (fixup_substre). */
function fixedSubst(arg: CallArg | undefined, env: CompileEnv): SubstExpr | undefined {
  const text = arg?.literal ?? "";
  const r = parseSubst(text, pvLength);
  if (!r.ok) {
    env.fixupError(`fixup_substre(): bad subst. re ${text}`, (arg as CallArg).node.span);
    return undefined;
  }
  const pvs = new Map<string, (ctx: ScriptContext) => Value | undefined>();
  for (const part of r.se.parts) {
    if (part.t !== "pv" || pvs.has(part.text)) continue;
    const p = parsePvAt(part.text, 0);
    if ("spec" in p) {
      const access = env.pv(p.spec, (arg as CallArg).node.span);
      pvs.set(part.text, (ctx) => access.get(ctx));
    }
  }
  return { se: r.se, pvs };
}

/** core/re.c's lines for subst_run()'s failures. */
function reError(ctx: ScriptContext, text: string): void {
  const [line, fn] = text.startsWith("Buffer too small") ? ["339", "replace_build"] : ["446", "subst_run"];
  ctx.sv.log.core(ctx.proc, L_ERR, `re.c:${line}`, fn, text, whereIn(ctx));
}

/**
 * subst_run() over `input`: the hits; undefined when nothing matched; "error" after core/re.c's
 * line (an empty match, a replacement too long), when Kamailio replaces nothing.
 */
function substRun(s: SubstExpr, input: string, ctx: ScriptContext): SubstHit[] | undefined | "error" {
  const r = coreSubstRun(s.se, input, {
    uri: () => ctx.msg.ruri,
    pv: (text) => {
      const v = s.pvs.get(text)?.(ctx);
      return v === undefined ? "" : printValue(v);
    },
  });
  if ("error" in r) {
    reError(ctx, r.error);
    return "error";
  }
  return r.length === 0 ? undefined : r.map((h) => ({ offset: h.offset, size: h.size, text: h.rpl }));
}

/** subst_str(): the input with every hit replaced. */
function substStr(s: SubstExpr, input: string, ctx: ScriptContext): string | undefined | "error" {
  const hits = substRun(s, input, ctx);
  if (hits === undefined || hits === "error") return hits;
  let out = "";
  let p = 0;
  for (const h of hits) {
    out += input.slice(p, h.offset) + h.text;
    p = h.offset + h.size;
  }
  return out + input.slice(p);
}

/** subst()/subst_body(): every hit becomes a deletion with its replacement after it. */
function substLumps(body: boolean): FunctionImpl {
  return {
    compile(args, env) {
      const se = fixedSubst(args[0], env);
      return (ctx) => {
        const v = body ? bodyOf(ctx) : msgView(ctx.msg);
        if (!se || !v) return -1;
        const from = body ? v.bodyStart : v.headerStart;
        const hits = substRun(se, v.raw.slice(from), ctx);
        if (hits === "error") {
          // subst_run() (core/re.c) has said why; the two helpers word their line differently.
          if (body) err(ctx, "textops.c:1565", "subst_body_helper_f", "textops subst_run failed");
          else err(ctx, "textops.c:1403", "subst_helper_f", "textops: subst_run failed");
          return -1;
        }
        if (hits === undefined) return -1;
        for (const h of hits) {
          const l = delLump(ctx.msg, from + h.offset, h.size);
          if (l) insertAfter(l, h.text);
        }
        return 1;
      };
    },
  };
}

export const subst = substLumps(false);
export const subst_body = substLumps(true);

/** subst_uri(): the R-URI (the assigned one, else the request line's) replaced at once. */
export const subst_uri: FunctionImpl = {
  compile(args, env) {
    const se = fixedSubst(args[0], env);
    return (ctx) => {
      if (!se) return -1;
      const uri = ctx.msg.ruri;
      const r = substStr(se, uri, ctx);
      if (r === undefined || r === "error") return -1;
      ctx.msg.ruri = r;
      return 1;
    };
  },
};

/** subst_user(): the R-URI's user part (empty when it has none), written back as setuser() does. */
export const subst_user: FunctionImpl = {
  compile(args, env) {
    const se = fixedSubst(args[0], env);
    return (ctx) => {
      const u = ctx.msg.uri;
      if (!se || !u) return -1;
      const r = substStr(se, u.user ?? "", ctx);
      if (r === "error") err(ctx, "textops.c:1486", "subst_user_helper_f", "subst_user(): subst_str() failed");
      if (r === undefined || r === "error") return -1;
      ctx.msg.ruri = formatUri({ ...u, user: r }, false);
      return 1;
    };
  },
};

/** The headers of a name (hname_fixup: by type or whole name), in order. */
function named(v: MsgView, key: string | undefined): HeaderField[] {
  return (v.fields ?? []).filter((f) => f.key === key);
}

/**
 * search_hf(name, re, flags) (search_hf_helper_f): the regex against each header's body; with
 * `f` only the first header counts, with `l` only the last; otherwise any.
 */
export const search_hf: FunctionImpl = {
  compile(args, env) {
    const key = hnameKey((args[0] as CallArg).literal ?? "");
    const re = fixedRe(args[1], env, "fixup_regexp_null");
    const flag = (args[2]?.literal ?? "")[0];
    return (ctx) => {
      const v = headersOf(ctx, "textops.c:4748", "search_hf_helper_f");
      if (!v || !re) return -1;
      const hs = named(v, key);
      const body = (f: HeaderField) => v.raw.slice(f.bodyStart, f.bodyEnd);
      if (flag === "l") {
        const last = hs[hs.length - 1];
        return last && re.test(body(last)) ? 1 : -1;
      }
      for (const f of hs) {
        if (re.test(body(f))) return 1;
        if (flag === "f") return -1;
      }
      return -1;
    };
  },
};

/**
 * subst_hf(name, subst, flags) (subst_hf_helper_f): the substitution inside each header's body
 * (`f` the first only, `l` the last only, else all of them); 1 when something was replaced.
 */
export const subst_hf: FunctionImpl = {
  compile(args, env) {
    const key = hnameKey((args[0] as CallArg).literal ?? "");
    const se = fixedSubst(args[1], env);
    const flag = (args[2]?.literal ?? "")[0];
    return (ctx) => {
      const v = headersOf(ctx, "textops.c:4835", "subst_hf_helper_f");
      if (!v || !se) return -1;
      const hs = named(v, key);
      const targets = flag === "l" ? hs.slice(-1) : flag === "f" ? hs.slice(0, 1) : hs;
      let ret = -1;
      // Kamailio keeps the count of the last subst_run() only, and reports it at the end.
      let failed = false;
      for (const f of targets) {
        const hits = substRun(se, v.raw.slice(f.bodyStart, f.bodyEnd), ctx);
        failed = hits === "error";
        if (hits === undefined || hits === "error") {
          if (flag === "f" || flag === "l") break;
          continue;
        }
        ret = 1;
        for (const h of hits) {
          const l = delLump(ctx.msg, f.bodyStart + h.offset, h.size);
          if (l) insertAfter(l, h.text);
        }
      }
      if (failed) err(ctx, "textops.c:4940", "subst_hf_helper_f", "textops subst_run failed");
      return ret;
    };
  },
};
