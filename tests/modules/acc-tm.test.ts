/**
 * acc's transaction records from tm's callbacks (modules/acc/acc_logic.c): a flagged INVITE
 * answered 200 is "transaction answered" with the reply's status line and To tag, a busy one
 * with the missed flag is "call missed" once (the flag is cleared), a failed one is accounted
 * only with failed_transaction_flag; log_extra reads the winning branch's R-URI. The stock
 * config's call cases (call-stock-basic-call, call-stock-busy) agree with Kamailio 5.6.3.
 */
import { describe, expect, it } from "vitest";
import { runEngine } from "../support/engine.js";

const cfg = (flags: string) => `#!KAMAILIO
debug=2
children=1
loadmodule "pv.so"
loadmodule "xlog.so"
loadmodule "sl.so"
loadmodule "tm.so"
loadmodule "textops.so"
loadmodule "acc.so"
modparam("acc", "log_flag", 1)
modparam("acc", "log_missed_flag", 2)
modparam("acc", "failed_transaction_flag", 3)
modparam("acc", "log_extra", "ruser=$rU;rhost=$rd")
request_route {
  if (is_method("INVITE")) { ${flags} }
  if (is_method("ACK")) { t_relay(); exit; }
  $du = "sip:127.0.154.2:5060";
  t_relay();
}
`;

function accLines(flags: string, answer: unknown): string[] {
  const traffic = {
    duration: 3,
    seed: 1,
    agents: [
      { name: "alice", address: "127.0.154.1:5060", calls: [{ at: 0.5, to: "bob" }] },
      { name: "bob", address: "127.0.154.2:5060", answer },
    ],
  };
  return runEngine(cfg(flags), traffic)
    .lines.filter((l) => l.includes("ACC:"))
    .map((l) => l.replace(/^.*ACC: /, "ACC: ").replace(/timestamp=\d+/, "T"));
}

describe("acc with tm", () => {
  it("a 200 to a flagged INVITE is 'transaction answered'", () => {
    const lines = accLines("setflag(1);", { ring: 0.1, after: 0.2, code: 200 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^ACC: transaction answered: T;method=INVITE;from_tag=[^;]+;to_tag=[^;]+;call_id=[^;]+;code=200;reason=OK;ruser=bob;rhost=/,
    );
  });

  it("a busy INVITE with the missed flag is 'call missed' once; without failed_transaction_flag no more", () => {
    const lines = accLines("setflag(1); setflag(2);", { ring: 0.1, after: 0.2, code: 486 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ACC: call missed: T;method=INVITE;.*;code=486;reason=Busy Here;ruser=bob;/);
  });

  it("failed_transaction_flag accounts the negative final reply (with log_flag: acc_onreq() needs it)", () => {
    expect(accLines("setflag(3);", { ring: 0.1, after: 0.2, code: 486 })).toEqual([]);
    const lines = accLines("setflag(1); setflag(3);", { ring: 0.1, after: 0.2, code: 486 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ACC: transaction answered: T;method=INVITE;.*;code=486;reason=Busy Here;/);
  });

  it("an INVITE without acc flags is not accounted", () => {
    expect(accLines("$var(x) = 0;", { ring: 0.1, after: 0.2, code: 200 })).toEqual([]);
  });
});
