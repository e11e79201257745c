/**
 * The core parameters a simulation uses, read from the config with Kamailio's defaults
 * (docs/kamailio/language.md#core-parameters). Everything else in the core parameter table is accepted and has no effect here.
 */
import type { Config, CoreValue } from "../lang/ast.js";

/** The Server header Debian's 5.6.3 build sends (main.c: "Server: " SERVER_HDR). */
export const DEFAULT_SERVER_HEADER = "Server: kamailio (5.6.3 (x86_64/linux))";

export interface CoreSettings {
  /** `debug`: log level threshold (default 0, L_WARN). */
  debug: number;
  /** `children`: SIP worker processes (default 8). */
  children: number;
  /** The `children` value kamsim ran with fewer workers than it asks for (see MAX_CHILDREN). */
  childrenCapped?: CoreValue;
  maxWhileLoops: number;
  maxRecursiveLevel: number;
  /** `log_stderror` (default no): `$C()` colours are only produced when logging to stderr. */
  logStderror: boolean;
  /** `log_prefix`, a format evaluated per received message. */
  logPrefix?: string;
  /** Address and port the simulated server listens on (`$Ri`, `$Rp`). */
  listenIp: string;
  listenPort: number;
  /**
   * The Server header line of locally generated replies, without its line end: core
   * `server_header` as written, Kamailio's own by default, "" when `server_signature=no`.
   */
  serverHeader: string;
  /**
   * Shared memory, bytes: `shm`/`shm_mem`/`shm_mem_size` in MB (cfg.y: taken while the size is
   * still the default 64 MB, so the first one wins; `-m`, which would win, is not simulated).
   */
  shmMemSize: number;
}

const DEFAULT_CORE: CoreSettings = {
  debug: 0,
  children: 8,
  maxWhileLoops: 100,
  maxRecursiveLevel: 256,
  logStderror: false,
  listenIp: "127.0.0.1",
  listenPort: 5060,
  serverHeader: DEFAULT_SERVER_HEADER,
  shmMemSize: 64 * 1024 * 1024,
};

const int = (v: CoreValue): number | undefined => (v.type === "int" ? v.value : undefined);

/**
 * The workers kamsim simulates at most. Kamailio forks every one (main.c), so a config asking
 * for millions fails there on shared memory or fork; kamsim would build them all in memory.
 */
export const MAX_CHILDREN = 1024;

/**
 * The C int Kamailio's lexer makes of a NUMBER (core/cfg.lex: `atoi()`, or `(int)strtol()` for
 * hex, octal and binary): strtol saturates at the range of a long, the cast keeps the low 32 bits.
 */
export function cInt(n: number): number {
  if (n >= 2 ** 63) return -1;
  if (n <= -(2 ** 63)) return 0;
  return n | 0;
}

export function readCoreSettings(config: Config): CoreSettings {
  const s: CoreSettings = { ...DEFAULT_CORE };
  let signature = 1;
  let header = DEFAULT_SERVER_HEADER;
  for (const item of config.items) {
    if (item.kind !== "CoreParam") continue;
    const v = item.value;
    switch (item.name) {
      case "debug":
        s.debug = int(v) ?? s.debug;
        break;
      case "children": {
        const n = cInt(int(v) ?? s.children);
        // main.c: `if (children_no<=0) children_no=CHILD_NO;` (8).
        s.children = n <= 0 ? DEFAULT_CORE.children : Math.min(n, MAX_CHILDREN);
        s.childrenCapped = n > MAX_CHILDREN ? v : undefined;
        break;
      }
      case "max_while_loops":
        s.maxWhileLoops = int(v) ?? s.maxWhileLoops;
        break;
      case "max_recursive_level":
        s.maxRecursiveLevel = int(v) ?? s.maxRecursiveLevel;
        break;
      case "log_stderror":
        s.logStderror = int(v) === 1;
        break;
      case "log_prefix":
        if (v.type === "string") s.logPrefix = v.value;
        break;
      case "shm":
      case "shm_mem":
      case "shm_mem_size": {
        const mb = int(v);
        // A size of 0 or less would not start Kamailio (shm_mem_init() cannot map it): kept 64.
        if (mb !== undefined && mb > 0 && s.shmMemSize === DEFAULT_CORE.shmMemSize) s.shmMemSize = mb * 1024 * 1024;
        break;
      }
      case "port":
        s.listenPort = int(v) ?? s.listenPort;
        break;
      // cfg.y: server_signature takes a number (yes/no lex as 1/0); server_header a string,
      // used whole as the header line (msg_translator.c copies server_hdr then CRLF).
      case "server_signature":
        signature = int(v) ?? signature;
        break;
      case "server_header":
        if (v.type === "string") header = v.value;
        break;
      case "listen": {
        const m = /(?:^|:)(\d+\.\d+\.\d+\.\d+)(?::(\d+))?/.exec(v.value as string);
        if (m) {
          s.listenIp = m[1] as string;
          if (m[2]) s.listenPort = Number(m[2]);
        }
        break;
      }
    }
  }
  s.serverHeader = signature !== 0 ? header : "";
  return s;
}
