/** The receive queue's depth over the last 30 virtual seconds: a small uPlot line. */

import { useRef } from "react";
import { toColumns, xRange, yMax } from "../queues/series.js";
import { useUplot, withAlpha } from "../queues/use-uplot.js";

export function RxSparkline() {
  const now = useRef(0);
  const ref = useUplot(
    {
      height: 36,
      options: (c) => ({
        legend: { show: false },
        cursor: { show: false },
        padding: [4, 2, 2, 2],
        scales: {
          x: { time: false, range: () => xRange(now.current) },
          y: { range: (_u, _min, max) => [0, yMax([max ?? 0])] },
        },
        axes: [{ show: false }, { show: false }],
        series: [{}, { stroke: c.muted, fill: withAlpha(c.muted, 0.2), width: 1.5, points: { show: false } }],
      }),
      data: (s) => {
        now.current = s.t;
        return toColumns(s.rxSeries, xRange(s.t)[0] * 1e6);
      },
      changed: (s, prev) => s.rxSeries !== prev.rxSeries || s.t !== prev.t,
    },
    [],
  );
  return <div ref={ref} className="sparkline" aria-hidden="true" />;
}
