/** `children` read as Kamailio reads it: a C int from the lexer, the default for 0 or less. */
import { describe, expect, it } from "vitest";
import type { Config } from "../lang/ast.js";
import { cInt, readCoreSettings } from "./core-settings.js";

const span = { file: 0, start: 0, end: 0 };
/** The settings of a config holding only `children=n`, as the lexer reads n. */
const settings = (children: number) => {
  const config: Config = {
    kind: "Config",
    span,
    items: [
      { kind: "CoreParam", name: "children", nameSpan: span, value: { type: "int", value: children, span }, span },
    ],
  };
  return readCoreSettings(config);
};

describe("core settings", () => {
  it("converts a NUMBER as glibc's atoi does (strtol saturates, the int cast keeps 32 bits)", () => {
    expect(cInt(7)).toBe(7);
    expect(cInt(2147483648)).toBe(-2147483648);
    expect(cInt(4294967301)).toBe(5);
    expect(cInt(1e20)).toBe(-1);
  });

  it("gives children=0 and children that wrap to a negative int Kamailio's default of 8 (main.c)", () => {
    expect(settings(0).children).toBe(8);
    expect(settings(2147483648).children).toBe(8);
    expect(settings(4294967301).children).toBe(5);
  });
});
