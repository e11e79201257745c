/**
 * The Ladder's exports. The Mermaid text is checked against the rules of Mermaid's sequence
 * grammar it relies on (packages/mermaid/src/diagrams/sequence/parser/sequenceDiagram.jison):
 * entity codes (`#word;`) are replaced before parsing; then a `participant ID as DESC` line (the
 * ID a word, DESC free of `#`, `;`, line breaks), or a message `ID->>ID: TEXT` / `ID-xID: TEXT`
 * (TEXT free of `#` and `;`, which start a comment or end the statement; `%%` starts a comment
 * too), every ID declared before it is used.
 */
import { describe, expect, it } from "vitest";
import type { LadderRow } from "../../../protocol/messages.js";
import { ladderAsMermaid, ladderAsText, mermaidEscape } from "./export.js";
import { ladderAsSvg } from "./export-svg.js";
import { callsOf, columnsOf, describeRow, labelOf, matches, NO_FILTER } from "./model.js";

function row(
  id: number,
  t: number,
  from: string,
  to: string,
  label: string,
  extra: Partial<LadderRow> = {},
): LadderRow {
  const reply = /^\d{3}/.exec(label);
  return {
    id,
    t,
    end: t,
    from: `${from}:5060`,
    to: `${to}:5060`,
    fromNode: from.includes(".") ? "" : from,
    toNode: to.includes(".") ? "" : to,
    method: reply ? "INVITE" : label,
    ...(reply ? { status: Number(reply[0]), reason: label.slice(4) } : {}),
    callId: "c1",
    ...extra,
  };
}

const CALL: LadderRow[] = [
  row(1, 2_000_000, "alice", "kamailio", "INVITE"),
  row(2, 2_000_000, "kamailio", "alice", "100 trying -- your call is important to us"),
  row(3, 2_000_000, "kamailio", "bob", "INVITE"),
  row(4, 2_500_000, "bob", "kamailio", "180 Ringing"),
  row(5, 4_500_000, "kamailio", "203.0.113.9", "200 OK; weird: #reason %% here", { lost: "nobody" }),
];

/** The statements of a Mermaid sequenceDiagram as its lexer sees them; throws where it would fail. */
function parseMermaidSequence(text: string) {
  // mermaid's encodeEntities(): `#word;` becomes a placeholder before the diagram is parsed.
  const encoded = text.replace(/#(\w+);/g, "\u{fb02}\u{b0}$1\u{b6}\u{df}");
  const lines = encoded.split("\n");
  if (lines[0] !== "sequenceDiagram") throw new Error("first line is not sequenceDiagram");
  const declared = new Map<string, string>();
  const messages: { from: string; to: string; arrow: string; text: string }[] = [];
  for (const line of lines.slice(1)) {
    if (line.trim() === "") continue;
    if (/[#;]|%%/.test(line)) throw new Error(`a comment or a statement end inside: ${line}`);
    const p = /^\s*participant (\w+) as ([^\n]+)$/.exec(line);
    if (p) {
      declared.set(p[1] as string, p[2] as string);
      continue;
    }
    const m = /^\s*(\w+)(->>|-x)(\w+):([^\n]+)$/.exec(line);
    if (!m) throw new Error(`not a statement: ${line}`);
    const [, from, arrow, to, txt] = m as unknown as string[];
    for (const id of [from, to]) if (!declared.has(id as string)) throw new Error(`undeclared ${id}`);
    messages.push({ from: from as string, to: to as string, arrow: arrow as string, text: (txt as string).trim() });
  }
  return { declared, messages };
}

/** Mermaid's decodeEntities() for what the drawing shows. */
function decode(s: string): string {
  return s.replace(/\u{fb02}\u{b0}(\d+)\u{b6}\u{df}/gu, (_, n) => String.fromCharCode(Number(n)));
}

describe("the Ladder's Mermaid export", () => {
  it("declares a participant per column and draws an arrow per message, lost ones with a cross", () => {
    const { declared, messages } = parseMermaidSequence(ladderAsMermaid(CALL));
    expect([...declared.values()].map(decode)).toEqual(["kamailio", "alice", "bob", "203.0.113.9:5060"]);
    const name = (id: string) => decode(declared.get(id) as string);
    expect(messages.map((m) => [name(m.from), m.arrow, name(m.to), decode(m.text)])).toEqual([
      ["alice", "->>", "kamailio", "INVITE 2.000 s"],
      ["kamailio", "->>", "alice", "100 trying -- your call is important to us 2.000 s"],
      ["kamailio", "->>", "bob", "INVITE 2.000 s"],
      ["bob", "->>", "kamailio", "180 Ringing 2.500 s"],
      ["kamailio", "-x", "203.0.113.9:5060", "200 OK; weird: #reason %% here 4.500 s (lost)"],
    ]);
  });

  it("writes ; # % : < > and line breaks as entity codes", () => {
    expect(mermaidEscape("a;b#c%d:e<f>g\r\nh")).toBe("a#59;b#35;c#37;d#58;e#60;f#62;g  h");
    // Without the escaping the lost reply's label would end its statement at `;`.
    expect(() => parseMermaidSequence(ladderAsMermaid(CALL).replace(/#59;/g, ";"))).toThrow();
  });
});

describe("the Ladder's text export", () => {
  it("draws a column per node and an arrow per message between the lifelines", () => {
    const text = ladderAsText(CALL.slice(0, 4));
    const lines = text.trimEnd().split("\n");
    expect(lines).toHaveLength(5);
    const head = lines[0] as string;
    const col = (name: string) => head.indexOf(name) + Math.floor(name.length / 2);
    const [k, a, b] = [col("kamailio"), col("alice"), col("bob")];
    expect(k).toBeLessThan(a);
    expect(a).toBeLessThan(b);
    // alice → kamailio: the head at kamailio's lifeline, pointing left, the label between.
    const invite = lines[1] as string;
    expect(invite.startsWith("2.000")).toBe(true);
    expect(invite[k + 1]).toBe("<");
    expect(invite[a]).toBe("|");
    expect(invite.slice(k, a)).toContain(" INVITE ");
    // kamailio → bob passes alice's lifeline.
    const relay = lines[3] as string;
    expect(relay[b - 1]).toBe(">");
    expect(relay.slice(k, b)).toContain(" INVITE ");
    expect(lines[4]?.slice(k, b)).toContain(" 180 Ringing ");
  });

  it("ends a lost message in a cross and says so", () => {
    const lines = ladderAsText(CALL).trimEnd().split("\n");
    // kamailio → 203.0.113.9:5060 (the first column to the last): the cross just before its lifeline.
    const head = lines[0] as string;
    const last = lines.at(-1) as string;
    const to = head.indexOf("203.0.113.9:5060") + Math.floor("203.0.113.9:5060".length / 2);
    expect(last[to - 1]).toBe("x");
    expect(last.endsWith("|  lost")).toBe(true);
  });
});

describe("the Ladder's model", () => {
  it("puts the proxy first, names unknown addresses by ip:port, labels replies 'code reason'", () => {
    expect(columnsOf(CALL)).toEqual(["kamailio", "alice", "bob", "203.0.113.9:5060"]);
    expect(labelOf(CALL[3] as LadderRow)).toBe("180 Ringing");
    expect(describeRow(CALL[4] as LadderRow)).toBe(
      "4.500 s kamailio → 203.0.113.9:5060 200 OK; weird: #reason %% here, lost: nobody listens there",
    );
  });

  it("filters by call, by node, and hides OPTIONS and REGISTER with their replies", () => {
    const reg = row(9, 1, "alice", "kamailio", "REGISTER", { callId: "r1" });
    const regOk = row(10, 1, "kamailio", "alice", "200 OK", { callId: "r1", method: "REGISTER" });
    const all = [reg, regOk, ...CALL];
    expect(all.filter((r) => matches(r, { ...NO_FILTER, hideRegistrations: true })).map((r) => r.id)).toEqual([
      1, 2, 3, 4, 5,
    ]);
    expect(all.filter((r) => matches(r, { ...NO_FILTER, node: "bob" })).map((r) => r.id)).toEqual([3, 4]);
    expect(all.filter((r) => matches(r, { ...NO_FILTER, callId: "r1" })).map((r) => r.id)).toEqual([9, 10]);
    expect(callsOf(all)).toEqual([
      { callId: "r1", first: "REGISTER", t: 1, count: 2 },
      { callId: "c1", first: "INVITE", t: 2_000_000, count: 5 },
    ]);
  });
});

describe("the Ladder's SVG export", () => {
  it("draws every row (not only those in view) with its label escaped, lost ones with a cross", () => {
    const svg = ladderAsSvg([...CALL, row(6, 5_000_000, "bob", "kamailio", '486 <Busy> & "gone"')]);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    // Six messages: five heads or crosses at the receiver, one dashed line for the lost one.
    expect(svg.match(/<polygon /g)).toHaveLength(5);
    expect(svg.match(/stroke-dasharray/g)).toHaveLength(1);
    expect(svg).toContain("486 &#60;Busy&#62; &#38; &#34;gone&#34;");
    expect(svg).not.toMatch(/<Busy>|& "/);
    for (const name of ["kamailio", "alice", "bob", "203.0.113.9:5060"]) expect(svg).toContain(`>${name}</text>`);
  });
});
