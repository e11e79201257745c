/**
 * A cfgt event as the file cfgt writes (modules/cfgt/cfgt_int.c cfgt_save_node(): `fputs()` of
 * srjson_Print(), core/utils/srjson.c): an object `flow`, `sip_in`, `sip_out`, formatted as
 * srjson formats — an object's members one a line, indented by tabs, `"key":<TAB>value`; an
 * array's items on one line joined by `, `; no newline at the end — and the path it goes to,
 * `<uuid>/<msgid>.json` under the base directory (_cfgt_get_filename()).
 */
import type { CfgtEvent, CfgtValue } from "../../events.js";

/** srjson's print_number(): an int as `%d`. */
function number(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return Math.abs(n) < 1e-6 || Math.abs(n) > 1e9 ? n.toExponential(6) : n.toFixed(6);
}

function value(v: CfgtValue, depth: number): string {
  if (v === null) return "null";
  if (typeof v === "number") return number(v);
  if (typeof v === "string") return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map((x) => value(x, depth + 1)).join(", ")}]`;
  return object(Object.entries(v), depth);
}

/** print_object(): members at depth + 1 tabs, the closing brace at depth tabs. */
function object(members: [string, CfgtValue][], depth: number): string {
  const inner = "\t".repeat(depth + 1);
  const lines = members.map(([k, v]) => `${inner}${JSON.stringify(k)}:\t${value(v, depth + 1)}`);
  return `{\n${lines.join(",\n")}${lines.length > 0 ? "\n" : ""}${"\t".repeat(depth)}}`;
}

/** The report's text, as cfgt writes its file. */
export function formatCfgtReport(e: CfgtEvent): string {
  const flow: CfgtValue = e.flow.map((f) => ({ [f.key]: f.vars }));
  return object(
    [
      ["flow", flow],
      ["sip_in", e.sipIn],
      ["sip_out", e.sipOut],
    ],
    0,
  );
}

/** Where cfgt saves it, relative to its `basedir`. */
export function cfgtReportPath(e: Pick<CfgtEvent, "uuid" | "msgid">): string {
  return `${e.uuid}/${e.msgid}.json`;
}
