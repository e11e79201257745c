/**
 * Every pseudo-variable of the pv module and the core, read and (where Kamailio allows it)
 * assigned with odd values and odd inner names: the run may log Kamailio's errors, never throw.
 * Configs the checker refuses (a malformed name Kamailio also refuses at start-up) are skipped.
 */
import { describe, expect, it } from "vitest";
import { compileConfig, createSimulation, parseTrafficText } from "../../src/engine/index.js";
import { corePvars } from "../../src/engine/modules/core/pvars.js";
import { pvModulePvars } from "../../src/engine/modules/pv/pvars.js";

const INNERS = [
  "x",
  "a[1]=>b[*]",
  "a[-1]",
  "u=>f",
  "1",
  "name",
  "id",
  "host",
  "s",
  "len",
  "%Y",
  "$avp(x)",
  "$xavp(a[0]=>b[*])",
];
const VALUES = ["1", '"sip:a@b"', "$null", '""', "$var(i)", "$var(s)", "-5"];

const RAW =
  "INVITE sip:bob@example.net SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.9:5070;branch=z9hG4bK-n\r\nFrom: <sip:a@[::1>;tag=a\r\nTo: b\r\nCall-ID: n-1\r\nCSeq: 1 INVITE\r\nProxy-Authorization: Basic xyz\r\nContent-Length: 0\r\n\r\n";

function statements(name: string, inner: boolean, writable: boolean): string[] {
  const refs = inner
    ? INNERS.map((i) => `$(${name}(${i}))`)
    : [/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? `$${name}` : `$(${name})`];
  const out: string[] = [];
  for (const r of refs) {
    out.push(`xlog("L_INFO", "${r.replace(/"/g, '\\"')}\\n");`);
    if (writable) for (const v of VALUES) out.push(`${r} = ${v};`);
    out.push(`xlog("L_INFO", "after ${r.replace(/"/g, '\\"')}\\n");`);
  }
  return out;
}

function runOne(stmts: string[]): "refused" | "ran" {
  const config = `#!KAMAILIO
debug=3
children=1
loadmodule "pv.so"
loadmodule "xlog.so"
loadmodule "sl.so"
request_route {
  $var(i) = 2;
  $var(s) = "str";
${stmts.map((s) => `  ${s}`).join("\n")}
}
`;
  const cfg = compileConfig(config, { name: "kamailio.cfg" });
  if (!cfg.ok) return "refused";
  const t = parseTrafficText(
    JSON.stringify({ duration: 1, seed: 1, messages: [{ at: 0.2, src: "127.0.0.9", sport: 5070, raw: RAW }] }),
  );
  if ("errors" in t) throw new Error("bad traffic");
  const sim = createSimulation(cfg, t.plan, { onEvent: () => {} });
  sim.runUntil(t.plan.duration);
  return "ran";
}

describe("no pv-module or core PV crashes the engine", () => {
  const all = { ...pvModulePvars, ...corePvars };
  it.each(Object.entries(all).map(([name, def]) => [name, def] as const))("$%s", (name, def) => {
    const stmts = statements(name, def.inner === "required", def.writable === true);
    // All statements in one config when the checker takes them, else one at a time.
    let ran = runOne(stmts) === "ran" ? stmts.length : 0;
    if (ran === 0) for (const s of stmts) if (runOne([s]) === "ran") ran++;
    // Each PV has at least one form the checker accepts and the engine runs.
    expect(ran).toBeGreaterThan(0);
  });
});
