/** One process's lane: busy share per time column, drawn on a canvas (darker = busier). */
import { useEffect, useRef } from "react";

export function BusyStrip({ cells }: { cells: Float32Array }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext("2d");
    if (!canvas || !ctx) return;
    const ratio = window.devicePixelRatio || 1;
    const w = Math.max(1, Math.round(canvas.clientWidth * ratio));
    const h = Math.max(1, Math.round(canvas.clientHeight * ratio));
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
    const style = getComputedStyle(canvas);
    const busy = style.getPropertyValue("--accent").trim() || "#1d4ed8";
    const idle = style.getPropertyValue("--neutral").trim() || "#888";
    ctx.clearRect(0, 0, w, h);
    const col = w / cells.length;
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i] as number;
      if (v < 0) continue;
      const x = Math.floor(i * col);
      const cw = Math.max(1, Math.floor((i + 1) * col) - x - 1);
      // Sampled and idle: a thin baseline; busy: a bar.
      ctx.globalAlpha = 1;
      ctx.fillStyle = idle;
      ctx.fillRect(x, h - Math.max(2, Math.round(h * 0.12)), Math.ceil(col), Math.max(2, Math.round(h * 0.12)));
      if (v > 0) {
        // Taller and more opaque the busier: the height carries the meaning without colour.
        const bh = Math.max(2, h * (0.3 + 0.7 * v));
        ctx.globalAlpha = 0.45 + 0.55 * v;
        ctx.fillStyle = busy;
        ctx.fillRect(x, h - bh, cw, bh);
      }
    }
    ctx.globalAlpha = 1;
  });
  return (
    <span className="busy-wrap" aria-hidden="true">
      <canvas ref={ref} className="busy-strip" />
    </span>
  );
}
