/**
 * registrar's parameters (registrar.c params[], config.c defaults) as one simulation reads its
 * `modparam`s, normalised as mod_init() does (default_q clamped to 0..1000 unless -1).
 */
import { Q_UNSPECIFIED } from "../../sip/qvalue.js";

export interface RegistrarSettings {
  defaultExpires: number;
  defaultExpiresRange: number;
  expiresRange: number;
  minExpires: number;
  maxExpires: number;
  maxContacts: number;
  retryAfter: number;
  caseSensitive: boolean;
  defaultQ: number;
  appendBranches: boolean;
  realmPrefix: string;
  /** received_param: the Contact parameter the 200 OK prints the received address in ("" = none). */
  receivedParam: string;
  /** received_avp as written (`$avp(RECEIVED)`), or "". */
  receivedAvp: string;
  methodFiltering: boolean;
  usePath: boolean;
  pathMode: number;
  pathUseReceived: boolean;
  gruuEnabled: boolean;
  outboundMode: number;
  contactMaxSize: number;
  minExpiresMode: boolean;
  useExpiredContacts: boolean;
  /** xavp_rcd: the XAVP filled with the handled contact's attributes ("" = none). */
  xavpRcd: string;
  xavpRcdMask: number;
  /** xavp_cfg: the XAVP with per-request settings ("" = none). */
  xavpCfg: string;
}

export function registrarSettings(params: readonly { name: string; value: string | number }[]): RegistrarSettings {
  const s: RegistrarSettings = {
    defaultExpires: 3600,
    defaultExpiresRange: 0,
    expiresRange: 0,
    minExpires: 60,
    maxExpires: 0,
    maxContacts: 0,
    retryAfter: 0,
    caseSensitive: false,
    defaultQ: Q_UNSPECIFIED,
    appendBranches: true,
    realmPrefix: "",
    receivedParam: "received",
    receivedAvp: "",
    methodFiltering: false,
    usePath: false,
    pathMode: 2,
    pathUseReceived: false,
    gruuEnabled: true,
    outboundMode: 0,
    contactMaxSize: 512,
    minExpiresMode: false,
    useExpiredContacts: false,
    xavpRcd: "",
    xavpRcdMask: 0,
    xavpCfg: "",
  };
  for (const { name, value } of params) {
    const n = Number(value);
    const t = String(value);
    switch (name) {
      case "default_expires":
        s.defaultExpires = n;
        break;
      case "default_expires_range":
        s.defaultExpiresRange = n;
        break;
      case "expires_range":
        s.expiresRange = n;
        break;
      case "min_expires":
        s.minExpires = n;
        break;
      case "max_expires":
        s.maxExpires = n;
        break;
      case "max_contacts":
        s.maxContacts = n;
        break;
      case "retry_after":
        s.retryAfter = n;
        break;
      case "case_sensitive":
        s.caseSensitive = n !== 0;
        break;
      case "default_q":
        s.defaultQ = n;
        break;
      case "append_branches":
        s.appendBranches = n !== 0;
        break;
      case "realm_prefix":
        s.realmPrefix = t;
        break;
      case "received_param":
        s.receivedParam = t;
        break;
      case "received_avp":
        s.receivedAvp = t;
        break;
      case "method_filtering":
        s.methodFiltering = n !== 0;
        break;
      case "use_path":
        s.usePath = n !== 0;
        break;
      case "path_mode":
        s.pathMode = n;
        break;
      case "path_use_received":
        s.pathUseReceived = n !== 0;
        break;
      case "gruu_enabled":
        s.gruuEnabled = n === 1;
        break;
      case "outbound_mode":
        s.outboundMode = n;
        break;
      case "contact_max_size":
        s.contactMaxSize = n;
        break;
      case "min_expires_mode":
        s.minExpiresMode = n !== 0;
        break;
      case "xavp_rcd":
        s.xavpRcd = t;
        break;
      case "xavp_cfg":
        s.xavpCfg = t;
        break;
      case "xavp_rcd_mask":
        s.xavpRcdMask = n;
        break;
      case "use_expired_contacts":
        s.useExpiredContacts = n !== 0;
        break;
    }
  }
  // registrar.c mod_init(): default_q normalised to MIN_Q..MAX_Q unless unspecified.
  if (s.defaultQ !== Q_UNSPECIFIED) s.defaultQ = Math.min(1000, Math.max(0, s.defaultQ));
  return s;
}
