/**
 * What a tracked file may point at. The repository must stand alone: no path outside it, no
 * section of a document a clone does not have, and every page of docs/ it cites (with or without
 * a heading anchor) must exist, as must the heading.
 */

/** A text that points outside the repository, with its 1-based line. */
export interface Mention {
  line: number;
  text: string;
}

/** A cited page of docs/ (repository-relative path) and anchor, with the line citing it. */
export interface DocRef {
  line: number;
  path: string;
  anchor?: string;
}

// Built from pieces so that this file does not contain what it forbids.
const SECTION = "\u00a7";
const FORBIDDEN: readonly RegExp[] = [
  new RegExp(["\\.\\.", "shared"].join("/")),
  new RegExp(["", "work", "shared"].join("/")),
  new RegExp(`spec ${SECTION}`, "i"),
];

/** Lines that point outside the repository: a sibling `shared` folder, or a spec's sections. */
export function outsideMentions(text: string): Mention[] {
  const found: Mention[] = [];
  text.split("\n").forEach((l, i) => {
    if (FORBIDDEN.some((re) => re.test(l))) found.push({ line: i + 1, text: l.trim() });
  });
  return found;
}

/**
 * The anchor GitHub gives a heading: lower case, punctuation other than `-` and `_` removed,
 * spaces turned into `-`.
 */
export function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

/** The anchors of a Markdown page's headings (a repeated one gets `-1`, `-2`...), code blocks skipped. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const line of markdown.split("\n")) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    const m = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const base = slug((m[1] ?? "").replace(/`/g, ""));
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

/** Joins a relative link to the folder of the file holding it; undefined when it leaves the repository. */
function resolve(fromFile: string, link: string): string | undefined {
  const parts = fromFile.split("/").slice(0, -1);
  for (const p of link.split("/")) {
    if (p === "" || p === ".") continue;
    if (p === "..") {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(p);
  }
  return parts.join("/");
}

/**
 * The docs/ pages a file cites: every Markdown file under docs/ named by its repository path
 * (an anchor may follow), and, in a Markdown file, every relative link `](page.md#a)` that lands
 * in docs/.
 */
export function docRefs(file: string, text: string): DocRef[] {
  const refs: DocRef[] = [];
  text.split("\n").forEach((l, i) => {
    for (const m of l.matchAll(/(?<![\w./-])docs\/[\w./-]*?\.md(?:#([\w-]+))?/g)) {
      const [whole, anchor] = m;
      refs.push({ line: i + 1, path: whole.replace(/#.*$/, ""), anchor });
    }
    if (!file.endsWith(".md")) return;
    for (const m of l.matchAll(/\]\(([\w./-]*\.md)?(?:#([\w-]+))?\)/g)) {
      const [, target, anchor] = m;
      if (!target && !anchor) continue;
      const path = target ? resolve(file, target) : file;
      if (path?.startsWith("docs/")) refs.push({ line: i + 1, path, anchor });
    }
  });
  return refs;
}
