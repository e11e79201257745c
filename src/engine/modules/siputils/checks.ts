/**
 * siputils' value checks (src/modules/siputils/checks.c, 5.6.3), with their return codes:
 * - is_e164(pv) / is_uri_user_e164(pv): `+` then 2 to 15 digits (e164_check); the argument is a
 *   pseudo-variable, and one without a string value (`$null`) is an error;
 * - is_tel_number(s): digits, optionally after `+` and a first digit 1-9; is_numeric(s): digits
 *   only; is_alphanum(s): ASCII letters and digits; is_alphanumex(s, extra): those or a
 *   character of `extra` — an empty value gives -2, a bad character -2 (tel, numeric) or -3;
 * - uri_param(name[, value]): the R-URI has the parameter (without a value, or with that value);
 * - is_uri(s): the text parses as a SIP/tel URI; is_request()/is_reply().
 */
import { L_ERR } from "../../base/log-levels.js";
import { parsePvAt } from "../../lang/pv-spec.js";
import type { ScriptContext } from "../../runtime/context.js";
import type { CallArg, CompileEnv, FunctionImpl } from "../../runtime/env.js";
import { whereIn } from "../../runtime/services.js";
import type { Value } from "../../runtime/values.js";
import { headerKey } from "../../sip/header-names.js";
import { parseUri, type SipUri } from "../../sip/uri.js";

function err(ctx: ScriptContext, at: string, fn: string, text: string): void {
  ctx.sv.log.module(ctx.proc, L_ERR, "siputils", at, fn, text, whereIn(ctx));
}

/** e164_check(): `+` and 2..15 digits. */
export function e164(user: string): number {
  if (user.length > 2 && user.length < 17 && user[0] === "+") {
    for (let i = 1; i < user.length; i++) {
      const c = user.charCodeAt(i);
      if (c < 48 || c > 57) return -1;
    }
    return 1;
  }
  return -1;
}

/** is_uri_user_e164(): the user between the first `:` and the next `@`. */
export function uriUserE164(uri: string): number | "no-colon" {
  const colon = uri.indexOf(":");
  if (colon < 0) return "no-colon";
  const at = uri.indexOf("@", colon + 1);
  if (at < 0) return -1;
  return e164(uri.slice(colon + 1, at));
}

/**
 * A fixup_pvar_null argument: the variable's own value (null for `$null`), not its text — a
 * quoted name like "$rU" is the variable too.
 */
function pvValue(arg: CallArg, env: CompileEnv): (ctx: ScriptContext) => Value | undefined {
  const lit = arg.literal;
  if (lit?.startsWith("$")) {
    const pv = parsePvAt(lit, 0);
    if (!("error" in pv) && pv.length === lit.length) {
      const access = env.pv(pv.spec, arg.node.span);
      return (ctx) => access.get(ctx);
    }
  }
  return arg.value();
}

/** The two pv-argument checks: the PV's string value, or Kamailio's error. */
function pvCheck(
  line: number,
  missing: number,
  check: (s: string, ctx: ScriptContext) => number,
  fn: string,
): FunctionImpl {
  return {
    compile(args, env) {
      const value = pvValue(args[0] as CallArg, env);
      return (ctx) => {
        const v = value(ctx);
        if (v === null || v === undefined) {
          err(ctx, `checks.c:${line}`, fn, "pseudo variable value is not string");
          return -1;
        }
        const s = String(v);
        if (s === "") return missing;
        return check(s, ctx);
      };
    },
  };
}

export const is_e164 = pvCheck(699, -1, (s) => e164(s), "is_e164");

export const is_uri_user_e164 = pvCheck(
  727,
  -1,
  (s, ctx) => {
    const r = uriUserE164(s);
    if (r !== "no-colon") return r;
    err(ctx, "checks.c:744", "is_uri_user_e164", "parsing URI failed");
    return -1;
  },
  "w_is_uri_user_e164",
);

const digit = (c: number) => c >= 48 && c <= 57;
const alnum = (c: number) => digit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** ki_is_tel_number(). */
export function telNumber(s: string): number {
  if (s.length < 1) return -2;
  let i = 0;
  if (s[0] === "+") {
    if (s.length < 2) return -2;
    const c = s.charCodeAt(1);
    if (c < 49 || c > 57) return -2;
    i = 2;
  }
  for (; i < s.length; i++) if (!digit(s.charCodeAt(i))) return -2;
  return 1;
}

/** ki_is_alphanumex() (and ki_is_alphanum / ki_is_numeric with their own sets). */
export function charsCheck(s: string, ok: (c: number) => boolean, extra: string, bad: number): number {
  if (s.length === 0) return -2;
  for (let i = 0; i < s.length; i++) if (!ok(s.charCodeAt(i)) && !extra.includes(s[i] as string)) return bad;
  return 1;
}

function strCheck(check: (s: string, extra: string) => number): FunctionImpl {
  return {
    compile(args) {
      const value = (args[0] as CallArg).str();
      const extra = args[1]?.str();
      return (ctx) => check(value(ctx), extra?.(ctx) ?? "");
    },
  };
}

export const is_tel_number = strCheck((s) => telNumber(s));
export const is_numeric = strCheck((s) => charsCheck(s, digit, "", -2));
export const is_alphanum = strCheck((s) => charsCheck(s, alnum, "", -3));
export const is_alphanumex = strCheck((s, extra) => charsCheck(s, alnum, extra, -3));
export const is_uri = strCheck((s) => (parseUri(s) ? 1 : -1));

/** parse_params() of the R-URI's parameters: name → value ("" when it has none). */
function uriParams(params: string | undefined): [string, string][] {
  if (!params) return [];
  return params.split(";").map((p) => {
    const eq = p.indexOf("=");
    return eq < 0 ? [p.trim(), ""] : [p.slice(0, eq).trim(), p.slice(eq + 1).trim()];
  });
}

/** ki_uri_param_value(): the first parameter of that name decides. */
export const uri_param: FunctionImpl = {
  compile(args) {
    const name = (args[0] as CallArg).str();
    const value = args[1]?.str();
    return (ctx) => {
      const u = ctx.msg.uri;
      if (!u) {
        err(ctx, "checks.c:243", "ki_uri_param_value", "ruri parsing failed");
        return -1;
      }
      const n = name(ctx);
      // parse_uri() turns a user=phone URI into a tel one whose parameters are those of its user.
      for (const [pn, pv] of uriParams(u.phone || u.scheme === "tel" ? u.telParams : u.params)) {
        if (pn !== n) continue;
        if (value) return pv === value(ctx) ? 1 : -1;
        return pv === "" ? 1 : -1;
      }
      return -1;
    };
  },
};

export const is_request: FunctionImpl = { compile: () => () => 1 };
export const is_reply: FunctionImpl = { compile: () => () => -1 };

/**
 * uri_param_any(name) (ki_uri_param_any): the R-URI has the parameter, with or without a value;
 * names compare case-insensitively. A user=phone URI's own `;` parameters are looked at first
 * (parse_uri()'s sip_params), then a tel URI's.
 */
export const uri_param_any: FunctionImpl = {
  compile(args) {
    const name = (args[0] as CallArg).str();
    return (ctx) => {
      const u = ctx.msg.uri;
      if (!u) {
        err(ctx, "checks.c:314", "ki_uri_param_any", `failed to parse r-uri [${ctx.msg.ruri}]`);
        return -1;
      }
      const n = name(ctx).toLowerCase();
      const t = u.params || u.telParams;
      for (const [pn] of uriParams(t)) if (pn.toLowerCase() === n) return 1;
      return -1;
    };
  },
};

/**
 * get_uri_param(name, "$var(x)") (get_uri_param): the value of the R-URI parameter (of a tel or
 * user=phone URI, its user part's) into the variable; -1, the variable untouched, when absent.
 */
export const get_uri_param: FunctionImpl = {
  compile(args, env) {
    const name = (args[0] as CallArg).literal ?? "";
    const dst = (args[1] as CallArg).literal ?? "";
    const pv = parsePvAt(dst, 0);
    const access = "error" in pv ? undefined : env.pv(pv.spec, (args[1] as CallArg).node.span);
    return (ctx) => {
      const u = ctx.msg.uri;
      if (!u) {
        err(ctx, "checks.c:940", "get_uri_param", "ruri parsing failed");
        return -1;
      }
      for (const [pn, pv] of uriParams(u.phone || u.scheme === "tel" ? u.telParams : u.params)) {
        if (pn !== name) continue;
        access?.set?.(ctx, pv);
        return 1;
      }
      return -1;
    };
  },
};

/**
 * Where the parameters uri_param_rm() edits lie in the R-URI text: a SIP URI's own `;`
 * parameters (up to `?headers`), else a tel URI's, or those in a user=phone URI's user part.
 */
function paramRegion(ruri: string, u: SipUri): [number, number] | undefined {
  const tail = (params: string) => {
    const end = u.headers !== undefined ? ruri.length - u.headers.length - 1 : ruri.length;
    return [end - params.length, end] as [number, number];
  };
  if (u.params) return tail(u.params);
  if (!u.telParams) return undefined;
  if (u.scheme === "tel") return tail(u.telParams);
  const at = ruri.indexOf("@");
  return at < 0 ? undefined : [at - u.telParams.length, at];
}

/**
 * uri_param_rm(name) (ki_uri_param_rm): removes `;name` or `;name=value` (the first parameter of
 * that name, any case) from the R-URI text; 1 also when there is none.
 */
export const uri_param_rm: FunctionImpl = {
  compile(args) {
    const name = (args[0] as CallArg).str();
    return (ctx) => {
      const ruri = ctx.msg.ruri;
      const u = ctx.msg.uri;
      if (!u) {
        err(ctx, "checks.c:502", "ki_uri_param_rm", `failed to parse r-uri [${ruri}]`);
        return -1;
      }
      const region = paramRegion(ruri, u);
      if (!region) return 1;
      const n = name(ctx).toLowerCase();
      let p = region[0];
      while (p <= region[1]) {
        let e = ruri.indexOf(";", p);
        if (e < 0 || e > region[1]) e = region[1];
        const item = ruri.slice(p, e);
        const eq = item.indexOf("=");
        if ((eq < 0 ? item : item.slice(0, eq)).trim().toLowerCase() === n) {
          ctx.msg.ruri = ruri.slice(0, p - 1) + ruri.slice(e);
          return 1;
        }
        p = e + 1;
      }
      return 1;
    };
  },
};

/**
 * tel2sip(uri, hostpart, "$var(x)") (checks.c tel2sip): a `tel:` URI (any case) becomes
 * `sip:NUMBER@hostpart;user=phone` in the variable — lower-cased, the visual separators `-.()`
 * dropped before the first `;`, its parameters kept; 2 (nothing done) for any other URI.
 */
export const tel2sip: FunctionImpl = {
  compile(args, env) {
    const uri = (args[0] as CallArg).str();
    const host = (args[1] as CallArg).str();
    const dst = (args[2] as CallArg).literal ?? "";
    const pv = parsePvAt(dst, 0);
    const access = "error" in pv ? undefined : env.pv(pv.spec, (args[2] as CallArg).node.span);
    return (ctx) => {
      const u = uri(ctx);
      if (u.length < 4 || u.slice(0, 4).toLowerCase() !== "tel:") return 2;
      const semi = u.indexOf(";");
      const number = semi < 0 ? u : u.slice(0, semi);
      const tel = number.replace(/[-.()]/g, "").toLowerCase() + (semi < 0 ? "" : u.slice(semi).toLowerCase());
      if (!access?.set) {
        err(ctx, "checks.c:651", "tel2sip", "failed to set result pvar");
        return -1;
      }
      access.set(ctx, `sip:${tel.slice(4)}@${host(ctx)};user=phone`);
      return 1;
    };
  },
};

/**
 * set_uri_user / set_uri_host (checks.c): the URI held in the first variable gets the second
 * variable's value as its user (empty: the user is removed) or its host, and is written back.
 * `$null` in either is "not string"; an integer counts as its digits.
 */
function setUriPart(part: "user" | "host"): FunctionImpl {
  const fn = part === "user" ? "set_uri_user" : "set_uri_host";
  const lines = part === "user" ? [770, 774, 787, 791, 802] : [859, 863, 876, 880, 900];
  return {
    compile(args, env) {
      const uriPv = pvValue(args[0] as CallArg, env);
      const valPv = pvValue(args[1] as CallArg, env);
      const lit = (args[0] as CallArg).literal ?? "";
      const spec = parsePvAt(lit, 0);
      const target = "error" in spec ? undefined : env.pv(spec.spec, (args[0] as CallArg).node.span);
      return (ctx) => {
        const u = uriPv(ctx);
        if (u === null || u === undefined) {
          err(ctx, `checks.c:${lines[1]}`, fn, "uri value is not string");
          return -1;
        }
        const uri = String(u);
        if (uri === "") {
          err(ctx, `checks.c:${lines[0]}`, fn, "missing uri value");
          return -1;
        }
        const v = valPv(ctx);
        if (v === null || v === undefined) {
          err(
            ctx,
            `checks.c:${lines[3]}`,
            fn,
            part === "user" ? "uriuser value is not string" : "uri value is not string",
          );
          return -1;
        }
        const value = String(v);
        if (part === "host" && value === "") {
          err(ctx, "checks.c:890", fn, "hostpart of uri cannot be empty");
          return -1;
        }
        const colon = uri.indexOf(":");
        if (colon < 0) {
          err(ctx, `checks.c:${lines[4]}`, fn, "uri does not contain ':' character");
          return -1;
        }
        let out: string;
        if (part === "user") {
          const at = uri.indexOf("@");
          if (at < 0) {
            if (value === "") return 1;
            out = `${uri.slice(0, colon + 1)}${value}@${uri.slice(colon + 1)}`;
          } else out = uri.slice(0, colon + 1) + (value === "" ? uri.slice(at + 1) : value + uri.slice(at));
        } else {
          const at = uri.indexOf("@", colon + 1);
          const next = at < 0 ? colon + 1 : at + 1;
          let end = next;
          while (end < uri.length && !":;?".includes(uri[end] as string)) end++;
          out = uri.slice(0, next) + value + uri.slice(end);
        }
        target?.set?.(ctx, out);
        return 1;
      };
    },
  };
}

export const set_uri_user = setUriPart("user");
export const set_uri_host = setUriPart("host");

/** The header names Kamailio gives a type (`_ksr_hdr_map`, src/core/parser/parse_hname2.c), lower-cased. */
const KNOWN_HEADERS = new Set(
  (
    "accept accept-contact accept-language allow allow-events authorization call-id call-info contact " +
    "content-disposition content-encoding content-length content-type cseq date diversion event expires " +
    "from identity identity-info max-forwards min-expires min-se organization path priority privacy " +
    "proxy-authenticate proxy-authorization proxy-require p-preferred-identity p-asserted-identity reason " +
    "record-route refer-to referred-by reject-contact remote-party-id request-disposition require " +
    "retry-after route server session-expires sip-if-match subject subscription-state supported to " +
    "unsupported user-agent via www-authenticate"
  ).split(" "),
);

/**
 * cmp_hdr_name(a, b) (sipops.c over cmp_hdrname_str() of src/core/strutils.c): 1 when both
 * name the same header — a known name by its type, compact forms included (`f` and `From`),
 * another name case-insensitively; −1/−2 otherwise (strncasecmp's sign between two unknown
 * names, −1 when only one is known); −2 after an error for a text that is no header name.
 */
export const cmp_hdr_name: FunctionImpl = {
  compile(args) {
    const a = (args[0] as CallArg).str();
    const b = (args[1] as CallArg).str();
    return (ctx) => {
      const n1 = a(ctx).replace(/[ \t\r\n]+$/, "");
      const n2 = b(ctx).replace(/[ \t\r\n]+$/, "");
      // parse_hname2_str(): the name is the run of header-name characters at the start; the
      // first character must be one, an empty text is no name.
      const nameOf = (n: string): string | undefined => {
        if (n === "") return undefined;
        const m = /^[A-Za-z0-9\-._+~]+/.exec(n);
        if (!m) {
          ctx.sv.log.core(
            ctx.proc,
            L_ERR,
            "parser/parse_hname2.c:238",
            "parse_sip_header_name",
            `invalid start of header name for [${n}]`,
            whereIn(ctx),
          );
          return undefined;
        }
        return m[0];
      };
      const h1 = nameOf(n1);
      const h2 = nameOf(n2);
      if (h1 === undefined || h2 === undefined) {
        ctx.sv.log.core(
          ctx.proc,
          L_ERR,
          "strutils.c:470",
          "cmp_hdrname_str",
          `error parsing header names [${n1}] [${n2}]`,
          whereIn(ctx),
        );
        return -2;
      }
      const k1 = headerKey(h1);
      const k2 = headerKey(h2);
      const t1 = KNOWN_HEADERS.has(k1);
      if (t1) return k1 === k2 ? 1 : -1;
      if (KNOWN_HEADERS.has(k2)) return -1;
      const x = n1.toLowerCase();
      const y = n2.toLowerCase();
      if (x === y) return 1;
      const len = Math.min(x.length, y.length);
      for (let i = 0; i < len; i++) if (x[i] !== y[i]) return x.charCodeAt(i) > y.charCodeAt(i) ? -1 : -2;
      return x.length < y.length ? -2 : -1;
    };
  },
};
