import { describe, expect, it } from "vitest";
import { compileTransform } from "./transformations.js";

const tr = (body: string, v: number | string | null) => compileTransform(body)?.(v);

describe("transformations", () => {
  it("measures and changes case, printing numbers first", () => {
    expect(tr("s.len", "alice")).toBe(5);
    expect(tr("s.len", 12345)).toBe(5);
    expect(tr("s.toupper", "alice")).toBe("ALICE");
    expect(tr("s.tolower", "BoB")).toBe("bob");
    expect(tr("s.int", "-42")).toBe(-42);
    expect(tr("s.int", "42abc")).toBeNull();
  });

  it("takes substrings as tr_eval_string() does", () => {
    expect(tr("s.substr,1,3", "alice")).toBe("lic");
    expect(tr("s.substr,1,0", "alice")).toBe("lice");
    expect(tr("s.substr,-2,0", "alice")).toBe("ce");
    expect(tr("s.substr,1,-1", "alice")).toBe("lic");
    expect(tr("s.substr,2,10", "alice")).toBe("ice");
    expect(tr("s.substr,5,1", "alice")).toBeNull();
    expect(tr("s.substr,-9,1", "alice")).toBeNull();
    expect(tr("s.strip,2", "alice")).toBe("ice");
    expect(tr("s.striptail,2", "alice")).toBe("ali");
  });

  it("keeps <null> and leaves the rest to the checker's warning", () => {
    expect(tr("s.len", null)).toBeNull();
    expect(compileTransform("uri.user")).toBeUndefined();
    expect(compileTransform("s.substr,$var(x),1")).toBeUndefined();
  });
});
