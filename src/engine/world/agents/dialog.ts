/**
 * Dialogs (RFC 3261 12): what both ends of a call remember once an INVITE got its 2xx, and how
 * a request inside it is addressed (12.2.1.1). The caller's route set is the 2xx's Record-Route
 * reversed, the callee's the INVITE's Record-Route as it came; the remote target is the other
 * side's Contact. With a loose router first (`;lr`) the Request-URI is the remote target and every
 * route becomes a Route header; with a strict router first, the Request-URI is that route and the
 * remote target goes last among the Routes. The request goes to the first Route, or, with no route
 * set, straight to the remote target (no proxy then: that is what a missing Record-Route means).
 */
import type { HostPort } from "../../runtime/sip-net.js";
import { requestAddress, uriTarget } from "./addressing.js";
import type { RequestParts } from "./build.js";
import { uriOf } from "./parse.js";

export interface Dialog {
  callId: string;
  localTag: string;
  remoteTag: string;
  /** The From value of requests this side sends (with the local tag). */
  local: string;
  /** The To value of requests this side sends (with the remote tag). */
  remote: string;
  /** The remote target URI (the other side's Contact). */
  remoteTarget: string;
  /** Route values in the order requests carry them. */
  routeSet: string[];
  /** CSeq of the last request this side sent in the dialog. */
  localCseq: number;
}

/** The key dialogs are found by: Call-ID, local tag, remote tag (12). */
export function dialogKey(callId: string, localTag: string, remoteTag: string): string {
  return `${callId}\n${localTag}\n${remoteTag}`;
}

/** How a request inside `d` is addressed: its Request-URI, Route values and destination. */
export function inDialogTarget(d: Dialog, proxy: HostPort): { ruri: string; routes: string[]; dest: HostPort } {
  const first = d.routeSet[0];
  if (first === undefined) return { ruri: d.remoteTarget, routes: [], dest: requestAddress(d.remoteTarget, proxy) };
  const firstUri = uriOf(first);
  if (uriTarget(firstUri)?.lr)
    return { ruri: d.remoteTarget, routes: d.routeSet, dest: requestAddress(firstUri, proxy) };
  // A strict router (12.2.1.1): its URI, headers stripped, becomes the Request-URI.
  const ruri = firstUri.replace(/\?.*$/, "");
  return { ruri, routes: [...d.routeSet.slice(1), `<${d.remoteTarget}>`], dest: requestAddress(ruri, proxy) };
}

/** A new request inside `d` (BYE, re-INVITE): the next local CSeq, the given branch's Via. */
export function inDialogRequest(
  d: Dialog,
  method: string,
  via: string,
  proxy: HostPort,
  extra: Partial<RequestParts> = {},
): { parts: RequestParts; dest: HostPort } {
  const { ruri, routes, dest } = inDialogTarget(d, proxy);
  if (method !== "ACK") d.localCseq++;
  return {
    parts: { method, ruri, via, routes, from: d.local, to: d.remote, callId: d.callId, cseq: d.localCseq, ...extra },
    dest,
  };
}
