/**
 * The Ladder as a PNG for slides: the SVG export (export-svg.ts) drawn on a canvas at twice its
 * size, so it stays sharp on a projector. A canvas has a size limit (Chromium: 32,767 px a side,
 * less in practice on small machines), so a PNG holds at most PNG_MAX_ROWS rows: the first ones
 * of what the view shows. The caller says so when it cuts (filter by Call-ID for one call).
 */
import type { LadderRow } from "../../../protocol/messages.js";
import { ladderAsSvg } from "./export-svg.js";

/** Device pixels per SVG pixel. */
export const PNG_SCALE = 2;
/** Rows a PNG holds: 580 rows of 28 px at 2× are 32,556 px tall, under Chromium's 32,767 a side. */
export const PNG_MAX_ROWS = 580;

/** The PNG of the first PNG_MAX_ROWS rows, and how many rows it holds. */
export async function ladderAsPng(rows: readonly LadderRow[]): Promise<{ blob: Blob; rows: number }> {
  const kept = rows.slice(0, PNG_MAX_ROWS);
  const svg = ladderAsSvg(kept);
  const size = /width="(\d+)" height="(\d+)"/.exec(svg);
  const [width, height] = [Number(size?.[1] ?? 0), Number(size?.[2] ?? 0)];
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const image = new Image(width, height);
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = width * PNG_SCALE;
    canvas.height = height * PNG_SCALE;
    const g = canvas.getContext("2d");
    if (!g) throw new Error("this browser gives no 2D canvas: save the ladder as SVG instead");
    g.scale(PNG_SCALE, PNG_SCALE);
    g.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (!blob) throw new Error(`the canvas could not make a PNG of ${width}×${height}: save the ladder as SVG instead`);
    return { blob, rows: kept.length };
  } finally {
    URL.revokeObjectURL(url);
  }
}
