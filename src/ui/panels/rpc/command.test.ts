import { describe, expect, it } from "vitest";
import { historyStep, parseCommand, remember } from "./command.js";

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
