/** The Traffic panel's agent rows in words, and Send one's composer read into a stream's fields. */
import { describe, expect, it } from "vitest";
import type { AgentRow } from "../../../protocol/agents.js";
import { agentStateText, lastCallText } from "./agent-text.js";
import { readComposer } from "./send-one.js";

const row = (over: Partial<AgentRow> = {}): AgentRow => ({
  index: 0,
  name: "bob",
  address: "127.0.20.1:5060",
  registration: "registered",
  expiresAt: 3_601_000_000,
  calls: [],
  more: 0,
  down: false,
  answer: "200",
  ...over,
});

describe("agent rows in words", () => {
  it("the registration's time left, then expired", () => {
    expect(agentStateText(row(), 1_000_000)).toBe("registered, 3,600 s left");
    expect(agentStateText(row(), 3_601_000_000)).toBe("registration expired");
    expect(agentStateText(row({ registration: "none", expiresAt: undefined }), 0)).toBe("not registered");
  });
  it("calls not over, by side and state; the last one when none is", () => {
    const calls: AgentRow["calls"] = [
      { peer: "alice", role: "callee", state: "ringing" },
      { peer: "carol", role: "caller", state: "established" },
    ];
    expect(agentStateText(row({ calls, more: 2 }), 0)).toBe(
      "registered, 3,601 s left; ringing: alice calling; in call with carol; 2 more call(s)",
    );
    const last = { peer: "bob", role: "caller" as const, state: "failed", code: 486 };
    expect(lastCallText(last)).toBe("last: to bob, 486 Busy Here");
    expect(agentStateText(row({ last }), 0)).toContain("last: to bob, 486 Busy Here");
  });
  it("down says so, whatever else", () => {
    expect(agentStateText(row({ down: true }), 0)).toBe("down (unplugged): nothing reaches it, nothing leaves it");
  });
});

describe("Send one's composer", () => {
  const empty = { ruri: "", from: "", to: "", headers: "", body: "" };
  it("empty fields keep the stream's defaults", () => {
    expect(readComposer(empty)).toEqual({ fields: {} });
  });
  it("reads URIs, header lines in order and the body as typed", () => {
    expect(
      readComposer({
        ruri: " sip:bob@example.com ",
        from: "sip:alice@example.com",
        to: "",
        headers: "Subject: hello\nX-Case: 7\n\n",
        body: "v=0\r\n",
      }),
    ).toEqual({
      fields: {
        ruri: "sip:bob@example.com",
        from: "sip:alice@example.com",
        headers: { Subject: "hello", "X-Case": "7" },
        body: "v=0\r\n",
      },
    });
  });
  it("says what is wrong", () => {
    expect(readComposer({ ...empty, ruri: "bob@example.com" })).toEqual({
      error: "The R-URI must be a sip: URI, like sip:bob@example.com",
    });
    expect(readComposer({ ...empty, headers: "Subject hello" })).toEqual({
      error: "Header line 1 must read Name: value",
    });
    expect(readComposer({ ...empty, headers: "X: 1\nX: 2" })).toEqual({ error: "X is given twice" });
  });
});
