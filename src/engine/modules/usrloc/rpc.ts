/**
 * ul.dump and ul.lookup (ul_rpc.c) as kamcmd prints them. Their containers hold named entries
 * that repeat (every contact is a `Contact: {`), which kamcmd prints like struct members, so
 * they are written here as lists of [name, value] pairs. A double (the q value) is printed by
 * kamcmd as an integer when it has no fraction (`1`, `-1`) and with six decimals otherwise
 * (`0.500000`): checked against kamcmd with Kamailio 5.6.3.
 */
import type { RpcResult } from "../runtime-types.js";
import type { UsrlocState } from "./state.js";
import { type Ucontact, UL_EXPIRED_TIME, validContact } from "./store.js";

type Node = string | number | { double: number } | Entry[];
type Entry = [string, Node];

function print(entries: readonly Entry[], depth: number, out: string[]): void {
  const tab = "\t".repeat(depth);
  for (const [name, v] of entries) {
    if (Array.isArray(v)) {
      out.push(`${tab}${name}: {`);
      print(v, depth + 1, out);
      out.push(`${tab}}`);
    } else if (typeof v === "object") {
      const d = v.double;
      out.push(`${tab}${name}: ${Number.isInteger(d) ? String(d) : d.toFixed(6)}`);
    } else out.push(`${tab}${name}: ${v}`);
  }
}

function text(top: readonly Entry[]): string {
  const out = ["{"];
  print(top, 1, out);
  out.push("}");
  return out.map((l) => `${l}\n`).join("");
}

/** rpc_dump_contact(). */
function contactEntries(c: Ucontact, now: number): Entry[] {
  const NOT_SET = "[not set]";
  const expires =
    c.expires === 0
      ? "permanent"
      : c.expires === UL_EXPIRED_TIME
        ? "deleted"
        : now > c.expires
          ? "expired"
          : c.expires - now;
  return [
    ["Address", c.c],
    ["Expires", expires],
    ["Q", { double: c.q === -1 ? -1 : c.q / 1000 }],
    ["Call-ID", c.callid],
    ["CSeq", c.cseq],
    ["User-Agent", c.userAgent || NOT_SET],
    ["Received", c.received || NOT_SET],
    ["Path", c.path || NOT_SET],
    ["State", c.state],
    ["Flags", c.flags >>> 0],
    ["CFlags", c.cflags >>> 0],
    ["Socket", c.sock ?? NOT_SET],
    ["Methods", c.methods >>> 0],
    ["Ruid", c.ruid || NOT_SET],
    ["Instance", c.instance || NOT_SET],
    ["Reg-Id", c.regId],
    ["Server-Id", 0],
    ["Tcpconn-Id", c.tcpconnId],
    ["Keepalive", 0],
    ["Last-Keepalive", c.lastKeepalive],
    ["KA-Roundtrip", 0],
    ["Last-Modified", c.lastModified],
  ];
}

/** `ul.dump [brief]`: every table (newest first), its records slot by slot, then Stats. */
export function dumpRpc(st: UsrlocState, arg: string | undefined, now: number): RpcResult {
  const brief = arg === "brief";
  const domains: Entry[] = st.domains.map((d) => {
    const aors: Entry[] = [];
    let max = 0;
    for (const slot of d.slots) {
      if (slot.length > max) max = slot.length;
      for (const r of slot) {
        if (brief) aors.push(["AoR", r.aor]);
        else
          aors.push([
            "Info",
            [
              ["AoR", r.aor],
              ["HashID", r.aorhash >>> 0],
              ["Contacts", r.contacts.map((c): Entry => ["Contact", contactEntries(c, now)])],
            ],
          ]);
      }
    }
    return [
      "Domain",
      [
        ["Domain", d.name],
        ["Size", d.size],
        ["AoRs", aors],
        [
          "Stats",
          [
            ["Records", d.recordCount],
            ["Max-Slots", max],
          ],
        ],
      ],
    ];
  });
  const top: Entry[] = [["Domains", domains]];
  return { ok: true, text: text(top), data: top };
}

/** `ul.lookup table AOR`: the AOR's valid contacts (rpc_fix_aor() drops `@domain` without use_domain). */
export function lookupRpc(
  st: UsrlocState,
  table: string | undefined,
  aorArg: string | undefined,
  now: number,
): RpcResult {
  const fault = (message: string): RpcResult => ({ ok: false, code: 500, message });
  if (table === undefined || aorArg === undefined) return fault("Not enough parameters (table and AOR to lookup)");
  const d = st.domains.find((x) => x.name === table);
  if (d === undefined) return fault("Domain table not found");
  let aor = aorArg;
  const at = aor.indexOf("@");
  if (st.useDomain) {
    if (at < 0) return fault("Domain missing in AOR");
  } else if (at >= 0) aor = aor.slice(0, at);
  aor = aor.toLowerCase();
  const r = d.get(aor);
  if (r === undefined) return fault("AOR not found in location table");
  const contacts = r.contacts.filter((c) => validContact(c, now));
  if (contacts.length === 0) return fault("AOR has no contacts");
  const top: Entry[] = [
    ["AoR", aor],
    ["Contacts", contacts.map((c): Entry => ["Contact", contactEntries(c, now)])],
  ];
  return { ok: true, text: text(top), data: top };
}
