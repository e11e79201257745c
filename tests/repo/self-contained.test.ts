/**
 * The repository stands alone: no tracked file points outside it, and every docs/ page and
 * anchor a file cites exists. Reads the files `git ls-files` lists (package-lock.json aside).
 */
import { execFileSync } from "node:child_process";
import { lstatSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { docRefs, headingAnchors, outsideMentions, slug } from "./references.js";

const ROOT = join(import.meta.dirname, "..", "..");

/** Tracked text files, repository-relative (binary files, those holding a NUL byte, are left out). */
function trackedTexts(): { file: string; text: string }[] {
  const out = execFileSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20 });
  const files = out.split("\0").filter((f) => f !== "" && f !== "package-lock.json");
  const texts: { file: string; text: string }[] = [];
  for (const file of files) {
    const path = join(ROOT, file);
    // A file deleted in the working tree but still tracked has nothing to say; a symbolic link
    // is not text of its own.
    const stat = lstatSync(path, { throwIfNoEntry: false });
    if (!stat?.isFile()) continue;
    const buf = readFileSync(path);
    if (buf.includes(0)) continue;
    texts.push({ file, text: buf.toString("utf8") });
  }
  return texts;
}

describe("the checks themselves", () => {
  it("flag a sibling folder, an absolute path to it and a spec's section, nothing else", () => {
    const section = "\u00a7";
    const bad = [
      `See ${["..", "shared", "design.md"].join("/")}.`,
      `Spec: \`${["", "work", "shared", "spec", "k.md"].join("/")}\``,
      `// as the Spec ${section}5.3 says`,
    ].join("\n");
    expect(outsideMentions(bad).map((m) => m.line)).toEqual([1, 2, 3]);
    expect(outsideMentions("RFC 3261 section 7, docs/kamailio/pike.md#thresholds, shared memory")).toEqual([]);
  });

  it("make GitHub's anchors, numbering repeated headings and skipping code blocks", () => {
    expect(slug("u interval and mode")).toBe("u-interval-and-mode");
    expect(slug("pv_isset")).toBe("pv_isset");
    expect(slug("Return codes (exact)")).toBe("return-codes-exact");
    const anchors = headingAnchors("# Title\n## `mq_add`\n```\n# not a heading\n```\n## Title\n");
    expect([...anchors]).toEqual(["title", "mq_add", "title-1"]);
  });

  it("find repository paths and relative Markdown links into docs/", () => {
    const ts = "// see docs/kamailio/pike.md#thresholds and src/docs/x.md";
    expect(docRefs("src/a.ts", ts)).toEqual([{ line: 1, path: "docs/kamailio/pike.md", anchor: "thresholds" }]);
    const md = "[a](../../docs/kamailio/mqueue.md#rpc) [b](#top) [c](https://example.com/x.md)";
    expect(docRefs("tests/x/README.md", md)).toEqual([{ line: 1, path: "docs/kamailio/mqueue.md", anchor: "rpc" }]);
    expect(docRefs("docs/kamailio/pike.md", "[up](../README.md) [b](#windows)")).toEqual([
      { line: 1, path: "docs/README.md", anchor: undefined },
      { line: 1, path: "docs/kamailio/pike.md", anchor: "windows" },
    ]);
  });
});

describe("the repository is self-contained", () => {
  const texts = trackedTexts();
  const byPath = new Map(texts.map((t) => [t.file, t.text]));

  it("reads the tracked files", () => {
    expect(byPath.has("README.md")).toBe(true);
    expect(byPath.has("docs/README.md")).toBe(true);
  });

  it("no tracked file points outside the repository", () => {
    const found = texts.flatMap(({ file, text }) => outsideMentions(text).map((m) => `${file}:${m.line}: ${m.text}`));
    expect(found).toEqual([]);
  });

  it("every cited docs/ page and anchor exists", () => {
    const anchors = new Map<string, Set<string>>();
    const broken: string[] = [];
    for (const { file, text } of texts) {
      for (const ref of docRefs(file, text)) {
        const page = byPath.get(ref.path);
        if (page === undefined) {
          broken.push(`${file}:${ref.line}: ${ref.path} is not a tracked file`);
          continue;
        }
        if (!ref.anchor) continue;
        let known = anchors.get(ref.path);
        if (!known) {
          known = headingAnchors(page);
          anchors.set(ref.path, known);
        }
        if (!known.has(ref.anchor)) broken.push(`${file}:${ref.line}: ${ref.path} has no heading #${ref.anchor}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
