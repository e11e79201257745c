/**
 * textops at run time (docs/kamailio/textops.md): `is_method` (a `|`-separated list, case-insensitive), `search` (an
 * extended regex over the whole message, case-insensitive as textops compiles it), `has_body`,
 * and `append_hf` (the header goes to the outgoing message; `$hdr` of this one does not see it).
 */

import { L_ERR } from "../../base/log-levels.js";
import { compileRegex } from "../../base/regex/index.js";
import type { CallArg, FunctionImpl } from "../../runtime/env.js";
import { whereIn } from "../../runtime/services.js";
import { defineRuntime } from "../runtime-types.js";
import { regex_substring, search_str, set_body } from "./body.js";
import { textopsModule } from "./def.js";
import {
  append_hf,
  append_to_reply,
  append_urihf,
  insert_hf,
  is_present_hf,
  is_present_hf_pv,
  remove_hf,
  remove_hf_idx,
  remove_hf_match,
  remove_hf_pv,
} from "./headers.js";
import { APPLICATION_SDP, decodeMimeType } from "./mime.js";
import { is_privacy } from "./privacy.js";
import {
  is_present_hf_re,
  is_present_hf_re_pv,
  remove_hf_exp,
  remove_hf_exp_pv,
  remove_hf_re,
  remove_hf_re_pv,
  replace,
  replace_all,
  replace_body,
  replace_body_all,
  replace_body_atonce,
  replace_hdrs,
  search_append,
  search_append_body,
  search_body,
  search_hf,
  subst,
  subst_body,
  subst_hf,
  subst_uri,
  subst_user,
} from "./regex-fns.js";
import { replace_body_str, replace_hdrs_str, replace_str } from "./replace-str.js";
import { cmp_istr, cmp_str, ends_with, in_list, in_list_prefix, starts_with, str_find, str_ifind } from "./strings.js";

const is_method: FunctionImpl = {
  compile(args) {
    const names = new Set((args[0]?.literal ?? "").split("|").map((m) => m.trim().toUpperCase()));
    // Methods repeat: remember each one's answer.
    const seen = new Map<string, number>();
    return (ctx) => {
      const m = ctx.msg.method;
      let r = seen.get(m);
      if (r === undefined) {
        r = names.has(m.toUpperCase()) ? 1 : -1;
        if (seen.size < 64) seen.set(m, r);
      }
      return r;
    };
  },
};

const search: FunctionImpl = {
  compile(args, env) {
    const text = args[0]?.literal ?? "";
    // mod_fix.c fixup_regexp_null(): REG_EXTENDED|REG_ICASE|REG_NEWLINE, compiled once at start-up.
    const c = compileRegex(text, { icase: true, newline: true, nosub: true });
    if (!c.ok) {
      env.fixupError(`fixup_regexp_null(): bad re ${text}`, (args[0] as CallArg).node.span);
      return () => -1;
    }
    const re = c.re;
    return (ctx) => (re.test(ctx.msg.raw) ? 1 : -1);
  },
};

/**
 * has_body([type]) (has_body_helper): a Content-Length header whose value is not 0, and with a
 * type, a Content-Type of that MIME type as Kamailio's trees decode it (none counts as
 * application/sdp; two types the trees do not know compare equal). A type that does not decode
 * is refused at start-up.
 */
const has_body: FunctionImpl = {
  compile(args, env) {
    const text = args[0]?.literal;
    const type = text === undefined || text === "" ? 0 : decodeMimeType(text);
    if (type === undefined)
      env.fixupError(`fixup_body_type(): unsupported mime <${text}>`, (args[0] as CallArg).node.span);
    return (ctx) => {
      const cl = ctx.msg.header("content-length");
      if (cl === undefined || Number.parseInt(cl.trim(), 10) === 0 || !/^\s*\d/.test(cl)) return -1;
      if (!type) return 1;
      const ct = ctx.msg.header("content-type");
      let mime = ct === undefined ? APPLICATION_SDP : decodeMimeType(ct);
      if (mime !== undefined && ((mime & 0xff) === 0xfe || mime >>> 16 === 0xfe)) mime = undefined;
      if (mime === undefined) {
        ctx.sv.log.module(
          ctx.proc,
          L_ERR,
          "textops",
          "textops.c:4136",
          "has_body_helper",
          "failed to extract content type hdr",
          whereIn(ctx),
        );
        return -1;
      }
      return mime === type ? 1 : -1;
    };
  },
};

export const textopsRuntime = defineRuntime(textopsModule, {
  create() {
    return {
      functions: {
        is_method,
        search,
        has_body,
        append_hf,
        insert_hf,
        append_urihf,
        append_to_reply,
        remove_hf,
        remove_hf_pv,
        remove_hf_idx,
        is_present_hf,
        is_present_hf_pv,
        cmp_str,
        cmp_istr,
        starts_with,
        ends_with,
        str_find,
        str_ifind,
        in_list,
        in_list_prefix,
        remove_hf_match,
        remove_hf_re,
        remove_hf_exp,
        remove_hf_re_pv,
        remove_hf_exp_pv,
        is_present_hf_re,
        is_present_hf_re_pv,
        search_body,
        search_append,
        search_append_body,
        replace,
        replace_all,
        replace_body,
        replace_body_all,
        replace_body_atonce,
        replace_hdrs,
        subst,
        subst_body,
        subst_uri,
        subst_user,
        search_hf,
        subst_hf,
        replace_str,
        replace_body_str,
        replace_hdrs_str,
        set_body,
        search_str,
        is_privacy,
        regex_substring,
      },
    };
  },
});
