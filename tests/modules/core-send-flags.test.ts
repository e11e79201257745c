/**
 * The core's send-flag actions (action.c FORCE_RPORT_T, ADD_LOCAL_RPORT_T, SET_*_NO_CONNECT_T,
 * SET_*_CLOSE_T) are simulated: force_rport()/add_rport() set FL_FORCE_RPORT on the message,
 * add_local_rport() FL_ADD_LOCAL_RPORT; the TCP connection flags change nothing over UDP. None
 * of them warns `not_simulated`, and each returns 1 (the script goes on).
 */
import { describe, expect, it } from "vitest";
import { compileConfig } from "../../src/engine/index.js";
import { runScript, scriptOnly } from "../support/script.js";

const ACTIONS = [
  "force_rport",
  "add_rport",
  "add_local_rport",
  "set_forward_no_connect",
  "set_reply_no_connect",
  "set_forward_close",
  "set_reply_close",
];

describe("core send flags", () => {
  it("are simulated: no not_simulated warning", () => {
    const cfg = `#!KAMAILIO\nrequest_route {\n${ACTIONS.map((a) => `  ${a}();\n`).join("")}}\n`;
    const r = compileConfig(cfg);
    expect(r.diagnostics.filter((d) => d.code === "not_simulated")).toEqual([]);
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("each returns 1", () => {
    const body = ACTIONS.map((a) => `  ${a}(); xlog("L_INFO", "${a} $rc\\n");`).join("\n");
    expect(scriptOnly(runScript(body))).toEqual(ACTIONS.map((a) => `${a} 1`));
  });
});
