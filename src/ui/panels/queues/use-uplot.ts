/**
 * A uPlot chart fed from the store: created once per theme and font size, resized with its box,
 * and given new data at most once per display frame after the store changes (frames already
 * arrive at most once per display frame; this keeps a burst of them to one redraw). Canvas only:
 * nothing is re-rendered by React per event.
 */
import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { type PlaygroundState, useStore } from "../../store/store.js";

/** The theme's colours and font as a chart needs them (read from CSS variables). */
export interface ChartColors {
  text: string;
  muted: string;
  grid: string;
  /** The element's own hue (`--hue`), else the accent. */
  hue: string;
  warn: string;
  alert: string;
  font: string;
  /** The font size in CSS pixels. */
  fontPx: number;
}

/** What a chart draws: its options for the theme, and its data from the store. */
export interface ChartSpec {
  height: number;
  options(colors: ChartColors): Omit<uPlot.Options, "width" | "height">;
  data(s: PlaygroundState): uPlot.AlignedData;
  /** Whether a store change concerns this chart. */
  changed(s: PlaygroundState, prev: PlaygroundState): boolean;
}

function cssVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
  return style.getPropertyValue(name).trim() || fallback;
}

/** Reads the colours of `el`'s theme. */
function chartColors(el: HTMLElement): ChartColors {
  const style = getComputedStyle(el);
  const fontPx = Number.parseFloat(style.fontSize) || 14;
  const accent = cssVar(style, "--accent", "#1d4ed8");
  return {
    text: cssVar(style, "--text", "#111"),
    muted: cssVar(style, "--muted", "#555"),
    grid: cssVar(style, "--border", "#ddd"),
    hue: cssVar(style, "--hue", accent),
    warn: cssVar(style, "--warn", "#b45309"),
    alert: cssVar(style, "--alert", "#b91c1c"),
    font: `${Math.round(fontPx * 0.85)}px system-ui, sans-serif`,
    fontPx,
  };
}

/** `#rrggbb` with an alpha, for fills (other colour forms are returned as they are). */
export function withAlpha(color: string, alpha: number): string {
  const m = /^#([0-9a-f]{6})$/i.exec(color);
  if (!m) return color;
  const n = Number.parseInt(m[1] as string, 16);
  return `rgba(${n >> 16}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** Draws a dashed horizontal line at `value` with a label: limits and thresholds. */
export function drawLimit(u: uPlot, value: number, color: string, label: string, font: string): void {
  const ctx = u.ctx;
  const r = uPlot.pxRatio;
  const y = Math.round(u.valToPos(value, "y", true));
  const { left, width } = u.bbox;
  ctx.save();
  ctx.strokeStyle = color;
  ctx.lineWidth = 2 * r;
  ctx.setLineDash([6 * r, 4 * r]);
  ctx.beginPath();
  ctx.moveTo(left, y);
  ctx.lineTo(left + width, y);
  ctx.stroke();
  ctx.fillStyle = color;
  ctx.font = font.replace(/^(\d+)px/, (_, px) => `bold ${Number(px) * r}px`);
  ctx.textBaseline = "bottom";
  // uPlot leaves the context as its y axis last drew (right-aligned values): aligned right, the
  // label ended at the plot's left edge and its start fell off the canvas ("size 50" read "ze 50").
  ctx.textAlign = "left";
  ctx.fillText(label, left + 4 * r, y - 3 * r);
  ctx.restore();
}

/** Mounts the chart `spec` describes in the returned element; `deps` re-create it. */
export function useUplot(spec: ChartSpec, deps: readonly unknown[]) {
  const ref = useRef<HTMLDivElement>(null);
  const specRef = useRef(spec);
  specRef.current = spec;
  const theme = useStore((s) => s.theme);
  const scale = useStore((s) => s.fontScale);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the chart is rebuilt for a new theme, font size or `deps`.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let u: uPlot | undefined;
    let raf = 0;
    // Built on the next frame: the page applies a new theme or font size in an effect that runs
    // after this one (parents' effects run after their children's), and the colours come from it.
    const build = requestAnimationFrame(() => {
      const s = specRef.current;
      const opts = { ...s.options(chartColors(el)), width: Math.max(50, el.clientWidth), height: s.height };
      u = new uPlot(opts, s.data(useStore.getState()), el);
    });
    const unsubscribe = useStore.subscribe((now, prev) => {
      if (raf || !specRef.current.changed(now, prev)) return;
      raf = requestAnimationFrame(() => {
        raf = 0;
        u?.setData(specRef.current.data(useStore.getState()));
      });
    });
    const resize = new ResizeObserver(() => {
      const width = Math.max(50, el.clientWidth);
      if (u && width !== u.width) u.setSize({ width, height: specRef.current.height });
    });
    resize.observe(el);
    return () => {
      unsubscribe();
      resize.disconnect();
      cancelAnimationFrame(build);
      cancelAnimationFrame(raf);
      u?.destroy();
    };
  }, [theme, scale, ...deps]);

  return ref;
}
