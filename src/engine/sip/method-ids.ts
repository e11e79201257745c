/**
 * Kamailio's method ids (core/parser/msg_parser.h METHOD_*): one bit per known method, the same
 * bits parse_methods.c uses for an Allow list. `$rmid` gives them, registrar stores a contact's
 * methods as their sum.
 */
const METHOD_IDS: Readonly<Record<string, number>> = {
  INVITE: 1,
  CANCEL: 2,
  ACK: 4,
  BYE: 8,
  INFO: 16,
  REGISTER: 32,
  SUBSCRIBE: 64,
  NOTIFY: 128,
  MESSAGE: 256,
  OPTIONS: 512,
  PRACK: 1024,
  UPDATE: 2048,
  REFER: 4096,
  PUBLISH: 8192,
  KDMQ: 16384,
  GET: 32768,
  POST: 65536,
  PUT: 131072,
  DELETE: 262144,
};

/** METHOD_OTHER: any method Kamailio does not know by name. */
export const METHOD_OTHER = 524288;

/** The id of a method written exactly as given (`$rmid` of the request line's method). */
export function methodId(name: string): number {
  return METHOD_IDS[name] ?? METHOD_OTHER;
}
