import { describe, expect, it } from "vitest";
import { compileConfig } from "../../../engine/index.js";
import { exampleCommands, historyStep, parseCommand, remember } from "./command.js";

const program = (cfg: string) => compileConfig(cfg, { name: "kamailio.cfg" }).info;

describe("exampleCommands", () => {
  it("offers only what the config can answer, with its own names", () => {
    const cfg = [
      'loadmodule "sl.so"',
      'loadmodule "mqueue.so"',
      'loadmodule "htable.so"',
      'modparam("mqueue", "mqueue", "name=my q")',
      'modparam("htable", "htable", "seen=>size=4;")',
      "request_route { exit; }",
    ].join("\n");
    expect(exampleCommands(program(cfg))).toEqual([
      "mqueue.get_sizes",
      'mqueue.fetch "my q"',
      "htable.dump seen",
      "sl.stats",
    ]);
  });

  it("offers no mqueue, pike or htable command to a config without them", () => {
    expect(exampleCommands(program("request_route { exit; }"))).toEqual([]);
    expect(exampleCommands(undefined)).toEqual([]);
  });
});

describe("parseCommand", () => {
  it("splits a command from its arguments", () => {
    expect(parseCommand("mqueue.fetch alert")).toEqual({ command: "mqueue.fetch", args: ["alert"] });
    expect(parseCommand("  pike.top  ")).toEqual({ command: "pike.top", args: [] });
  });

  it("keeps quoted arguments whole", () => {
    expect(parseCommand(`htable.get ipban "1.2.3.4 x" 'y z'`)).toEqual({
      command: "htable.get",
      args: ["ipban", "1.2.3.4 x", "y z"],
    });
  });

  it("is undefined for a blank line", () => {
    expect(parseCommand("   ")).toBeUndefined();
  });
});

describe("history", () => {
  const h = ["a", "b", "c"];
  it("walks back and forth, returning to the draft", () => {
    expect(historyStep(h, 3, "up", "dr")).toEqual({ at: 2, text: "c" });
    expect(historyStep(h, 0, "up", "dr")).toEqual({ at: 0, text: "a" });
    expect(historyStep(h, 2, "down", "dr")).toEqual({ at: 3, text: "dr" });
    expect(historyStep(h, 3, "down", "dr")).toEqual({ at: 3, text: "dr" });
  });

  it("remembers a line once when repeated", () => {
    expect(remember(["a"], "a")).toEqual(["a"]);
    expect(remember(["a"], "b")).toEqual(["a", "b"]);
  });
});
