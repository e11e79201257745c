import { describe, expect, it } from "vitest";
import { compileConfig, moduleCatalog } from "../../engine/index.js";
import { indexCatalog, signature } from "./catalog-index.js";
import { callSnippet } from "./suggest-items.js";
import { type Suggestions, suggest } from "./suggestions.js";

const index = indexCatalog(moduleCatalog());

const CFG = `loadmodule "pv.so"
loadmodule "xlog.so"
loadmodule "mqueue.so"
loadmodule "rtimer.so"
loadmodule "tm.so"
loadmodule "sdpops.so"
modparam("rtimer", "timer", "name=ta;interval=5;mode=1;")
modparam("mqueue", "mqueue", "name=alert")
modparam("mqueue", "mqueue_name", "audit")
request_route {
    @
}
route[QMALERT] { }
failure_route[MISSED] { }
`;

/** CFG without its placeholder, to add a top-level line to. */
const TOP = CFG.replace("@", "");

/** Suggestions at `|` in `body`, placed inside the request_route of CFG. */
function at(body: string, cfg = CFG): Suggestions & { labels: string[]; typed: string } {
  const source = cfg.replace("@", body);
  const offset = source.indexOf("|");
  const text = source.slice(0, offset) + source.slice(offset + 1);
  // The editor gets what the config declares from the worker's check of it (ProgramInfo).
  const s = suggest(text, offset, index, compileConfig(text).info);
  return { ...s, labels: s.items.map((i) => i.label), typed: text.slice(s.from, offset) };
}

describe("suggest", () => {
  it("offers functions of loaded modules and the core, with argument snippets", () => {
    const s = at("mq_|");
    expect(s.typed).toBe("mq_");
    expect(s.labels).toEqual(expect.arrayContaining(["mq_add", "mq_fetch", "mq_size", "xlog", "route", "if"]));
    expect(s.labels).not.toContain("pike_check_req");
    const add = s.items.find((i) => i.label === "mq_add");
    expect(add).toMatchObject({ insert: `mq_add("$1", "\${2:key}", "\${3:value}")`, snippet: true, retrigger: true });
    expect(add?.doc).toContain("mq_add(queue, key, value)");
  });

  it("marks functions kamsim does not simulate", () => {
    const ice = at("sdp_with_i|").items.find((i) => i.label === "sdp_with_ice");
    expect(ice).toMatchObject({ notSimulated: true, detail: "sdpops · not simulated", insert: "sdp_with_ice($0)" });
    expect(ice?.doc).toContain("Not simulated by kamsim");
    // tm is simulated: its functions carry no such mark.
    expect(at("t_rel|").items.find((i) => i.label === "t_relay")).toMatchObject({ notSimulated: false });
  });

  it("offers pseudo-variables, $mqk( with its queue to follow", () => {
    const s = at("$mq|");
    expect(s.typed).toBe("$mq");
    expect(s.labels).toEqual(expect.arrayContaining(["$mqk(", "$mqv(", "$mq_size(", "$si", "$rc"]));
    expect(s.items.find((i) => i.label === "$mqk(")).toMatchObject({
      insert: "\\$mqk($1)",
      retrigger: true,
      filter: "$mqk",
    });
    expect(s.items.find((i) => i.label === "$si")).toMatchObject({ insert: "\\$si" });
  });

  it("offers queue names inside $mqk( and in mq_* first arguments", () => {
    expect(at("$mqk(|").labels).toEqual(["alert", "audit"]);
    expect(at('xlog("L_INFO", "$mqv(a|').labels).toEqual(["alert", "audit"]);
    expect(at('mq_fetch("|').items.map((i) => i.insert)).toEqual(["alert", "audit"]);
    expect(at("mq_size(|").items.map((i) => i.insert)).toEqual(['"alert"', '"audit"']);
    expect(at('mq_add("alert", "|').labels).toEqual([]);
  });

  it("offers table names inside the htable PVs that take `table=>key`, not inside $shtrecord(", () => {
    const cfg = CFG.replace('loadmodule "tm.so"', 'loadmodule "tm.so"\nloadmodule "htable.so"').replace(
      "request_route",
      'modparam("htable", "htable", "ipban=>size=8")\nrequest_route',
    );
    expect(at("$shtinc(|", cfg).items.map((i) => i.insert)).toEqual(["ipban=>"]);
    expect(at("$shtrecord(|", cfg).labels).toEqual([]);
  });

  it("offers route names by the kind the function takes", () => {
    expect(at("route(|").items.map((i) => i.insert)).toEqual(["QMALERT"]);
    expect(at("t_on_failure(|").items.map((i) => i.insert)).toEqual(['"MISSED"']);
  });

  it("offers timer and route names in rtimer's exec, keys before them", () => {
    const cfg = `${TOP}modparam("rtimer", "exec", "@")\n`;
    expect(at("timer=|", cfg).labels).toEqual(["ta"]);
    expect(at("timer=ta;route=|", cfg).labels).toEqual(["QMALERT"]);
    expect(at("|", cfg).labels).toEqual(["timer=", "route="]);
  });

  it("offers module names after loadmodule, parameters in modparam", () => {
    const mods = at('loadmodule "mq|', "@");
    expect(mods.typed).toBe("mq");
    expect(mods.items.find((i) => i.label === "mqueue")).toMatchObject({ insert: "mqueue.so" });
    expect(mods.items.find((i) => i.label === "sdpops")).toMatchObject({ notSimulated: true });
    expect(mods.items.find((i) => i.label === "tm")).toMatchObject({ notSimulated: false });
    const params = at('modparam("mqueue", "|', `${TOP}@`);
    expect(params.labels).toEqual(["mqueue", "mqueue_name", "mqueue_size", "mqueue_addmode", "db_url"]);
    expect(at('modparam("|', `${TOP}@`).labels).toEqual(["pv", "xlog", "mqueue", "rtimer", "tm", "sdpops"]);
  });

  it("offers core parameters and top-level keywords at the top level", () => {
    const s = at("chil|", `${TOP}@`);
    expect(s.typed).toBe("chil");
    expect(s.labels).toEqual(expect.arrayContaining(["children", "debug", "loadmodule", "modparam", "request_route"]));
    expect(s.items.find((i) => i.label === "children")?.insert).toMatch(/^children=\$\{1:/);
  });

  it("offers nothing in comments", () => {
    expect(at("# mq_|").items).toEqual([]);
  });
});

describe("signatures and snippets", () => {
  it("writes signatures with argument names, and arities", () => {
    const xlog = index.functions.get("xlog")?.[0]?.fn;
    expect(xlog && signature(xlog)).toBe("xlog(facility, level, format) — 1 or 2 or 3 arguments");
    const add = index.functions.get("mq_add")?.[0]?.fn;
    expect(add && signature(add)).toBe("mq_add(queue, key, value)");
    const sl = index.functions.get("sl_send_reply")?.[0]?.fn;
    expect(sl && callSnippet(sl)).toBe(`sl_send_reply("\${1:code}", "\${2:reason}")`);
  });
});
