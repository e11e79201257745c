import { describe, expect, it } from "vitest";
import { compileConfig } from "../../engine/index.js";
import { collectNames, moduleOfPath, routeNames } from "./names.js";

const CFG = `loadmodule "pv.so"
loadmodule "/usr/lib/kamailio/modules/mqueue.so"
loadmodule "rtimer.so"
loadmodule "htable.so"
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
  const n = collectNames(CFG, compileConfig(CFG).info);

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
    expect(n.modules).toEqual(["pv", "mqueue", "rtimer", "htable"]);
  });

  it("finds queues, timers and hash tables declared by modparams", () => {
    expect(n.queues).toEqual(["alert", "audit"]);
    expect(n.timers).toEqual(["ta", "tb"]);
    expect(n.htables).toEqual(["ipban"]);
  });

  it("takes declared names as the engine reads the modparams, not as the text looks", () => {
    // A modparam reaches only a loaded module, and its module is a regex (set_mod_param_regex);
    // attribute names compare without case, and a definition Kamailio rejects declares nothing.
    const cfg = `loadmodule "mqueue.so"
loadmodule "rtimer.so"
modparam("mqueue|rtimer", "mqueue", "NAME=first")
modparam("mqueue", "mqueue", "name=bad;colour=red")
modparam("htable", "htable", "t=>size=4")
modparam("rtimer", "timer", "Name=tx;interval=2")
`;
    const m = collectNames(cfg, compileConfig(cfg).info);
    expect(m.queues).toEqual(["first"]);
    expect(m.htables).toEqual([]);
    expect(m.timers).toEqual(["tx"]);
  });

  it("has no module knowledge without the engine's info", () => {
    const m = collectNames(CFG);
    expect([m.modules, m.queues, m.timers, m.htables]).toEqual([[], [], [], []]);
    expect(m.routes.length).toBe(5);
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
});
