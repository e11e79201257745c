/**
 * The examples gallery in course order: the Examples menu lists the course's lessons numbered
 * 1, 2, 3... in teaching order, then every other example; each lesson is an example folder with
 * what the gallery and the recordings test need.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileConfig } from "../../engine/index.js";
import { COURSE, EXAMPLES, exampleMenu } from "./index.js";

const root = join(import.meta.dirname, "..", "..", "..");
const folders = readdirSync(join(root, "examples")).filter((d) =>
  existsSync(join(root, "examples", d, "kamailio.cfg")),
);
const titleOf = (id: string) =>
  readFileSync(join(root, "examples", id, "README.md"), "utf8")
    .split("\n")[0]
    ?.replace(/^#\s*/, "");

describe("the examples in course order", () => {
  it("the menu lists the lessons numbered in teaching order, then every other example once", () => {
    const [course, more] = exampleMenu();
    expect(course?.label).toBe("Course");
    expect(course?.entries).toEqual(COURSE.map((id, i) => ({ id, text: `${i + 1}. ${titleOf(id)}` })));
    expect(more?.entries.map((e) => e.id).sort()).toEqual(folders.filter((d) => !COURSE.includes(d)).sort());
  });

  it("every lesson is an example with its README, expected.log and a recording of Kamailio", () => {
    for (const id of COURSE) {
      for (const f of ["kamailio.cfg", "traffic.json", "README.md", "expected.log", "recording.jsonl"])
        expect(existsSync(join(root, "examples", id, f)), `examples/${id}/${f}`).toBe(true);
    }
  });

  it("the classic example stays first (a first visit loads it), the lessons follow in order", () => {
    expect(EXAMPLES[0]?.id).toBe("classic");
    expect(EXAMPLES.slice(1, 1 + COURSE.length).map((x) => [x.id, x.lesson])).toEqual(
      COURSE.map((id, i) => [id, i + 1]),
    );
  });

  it("every example's config compiles with no diagnostic at all: nothing it calls is a stand-in", () => {
    for (const x of EXAMPLES) {
      const cfg = compileConfig(x.config, { name: "kamailio.cfg" });
      expect(cfg.ok, x.id).toBe(true);
      expect(
        cfg.diagnostics.map((d) => d.message),
        x.id,
      ).toEqual([]);
    }
  });
});
