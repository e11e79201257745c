/**
 * The examples gallery: every folder under examples/ with a kamailio.cfg, a traffic.json and a
 * README.md (its first line is the title, the rest what to watch). Bundled at build time.
 * The course's lessons come in the order every Kamailio curriculum teaches them (COURSE),
 * numbered; the other examples follow.
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

/**
 * The course, in teaching order: lesson n is COURSE[n - 1]. A stateless reply first, then the
 * location service, a first call, Record-Route, failure_route, forking, flood protection, and
 * work handed from the SIP worker to a timer process.
 */
export const COURSE: readonly string[] = [
  "stateless-reply",
  "register-location",
  "first-call",
  "record-route",
  "failure-route",
  "parallel-forking",
  "antiflood",
  "cdr-mqueue",
];

export interface Example {
  id: string;
  title: string;
  /** Its number in the course (COURSE), or none for an example outside it. */
  lesson?: number;
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

/** Where an example stands: the classic one first (it is loaded on a first visit), the course's lessons in order, the rest by name. */
function rank(id: string): number {
  if (id === "classic") return -1;
  const lesson = COURSE.indexOf(id);
  return lesson >= 0 ? lesson : COURSE.length;
}

/** Every example, the classic one first, then the course's lessons in order, then the others by name. */
export const EXAMPLES: readonly Example[] = [...cfg.keys()]
  .filter((id) => trf.has(id))
  .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
  .map((id) => {
    const lesson = COURSE.indexOf(id) + 1;
    return {
      id,
      ...parseReadme(md.get(id), id),
      ...(lesson > 0 ? { lesson } : {}),
      config: cfg.get(id) as string,
      traffic: trf.get(id) as string,
    };
  });

/** One group of the Examples menu: its label and its entries, each an example's id and the text shown. */
export interface MenuGroup {
  label: string;
  entries: { id: string; text: string }[];
}

/** The Examples menu: the course's lessons numbered in teaching order, then every other example. */
export function exampleMenu(examples: readonly Example[] = EXAMPLES): MenuGroup[] {
  const lessons = examples
    .filter((x) => x.lesson !== undefined)
    .sort((a, b) => (a.lesson ?? 0) - (b.lesson ?? 0))
    .map((x) => ({ id: x.id, text: `${x.lesson}. ${x.title}` }));
  const others = examples.filter((x) => x.lesson === undefined).map((x) => ({ id: x.id, text: x.title }));
  return [
    { label: "Course", entries: lessons },
    { label: "More examples", entries: others },
  ];
}
