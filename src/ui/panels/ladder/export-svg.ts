/**
 * The Ladder as a standalone SVG for slides: every row of what the view shows (not only those in
 * view), in the light theme's colours written into the file (it leaves the page's stylesheet
 * behind), with a font any viewer has.
 */
import type { LadderRow } from "../../../protocol/messages.js";
import { labelOf, layoutColumns, receiverOf, senderOf, timeOf } from "./model.js";

const COL_W = 170;
const ROW_H = 28;
const GUTTER = 70;
const HEAD_H = 30;

/** The light theme's colours (styles.css), by meaning. */
const COLOURS = {
  text: "#111827",
  muted: "#4b5563",
  lifeline: "#d0d5dd",
  request: "#1d4ed8",
  provisional: "#6b7280",
  success: "#15803d",
  redirect: "#b45309",
  failure: "#b91c1c",
};

function colourOf(r: LadderRow): string {
  if (r.lost) return COLOURS.failure;
  if (r.status === undefined) return COLOURS.request;
  if (r.status < 200) return COLOURS.provisional;
  if (r.status < 300) return COLOURS.success;
  if (r.status < 400) return COLOURS.redirect;
  return COLOURS.failure;
}

/** Text as SVG (XML) character data. */
export function xmlEscape(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function ladderAsSvg(rows: readonly LadderRow[]): string {
  const layout = layoutColumns(rows);
  const cols = layout.titles.length;
  const width = GUTTER + Math.max(1, cols) * COL_W;
  const height = HEAD_H + rows.length * ROW_H + 8;
  const x = (c: number) => GUTTER + COL_W * (c + 0.5);
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans Mono, Menlo, monospace" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  layout.titles.forEach((t, c) => {
    out.push(
      `<text x="${x(c)}" y="18" text-anchor="middle" font-weight="bold" fill="${COLOURS.text}">${xmlEscape(t)}</text>`,
      `<line x1="${x(c)}" x2="${x(c)}" y1="${HEAD_H - 6}" y2="${height}" stroke="${COLOURS.lifeline}" stroke-width="2"/>`,
    );
  });
  rows.forEach((r, i) => {
    const y = HEAD_H + i * ROW_H + ROW_H * 0.74;
    const from = x(layout.columnOf(senderOf(r)));
    const to = x(layout.columnOf(receiverOf(r)));
    const dir = to >= from ? 1 : -1;
    const colour = colourOf(r);
    const label = `${labelOf(r)}${r.lost ? " ✕" : ""}`;
    out.push(`<text x="${GUTTER - 8}" y="${y + 4}" text-anchor="end" fill="${COLOURS.muted}">${timeOf(r.t)}</text>`);
    if (from === to) {
      out.push(
        `<path d="M${from} ${y - 8} h40 v8 h-33" fill="none" stroke="${colour}" stroke-width="2"/>`,
        `<polygon points="${from},${y} ${from + 7},${y - 3.5} ${from + 7},${y + 3.5}" fill="${colour}"/>`,
      );
    } else {
      const dash = r.lost ? ' stroke-dasharray="6 4"' : "";
      out.push(
        `<line x1="${from}" x2="${to - dir * (r.lost ? 0 : 7)}" y1="${y}" y2="${y}" stroke="${colour}" stroke-width="2"${dash}/>`,
      );
      out.push(
        r.lost
          ? `<path d="M${to - 5} ${y - 5} l10 10 M${to + 5} ${y - 5} l-10 10" stroke="${COLOURS.failure}" stroke-width="2.5"/>`
          : `<polygon points="${to},${y} ${to - dir * 7},${y - 3.5} ${to - dir * 7},${y + 3.5}" fill="${colour}"/>`,
      );
    }
    const lx = from === to ? from + 48 : (from + to) / 2;
    const anchor = from === to ? "start" : "middle";
    out.push(
      `<text x="${lx}" y="${y - 5}" text-anchor="${anchor}" fill="${COLOURS.text}" stroke="#ffffff" stroke-width="3" paint-order="stroke">${xmlEscape(label)}</text>`,
    );
  });
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}
