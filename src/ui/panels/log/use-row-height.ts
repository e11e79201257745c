/**
 * The Log's row height, measured from a hidden row drawn with the lines' own style: the list is
 * virtualised (rows placed at index × height), so the height must follow the text size — with a
 * fixed 19 px, A+ drew rows 1.5em tall 19 px apart, each over the next.
 */
import { useLayoutEffect, useRef, useState } from "react";

export function useRowHeight(fallback: number): [React.RefObject<HTMLDivElement | null>, number] {
  const probe = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(fallback);
  useLayoutEffect(() => {
    const el = probe.current;
    if (!el) return;
    const measure = () => {
      const h = el.getBoundingClientRect().height;
      if (h > 0) setHeight(h);
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [probe, height];
}
