/**
 * Kamailio's last internal error of a message (core/error.c `ser_error`, `prev_ser_error`): a
 * function that fails for a reason a reply can tell (tm's t_relay: E_SEND, E_BAD_ADDRESS...)
 * records it, and sl_reply_error() turns it into a reply with err2reason_phrase().
 *
 * Kamailio resets `ser_error` to E_UNSPEC before every action (action.c do_action()), so
 * sl_reply_error() sees what the action just before it set. kamsim keeps the last error set
 * while handling the message instead (per message, never global): the same in the usual
 * `if (!t_relay()) { sl_reply_error(); }`.
 */
import type { SipMessage } from "../sip/sip-message.js";

/** core/error.h codes used by err2reason_phrase(). */
export const E_UNSPEC = -1;
export const E_OUT_OF_MEM = -2;
export const E_BAD_TUPEL = -9;
export const E_EXEC = -11;
export const E_TOO_MANY_BRANCHES = -12;
export const E_BAD_TO = -13;
export const E_Q_INV_CHAR = -15;
export const E_Q_EMPTY = -16;
export const E_Q_TOO_BIG = -17;
export const E_Q_DEC_MISSING = -18;
export const E_BAD_REQ = -400;
export const E_SEND = -477;
export const E_BAD_ADDRESS = -478;
export const E_BAD_URI = -479;
export const E_CANCELED = -487;
export const E_BAD_SERVER = -500;

const errors = new WeakMap<SipMessage, number>();

/** Records `code` (a negative E_* value) as the message's last internal error. */
export function setSerError(msg: SipMessage, code: number): void {
  errors.set(msg, code);
}

/** The message's last internal error, E_UNSPEC when none was recorded. */
export function serError(msg: SipMessage): number {
  return errors.get(msg) ?? E_UNSPEC;
}

/** err2reason_phrase() (core/error.c): the reply code and text for an internal error, signed `sig`. */
export function err2reasonPhrase(err: number, sig: string): { code: number; reason: string } {
  let text: string;
  let code: number;
  switch (err) {
    case E_SEND:
      [text, code] = ["Unfortunately error on sending to next hop occurred", -err];
      break;
    case E_BAD_ADDRESS:
      [text, code] = ["Unresolvable destination", -err];
      break;
    case E_BAD_REQ:
      [text, code] = ["Bad Request", -err];
      break;
    case E_BAD_URI:
      [text, code] = ["Regretfully, we were not able to process the URI", -err];
      break;
    case E_BAD_TUPEL:
      [text, code] = ["Transaction tuple incomplete", -E_BAD_REQ];
      break;
    case E_BAD_TO:
      [text, code] = ["Bad To", -E_BAD_REQ];
      break;
    case E_EXEC:
      [text, code] = ["Error in external logic", -E_BAD_SERVER];
      break;
    case E_TOO_MANY_BRANCHES:
      [text, code] = ["Forking capacity exceeded", -E_BAD_SERVER];
      break;
    case E_Q_INV_CHAR:
      [text, code] = ["Invalid character in q parameter", -E_BAD_REQ];
      break;
    case E_Q_EMPTY:
      [text, code] = ["Empty q parameter", -E_BAD_REQ];
      break;
    case E_Q_TOO_BIG:
      [text, code] = ["Q parameter too big", -E_BAD_REQ];
      break;
    case E_Q_DEC_MISSING:
      [text, code] = ["Decimal part missing in q", -E_BAD_REQ];
      break;
    case E_CANCELED:
      [text, code] = ["Transaction canceled", -err];
      break;
    // E_OUT_OF_MEM falls to E_OK's text in a release build (no EXTRA_DEBUG).
    case E_OUT_OF_MEM:
    case 0:
      [text, code] = ["No error", 500];
      break;
    default:
      [text, code] = ["I'm terribly sorry, server error occurred", 500];
  }
  return { code, reason: `${text} (${-err}/${sig})` };
}
