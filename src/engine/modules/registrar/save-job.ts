/**
 * What save() (modules/registrar/save.c) carries from one step to the next: the module's state
 * (RegContext), the message being saved (Job) and the error that unwinds a failed step.
 */
import type { ScriptContext } from "../../runtime/context.js";
import type { Value } from "../../runtime/values.js";
import type { UsrlocState } from "../usrloc/state.js";
import type { Udomain } from "../usrloc/store.js";
import type { ReplyState } from "./reply.js";
import type { RegistrarSettings } from "./settings.js";
import type { Parsed } from "./sip-msg.js";

/** Everything save() needs besides the message. */
export interface RegContext {
  s: RegistrarSettings;
  ul: UsrlocState;
  reply: ReplyState;
  /** received_avp's value for this message, if the parameter is set. */
  receivedAvp?: (ctx: ScriptContext) => Value | undefined;
  /** The socket text contacts are saved with (`udp:127.0.0.1:5060`). */
  sock: string;
}

/** One save() of one message. */
export interface Job {
  ctx: ScriptContext;
  rc: RegContext;
  d: Udomain;
  aor: string;
  now: number;
  m: Parsed;
  memOnly: number;
  novariation: boolean;
  /** The To URI's host (GRUU parameters of the reply). */
  toHost: string;
  /** pack_ci()'s static received, kept from one contact to the next. */
  received: string;
  /** The Path vector (use_path), built by the first pack_ci(); undefined before. */
  path?: string;
}

/** A failed step of save(); rerrno is already set and the line logged. */
export class SaveError extends Error {}
