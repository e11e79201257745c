/**
 * The examples gallery: every folder under examples/ with a kamailio.cfg, a traffic.json and a
 * README.md (its first line is the title, the rest what to watch). Bundled at build time.
 */
const configs = import.meta.glob("../../../examples/*/kamailio.cfg", {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;
const traffics = import.meta.glob("../../../examples/*/traffic.json", {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;
const readmes = import.meta.glob("../../../examples/*/README.md", {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

export interface Example {
  id: string;
  title: string;
  /** What to watch, one paragraph. */
  explanation: string;
  config: string;
  traffic: string;
}

const folder = (path: string) => path.split("/").slice(-2)[0] as string;

function byFolder(files: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(files).map(([p, text]) => [folder(p), text]));
}

function parseReadme(text: string | undefined, id: string): { title: string; explanation: string } {
  const lines = (text ?? "").trim().split("\n");
  const title = (lines[0] ?? id).replace(/^#\s*/, "").trim() || id;
  const explanation = lines.slice(1).join("\n").trim();
  return { title, explanation };
}

const cfg = byFolder(configs);
const trf = byFolder(traffics);
const md = byFolder(readmes);

/** Every example, the classic one first. */
export const EXAMPLES: readonly Example[] = [...cfg.keys()]
  .filter((id) => trf.has(id))
  .sort((a, b) => (a === "classic" ? -1 : b === "classic" ? 1 : a.localeCompare(b)))
  .map((id) => ({ id, ...parseReadme(md.get(id), id), config: cfg.get(id) as string, traffic: trf.get(id) as string }));
