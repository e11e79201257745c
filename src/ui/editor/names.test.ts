import { describe, expect, it } from "vitest";
import { collectNames, keyValues, moduleOfPath, routeNames } from "./names.js";

const CFG = `loadmodule "pv.so"
loadmodule "/usr/lib/kamailio/modules/mqueue.so"
loadmodule("rtimer.so")
# loadmodule "tm.so"
modparam("rtimer", "timer", "name=ta;interval=5;mode=1;")
modparam("rtimer", "timer", "name = tb ; interval=1")
modparam("rtimer", "exec", "timer=ta;route=QMALERT")
modparam("mqueue", "mqueue", "name=alert;size=100")
modparam("mqueue", "mqueue_name", "audit")
modparam("htable", "htable", "ipban=>size=8;autoexpire=300")
/* route[COMMENTED] { } */
request_route {
    $var(n) = 0;
    xlog("L_INFO", "$var(label)\\n");
    route(CHECK);
    t_relay();
}
route[CHECK] { }
route["QUOTED"] { }
failure_route[MISSED] { }
event_route[htable:mod-init] { }
route[QMALERT] { t_relay(); }
`;

describe("collectNames", () => {
  const n = collectNames(CFG);

  it("finds route blocks with their kind and the name's offsets", () => {
    expect(n.routes.map((r) => `${r.kind}[${r.name}]`)).toEqual([
      "route[CHECK]",
      "route[QUOTED]",
      "failure_route[MISSED]",
      "event_route[htable:mod-init]",
      "route[QMALERT]",
    ]);
    for (const r of n.routes) expect(CFG.slice(r.start, r.end)).toBe(r.name);
    expect(routeNames(n, "route")).toEqual(["CHECK", "QUOTED", "QMALERT"]);
  });

  it("finds loaded modules, not commented ones", () => {
    expect(n.modules).toEqual(["pv", "mqueue", "rtimer"]);
  });

  it("finds queues, timers and hash tables declared by modparams", () => {
    expect(n.queues).toEqual(["alert", "audit"]);
    expect(n.timers).toEqual(["ta", "tb"]);
    expect(n.htables).toEqual(["ipban"]);
  });

  it("finds $var names, in code and in strings", () => {
    expect(n.vars).toEqual(["n", "label"]);
  });

  it("finds calls, not keywords", () => {
    expect(n.calls.map((c) => c.name)).toEqual(["xlog", "t_relay", "t_relay"]);
  });
});

describe("helpers", () => {
  it("reads a module's name from its path", () => {
    expect(moduleOfPath("/usr/lib/kamailio/modules/tm.so")).toBe("tm");
    expect(moduleOfPath("sl")).toBe("sl");
  });

  it("reads key=value lists", () => {
    expect([...keyValues("name=ta; interval=5;mode=1;")]).toEqual([
      ["name", "ta"],
      ["interval", "5"],
      ["mode", "1"],
    ]);
  });
});
