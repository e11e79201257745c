import { describe, expect, it } from "vitest";
import { MqueueTable, parseMqueueDef } from "./params.js";

describe("mqueue definitions (docs/kamailio/mqueue.md#parameters)", () => {
  it("reads name, size, addmode, dbmode with case-insensitive attribute names", () => {
    expect(parseMqueueDef("NAME=q;Size=10;addmode=2;dbmode=1;")).toEqual({
      name: "q",
      size: 10,
      addmode: 2,
      dbmode: 1,
    });
  });

  it("treats missing, zero, negative and non-numeric sizes as unlimited", () => {
    for (const size of ["", "size=0;", "size=-3;", "size=ten;"])
      expect(parseMqueueDef(`name=q;${size}`)).toMatchObject({ size: 0 });
  });

  it("gives Kamailio's errors", () => {
    expect(parseMqueueDef("size=10")).toEqual({ error: "mq_param(): mqueue name not defined: " });
    expect(parseMqueueDef("name=a;sise=10")).toEqual({ error: "mq_param(): unknown param: sise" });
    const t = new MqueueTable();
    expect(t.modparam("mqueue", "name=a")).toBeUndefined();
    expect(t.modparam("mqueue", "name=a")).toContain("mqueue redefined: a");
  });

  it("defines mqueue_name queues with the size and addmode set before them", () => {
    const t = new MqueueTable();
    t.modparam("mqueue_name", "first");
    t.modparam("mqueue_size", 5);
    t.modparam("mqueue_addmode", 1);
    t.modparam("mqueue_name", "second");
    expect(t.queues.map((q) => [q.name, q.size, q.addmode])).toEqual([
      ["first", 0, 0],
      ["second", 5, 1],
    ]);
  });
});
