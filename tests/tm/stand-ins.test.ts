/**
 * tm's stand-ins a config can reach (issue 11 item 8, docs/kamailio/stand-ins.md): each warns
 * with the value it returns, and the value keeps the config on its most likely path — a
 * transaction never expires (no max lifetimes), no reply is held by a suspended transaction,
 * and there is no further contact flow to try (t_serial.c returns -2 then).
 */
import { describe, expect, it } from "vitest";
import { compileConfig } from "../../src/engine/index.js";
import { runScript, scriptOnly } from "../support/script.js";

describe("tm stand-ins say what they return", () => {
  it("t_is_expired() is -1 and t_next_contact_flow() -2, both named in the warning", () => {
    const body =
      't_newtran();\n  if (t_is_expired()) { xlog("L_INFO", "expired\\n"); } else { xlog("L_INFO", "alive $rc\\n"); }\n' +
      '  if (t_next_contact_flow()) { xlog("L_INFO", "flow\\n"); } else { xlog("L_INFO", "no flow $rc\\n"); }\n' +
      '  t_reply("200", "OK");';
    expect(scriptOnly(runScript(body, { modules: ["tm"] }))).toEqual(["alive -1", "no flow -2"]);
    const cfg = `#!KAMAILIO\nloadmodule "tm.so"\nrequest_route {\n${body}\n}\nonreply_route[R] {\n  if (t_is_retr_async_reply()) { drop; }\n}\n`;
    const warnings = compileConfig(cfg)
      .diagnostics.filter((d) => d.code === "not_simulated" && d.message.includes("()"))
      .map((d) => d.message);
    expect(warnings).toEqual([
      "t_is_expired() (module tm) is not simulated by kamsim: it returns -1 (the transaction has not expired) and does nothing",
      "t_next_contact_flow() (module tm) is not simulated by kamsim: it returns -2 (no further contact flow) and does nothing",
      "t_is_retr_async_reply() (module tm) is not simulated by kamsim: it returns -1 (not a retransmission of a held reply) and does nothing",
    ]);
  });
});
