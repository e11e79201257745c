/**
 * acc's log records (modules/acc/acc.c acc_log_request(), acc_logic.c, acc_extra.c): the line
 * acc_log_request() writes, its comment's code, log_extra as parse_acc_extra() reads it. The
 * same requests agree with Kamailio 5.6.3 in tests/kamailio/cases/call-acc-log-request.
 */
import { describe, expect, it } from "vitest";
import { parseAccExtra } from "../../src/engine/modules/acc/extra.js";
import { parseComment } from "../../src/engine/modules/acc/runtime.js";
import { logLines, OPTIONS_RAW, runMessages, scriptConfig } from "../support/script.js";

describe("acc", () => {
  it("acc_log_request() writes the record with log_extra at NOTICE", () => {
    const body = 'acc_log_request("404 Not here"); acc_log_request("no code");';
    const cfg = scriptConfig(body, { modules: ["tm", "acc"] }).replace(
      "request_route {",
      'modparam("acc", "log_extra", "src_ip=$si; ruser = $rU;dd=$dd")\nrequest_route {',
    );
    const lines = logLines(runMessages(cfg, [OPTIONS_RAW], 5070));
    const head = "NOTICE: acc [acc.c:287]: acc_log_request(): ACC: request accounted: timestamp=";
    expect(lines.map((l) => l.replace(/timestamp=\d+/, "timestamp=T"))).toEqual([
      `${head}T;method=OPTIONS;from_tag=a;to_tag=;call_id=u-1;code=404;reason=Not here;src_ip=127.0.0.9;ruser=bob;dd=`,
      `${head}T;method=OPTIONS;from_tag=a;to_tag=;call_id=u-1;code=;reason=no code;src_ip=127.0.0.9;ruser=bob;dd=`,
    ]);
  });

  it("reads a comment's code as acc_parse_code() does", () => {
    expect(parseComment("200 OK")).toEqual({ code: "200", reason: "OK" });
    expect(parseComment("486\t Busy Here")).toEqual({ code: "486", reason: "Busy Here" });
    expect(parseComment("4x4 odd")).toEqual({ code: "", reason: "4x4 odd" });
    expect(parseComment("12")).toEqual({ code: "", reason: "12" });
  });

  it("parses log_extra as parse_acc_extra() does", () => {
    const ok = parseAccExtra(" src_user=$fU; dst = $(ru{uri.user}) ;ip=$si");
    expect(Array.isArray(ok) ? ok.map((x) => `${x.name}:${x.spec.text}`) : ok).toEqual([
      "src_user:$fU",
      "dst:$(ru{uri.user})",
      "ip:$si",
    ]);
    expect(parseAccExtra("a=$fU;")).toEqual({ error: 6 });
    expect(parseAccExtra("a=fU")).toEqual({ error: 2 });
    expect(parseAccExtra("a $fU")).toHaveProperty("error");
  });
});
