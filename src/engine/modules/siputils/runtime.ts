/**
 * siputils at run time (docs/kamailio/siputils.md): `has_totag` (1 when the To header carries a
 * tag, -1 otherwise) and the value checks of checks.ts.
 */
import type { FunctionImpl } from "../../runtime/env.js";
import { defineRuntime } from "../runtime-types.js";
import {
  cmp_hdr_name,
  get_uri_param,
  is_alphanum,
  is_alphanumex,
  is_e164,
  is_numeric,
  is_reply,
  is_request,
  is_tel_number,
  is_uri,
  is_uri_user_e164,
  set_uri_host,
  set_uri_user,
  tel2sip,
  uri_param,
  uri_param_any,
  uri_param_rm,
} from "./checks.js";
import { siputilsModule } from "./def.js";

const has_totag: FunctionImpl = { compile: () => (ctx) => (ctx.msg.to?.tag ? 1 : -1) };

export const siputilsRuntime = defineRuntime(siputilsModule, {
  create() {
    return {
      functions: {
        has_totag,
        is_e164,
        is_uri_user_e164,
        is_tel_number,
        is_numeric,
        is_alphanum,
        is_alphanumex,
        is_uri,
        uri_param,
        uri_param_any,
        get_uri_param,
        uri_param_rm,
        tel2sip,
        set_uri_user,
        set_uri_host,
        cmp_hdr_name,
        is_request,
        is_reply,
      },
    };
  },
});
