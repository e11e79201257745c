/**
 * `pv_unset("$shv(x)")` is not `$shv(x) = $null`: pv_unset() gives the setter no value and
 * pv_shv.c stores the int 0, while `= $null` stores the empty string
 * (docs/kamailio/pv.md#pv_unset). The expected lines are the ones Debian's Kamailio 5.6.3
 * printed for this config (process 5, the rtimer's, PID aside).
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
modparam("rtimer", "timer", "name=t;interval=1;mode=1")
modparam("rtimer", "exec", "timer=t;route=T")
request_route { drop; }
route[T] {
  $shv(a) = 5;
  pv_unset("$shv(a)");
  xlog("L_INFO", "shv after pv_unset: [$shv(a)]\\n");
  $shv(b) = 5;
  $shv(b) = $null;
  xlog("L_INFO", "shv after = null: [$shv(b)]\\n");
}
`;

describe("pv_unset on a $shv", () => {
  it("stores the int 0, while = $null stores the empty string, as 5.6.3 does", () => {
    const run = runEngine(CONFIG, { duration: 1.5, streams: [] });
    expect(run.lines).toEqual([
      " 5(1005) INFO: <script>: shv after pv_unset: [0]",
      " 5(1005) INFO: <script>: shv after = null: []",
    ]);
  });
});
