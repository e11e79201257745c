/** A queue's depth over the last 30 virtual seconds (uPlot, stepped), with its `size` limit drawn. */
import { useRef } from "react";
import uPlot from "uplot";
import { compactCount, toColumns, xRange, yMax } from "./series.js";
import { drawLimit, useUplot, withAlpha } from "./use-uplot.js";

export function DepthChart({ name, limit }: { name: string; limit: number }) {
  const now = useRef(0);
  const ref = useUplot(
    {
      height: 110,
      options: (c) => ({
        legend: { show: false },
        cursor: { show: false },
        scales: {
          x: { time: false, range: () => xRange(now.current) },
          y: { range: (_u, _min, max) => [0, yMax([max ?? 0], limit)] },
        },
        axes: [
          {
            stroke: c.muted,
            font: c.font,
            grid: { stroke: c.grid, width: 1 },
            ticks: { stroke: c.grid, width: 1 },
            values: (_u, vals) => vals.map((v) => `${v} s`),
            size: c.fontPx * 2,
          },
          {
            stroke: c.muted,
            font: c.font,
            grid: { stroke: c.grid, width: 1 },
            ticks: { show: false },
            values: (_u, vals) => vals.map(compactCount),
            // Wide enough for the longest label (uPlot measures nothing itself).
            size: (_u, values) =>
              Math.ceil(c.fontPx * (1 + 0.55 * Math.max(1, ...(values ?? []).map((v) => v.length)))),
          },
        ],
        series: [
          {},
          {
            stroke: c.hue,
            fill: withAlpha(c.hue, 0.22),
            width: 2,
            points: { show: false },
            paths: uPlot.paths.stepped?.({ align: 1 }),
          },
        ],
        hooks: {
          draw: [(u) => limit > 0 && drawLimit(u, limit, c.text, `size ${limit}`, c.font)],
        },
      }),
      data: (s) => {
        now.current = s.t;
        const [xs, ys] = toColumns(s.queueSeries[name] ?? [], xRange(s.t)[0] * 1e6);
        // The depth now, so the line reaches the present even when nothing changed lately.
        if (s.t / 1e6 > (xs[xs.length - 1] ?? -1)) {
          xs.push(s.t / 1e6);
          ys.push(s.queueDepth[name] ?? ys[ys.length - 1] ?? 0);
        }
        return [xs, ys];
      },
      changed: (s, prev) => s.queueSeries !== prev.queueSeries || s.t !== prev.t || s.queueDepth !== prev.queueDepth,
    },
    [name, limit],
  );
  return <div ref={ref} className="chart" aria-hidden="true" />;
}
