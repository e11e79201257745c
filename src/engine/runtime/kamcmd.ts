/**
 * RPC answers printed the way `kamcmd` prints them (utils/kamcmd/kamcmd.c print_binrpc_val):
 * one record per line, indented by nesting, a struct's opening brace one level less than its
 * members; errors as `error: CODE - MESSAGE`. Kamailio's ctl module sends arrays as structs
 * whose members have no names, so kamcmd prints them with braces too.
 */

/** An RPC value: int, string, struct (object) or array. */
export type RpcValue = number | string | RpcStruct | RpcValue[];
export interface RpcStruct {
  [name: string]: RpcValue;
}

function lines(v: RpcValue, name: string | undefined, depth: number, out: string[]): void {
  const label = name === undefined ? "" : `${name}: `;
  if (Array.isArray(v)) {
    out.push(`${"\t".repeat(depth)}${label}{`);
    for (const x of v) lines(x, undefined, depth + 1, out);
    out.push(`${"\t".repeat(depth)}}`);
  } else if (typeof v === "object") {
    out.push(`${"\t".repeat(depth)}${label}{`);
    for (const [k, x] of Object.entries(v)) lines(x, k, depth + 1, out);
    out.push(`${"\t".repeat(depth)}}`);
  } else {
    out.push(`${"\t".repeat(depth)}${label}${v}`);
  }
}

/** kamcmd's output for the records of a reply. */
export function formatKamcmd(records: readonly RpcValue[]): string {
  const out: string[] = [];
  for (const r of records) lines(r, undefined, 0, out);
  return out.map((l) => `${l}\n`).join("");
}

/** kamcmd's output for a fault. */
export function formatKamcmdError(code: number, message: string): string {
  return `error: ${code} - ${message}\n`;
}
