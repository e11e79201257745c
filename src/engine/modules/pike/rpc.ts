/**
 * RPC `pike.top` (alias `pike.list`), docs/kamailio/pike.md#rpc: the address nodes of the tree, built as
 * `src/modules/pike/pike_rpc.c` builds them, and printed the way `kamcmd` prints the reply.
 */
import type { PikeTree } from "./tree.js";

/** One `list` entry of pike.top, with Kamailio's field names. */
export interface PikeTopRow {
  ip_addr: string;
  leaf_hits_prev: number;
  leaf_hits_curr: number;
  /** Seconds until the node expires. */
  expires: number;
  status: "HOT" | "WARM" | "";
}

/** The reply struct of pike.top. */
export interface PikeTopResult {
  /** `reqs_density_per_unit`, as the tree stores it (16 bits). */
  max_hits: number;
  list: PikeTopRow[];
  number_of_rows: number;
}

/** An RPC fault: code and message, as `kamcmd` shows them (`error: 500 - …`). */
export interface PikeRpcFault {
  code: number;
  message: string;
}

/** pike.top's reply: the struct, or a fault. */
export type PikeTopReply = { ok: PikeTopResult } | { error: PikeRpcFault };

const BAD_ARGUMENT: PikeRpcFault = { code: 500, message: "Bad argument. Select: ALL, HOT or WARM" };

/**
 * Runs pike.top on `tree`. The argument is searched case-insensitively as a substring: ALL first,
 * then HOT, then WARM; none of them is a fault. Absent, it means HOT. A number counts as absent:
 * kamcmd sends numeric-looking arguments as integers, the "s" scan in pike_rpc.c then fails and
 * the default applies. WARM always gives an empty list (traverse_subtree has no case for it).
 */
export function pikeTop(tree: PikeTree, arg: string | number | undefined, nowSeconds: number): PikeTopReply {
  const mode = typeof arg === "string" ? selectMode(arg) : "HOT";
  if (mode === undefined) return { error: BAD_ARGUMENT };
  const list: PikeTopRow[] = [];
  if (mode !== "WARM") {
    for (const leaf of tree.leaves(nowSeconds)) {
      if (mode === "HOT" && leaf.status !== "HOT") continue;
      list.push({
        ip_addr: leaf.ip,
        leaf_hits_prev: leaf.leafHitsPrev,
        leaf_hits_curr: leaf.leafHitsCurr,
        expires: leaf.expires,
        status: leaf.status,
      });
    }
  }
  return { ok: { max_hits: tree.maxHits, list, number_of_rows: list.length } };
}

function selectMode(arg: string): "ALL" | "HOT" | "WARM" | undefined {
  // strz_casesearch_strz (core ut.c) folds ASCII letters only.
  const upper = arg.replace(/[a-z]+/g, (m) => m.toUpperCase());
  if (upper.includes("ALL")) return "ALL";
  if (upper.includes("HOT")) return "HOT";
  if (upper.includes("WARM")) return "WARM";
  return undefined;
}

/**
 * The reply as `kamcmd pike.top` prints it: one value per line, indented with tabs by nesting
 * depth, a struct's opening brace one tab less than its members (utils/kamcmd/kamcmd.c,
 * print_binrpc_val). binrpc sends the `list` array as a struct, so it prints with braces too.
 */
export function formatPikeTop(result: PikeTopResult): string {
  const lines = ["{", `\tmax_hits: ${result.max_hits}`, "\tlist: {"];
  for (const row of result.list) {
    lines.push(
      "\t\t{",
      `\t\t\tip_addr: ${row.ip_addr}`,
      `\t\t\tleaf_hits_prev: ${row.leaf_hits_prev}`,
      `\t\t\tleaf_hits_curr: ${row.leaf_hits_curr}`,
      `\t\t\texpires: ${row.expires}`,
      `\t\t\tstatus: ${row.status}`,
      "\t\t}",
    );
  }
  lines.push("\t}", `\tnumber_of_rows: ${result.number_of_rows}`, "}");
  return `${lines.join("\n")}\n`;
}

/** Either side of the reply as kamcmd prints it; a fault is `error: CODE - MESSAGE` (kamcmd.c, print_fault). */
export function formatPikeTopReply(reply: PikeTopReply): string {
  return "ok" in reply ? formatPikeTop(reply.ok) : `error: ${reply.error.code} - ${reply.error.message}\n`;
}
