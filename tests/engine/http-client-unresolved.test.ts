/**
 * http_client_query against a URL nothing answers: kamsim treats it as an unresolvable host, and
 * does what Kamailio 5.6.3 does then (docs/kamailio/http_client.md#functions). The expected lines
 * are the ones Debian's 5.6.3 printed for this config (process 5, the rtimer's, PID aside).
 */
import { describe, expect, it } from "vitest";
import { runEngine } from "../support/engine.js";

const CONFIG = `#!KAMAILIO
debug=2
log_stderror=yes
children=1
loadmodule "pv.so"
loadmodule "xlog.so"
loadmodule "rtimer.so"
loadmodule "http_client.so"
modparam("rtimer", "timer", "name=t;interval=1;mode=1")
modparam("rtimer", "exec", "timer=t;route=T")
request_route { drop; }
route[T] {
  $var(r) = "before";
  $var(rc) = http_client_query("http://nonexistent.invalid/x", "$var(r)");
  xlog("L_INFO", "unresolved: rc=$var(rc) r=[$var(r)]\\n");
  if (http_client_query("http://nonexistent.invalid/y", "$var(r)")) {
    xlog("L_INFO", "a failed query is true in a condition\\n");
  }
}
`;

describe("http_client_query of a URL nothing answers", () => {
  it("warns, empties the result and returns CURLE_COULDNT_RESOLVE_HOST (6), as 5.6.3 does", () => {
    const run = runEngine(CONFIG, { duration: 1.5, streams: [] });
    expect(run.lines).toEqual([
      " 5(1005) WARNING: http_client [functions.c:296]: curL_request_url(): Couldn't resolve host (url: http://nonexistent.invalid/x)",
      " 5(1005) INFO: <script>: unresolved: rc=6 r=[]",
      " 5(1005) WARNING: http_client [functions.c:296]: curL_request_url(): Couldn't resolve host (url: http://nonexistent.invalid/y)",
      " 5(1005) INFO: <script>: a failed query is true in a condition",
    ]);
  });
});
