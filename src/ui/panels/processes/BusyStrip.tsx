/**
 * One process's lane: busy share per time column, drawn on a canvas (taller and darker = busier).
 * Drawing reads no layout and no style: the canvas's size comes from a ResizeObserver (which
 * reports it after layout, without forcing one) and the theme's colours from the panel, read
 * once per theme. Reading `clientWidth` and `getComputedStyle` here on every frame forced a style
 * recalculation per process per frame (22 % of the page's main thread under load, issue 9 §3).
 */
import { memo, useEffect, useRef } from "react";
import { sameItems } from "../../store/shown.js";

export interface BusyColors {
  busy: string;
  idle: string;
}

function draw(canvas: HTMLCanvasElement, cells: Float32Array, colors: BusyColors): void {
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  const { width: w, height: h } = canvas;
  ctx.clearRect(0, 0, w, h);
  const col = w / cells.length;
  const base = Math.max(2, Math.round(h * 0.12));
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i] as number;
    if (v < 0) continue;
    const x = Math.floor(i * col);
    const cw = Math.max(1, Math.floor((i + 1) * col) - x - 1);
    // Sampled and idle: a thin baseline; busy: a bar.
    ctx.globalAlpha = 1;
    ctx.fillStyle = colors.idle;
    ctx.fillRect(x, h - base, Math.ceil(col), base);
    if (v > 0) {
      // Taller and more opaque the busier: the height carries the meaning without colour.
      const bh = Math.max(2, h * (0.3 + 0.7 * v));
      ctx.globalAlpha = 0.45 + 0.55 * v;
      ctx.fillStyle = colors.busy;
      ctx.fillRect(x, h - bh, cw, bh);
    }
  }
  ctx.globalAlpha = 1;
}

export const BusyStrip = memo(
  function BusyStrip({ cells, colors }: { cells: Float32Array; colors: BusyColors }) {
    const ref = useRef<HTMLCanvasElement>(null);
    const latest = useRef({ cells, colors });
    latest.current = { cells, colors };

    // The backing store follows the box's size (device pixels), then the lane is drawn again.
    useEffect(() => {
      const canvas = ref.current;
      if (!canvas) return;
      const resize = new ResizeObserver(([entry]) => {
        const box = entry?.devicePixelContentBoxSize?.[0];
        const ratio = window.devicePixelRatio || 1;
        const w = Math.max(1, Math.round(box ? box.inlineSize : (entry?.contentRect.width ?? 1) * ratio));
        const h = Math.max(1, Math.round(box ? box.blockSize : (entry?.contentRect.height ?? 1) * ratio));
        if (canvas.width === w && canvas.height === h) return;
        canvas.width = w;
        canvas.height = h;
        draw(canvas, latest.current.cells, latest.current.colors);
      });
      resize.observe(canvas);
      return () => resize.disconnect();
    }, []);

    useEffect(() => {
      if (ref.current) draw(ref.current, cells, colors);
    }, [cells, colors]);

    return (
      <span className="busy-wrap" aria-hidden="true">
        <canvas ref={ref} className="busy-strip" />
      </span>
    );
  },
  // A lane whose columns did not change is not drawn again (idle processes, a paused run).
  (a, b) => a.colors === b.colors && sameItems(a.cells, b.cells),
);
