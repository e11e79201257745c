/** A limit's label is drawn from the plot's left edge, whatever alignment uPlot left behind. */
import type uPlot from "uplot";
import { describe, expect, it } from "vitest";
import { drawLimit } from "./use-uplot.js";

describe("drawLimit", () => {
  it("draws its label left-aligned inside the plot, after the y axis drew right-aligned values", () => {
    const drawn: { text: string; x: number; align: string }[] = [];
    const ctx = {
      // As uPlot's y axis leaves it.
      textAlign: "right",
      save() {},
      restore() {},
      beginPath() {},
      moveTo() {},
      lineTo() {},
      stroke() {},
      setLineDash() {},
      fillText(this: { textAlign: string }, text: string, x: number) {
        drawn.push({ text, x, align: this.textAlign });
      },
    };
    const u = { ctx, bbox: { left: 40, top: 0, width: 300, height: 80 }, valToPos: () => 20 } as unknown as uPlot;
    drawLimit(u, 50, "#000", "size 50", "12px sans-serif");
    expect(drawn).toHaveLength(1);
    expect(drawn[0]?.text).toBe("size 50");
    expect(drawn[0]?.align).toBe("left");
  });
});
