/**
 * A queue's items as chips: they slide in at the left, the oldest (next out) waits at the right,
 * and fetched or dropped ones slide out. One tab stop: the arrow keys move between chips; the
 * line below names the focused or hovered chip (else the next one out) — key and value.
 */
import { memo, useState } from "react";
import { useStore } from "../../store/store.js";
import { addressIn, mentions } from "../../story.js";
import { openTrace } from "../trace/open-trace.js";
import { type Chip, chipText, type QueueChips } from "./chips.js";

function moveFocus(e: React.KeyboardEvent<HTMLUListElement>): void {
  const chips = [...e.currentTarget.querySelectorAll<HTMLElement>("li[data-inside]")];
  const at = chips.indexOf(document.activeElement as HTMLElement);
  // Chips are in queue order (oldest first) and drawn right to left.
  const to: Record<string, number> = { ArrowRight: at - 1, ArrowLeft: at + 1, Home: chips.length - 1, End: 0 };
  const next = to[e.key];
  if (next === undefined || at < 0) return;
  e.preventDefault();
  chips[Math.max(0, Math.min(chips.length - 1, next))]?.focus();
}

/** A chip renders again only when it changed (the list is rebuilt from the events each time). */
const ChipItem = memo(
  function ChipItem({ chip, head, onShow }: { chip: Chip; head: boolean; onShow: (c: Chip | undefined) => void }) {
    const text = chipText(chip);
    const inside = chip.state === "in";
    const focusIp = useStore((s) => s.focusIp);
    const related = focusIp !== undefined && (mentions(chip.key, focusIp) || mentions(chip.value, focusIp));
    const pick = () => {
      useStore.getState().setFocusIp(addressIn(chip.key) ?? addressIn(chip.value));
      // What the proxy did with the request that queued it (the Trace pane).
      if (chip.req !== undefined)
        openTrace({ req: chip.req, at: chip.t }, `request #${chip.req}, which queued ${chip.key}`);
    };
    return (
      <li
        className={`chip ${chip.state}${related ? " related" : ""}`}
        onClick={pick}
        onKeyDown={(k) => k.key === "Enter" && pick()}
        title={text}
        data-inside={inside ? "" : undefined}
        tabIndex={inside ? (head ? 0 : -1) : undefined}
        onMouseEnter={() => onShow(chip)}
        onMouseLeave={() => onShow(undefined)}
        onFocus={() => onShow(chip)}
        onBlur={() => onShow(undefined)}
      >
        <span aria-hidden="true">{chip.state === "dropped" ? "✕" : ""}</span>
        <span className="sr-only">{text}</span>
      </li>
    );
  },
  (a, b) =>
    a.head === b.head &&
    a.onShow === b.onShow &&
    a.chip.id === b.chip.id &&
    a.chip.state === b.chip.state &&
    a.chip.key === b.chip.key &&
    a.chip.value === b.chip.value,
);

export function ChipStrip({ name, chips }: { name: string; chips: QueueChips }) {
  const [shown, setShown] = useState<Chip | undefined>();
  const first = chips.inside[0];
  const focus = shown ?? chips.head;
  return (
    <div className="chip-box">
      <div className="chip-strip">
        <span className="strip-end" aria-hidden="true">
          in →
        </span>
        {/* Queue order, oldest first; CSS draws it right to left so items flow towards "out". */}
        <ul className="chips" aria-label={`${name} items, next out first`} onKeyDown={moveFocus}>
          {chips.leaving.map((c) => (
            <ChipItem key={c.id} chip={c} head={false} onShow={setShown} />
          ))}
          {chips.hidden > 0 && (
            <li className="chip-more" title={`${chips.hidden} older items without a chip`}>
              +{chips.hidden.toLocaleString("en-US")} older
            </li>
          )}
          {chips.inside.map((c) => (
            <ChipItem key={c.id} chip={c} head={c === first} onShow={setShown} />
          ))}
        </ul>
        <span className="strip-end" aria-hidden="true">
          → out
        </span>
      </div>
      <p className="chip-detail" title={focus ? chipText(focus) : undefined}>
        {focus ? (
          <>
            <b>{focus === shown ? "item" : "next out"}:</b> {focus.key} <span aria-hidden="true">→</span>
            <span className="sr-only">value</span> {focus.value}
          </>
        ) : chips.hidden > 0 ? (
          <span className="muted">next out: an item queued before the events shown</span>
        ) : (
          <span className="muted">empty</span>
        )}
      </p>
    </div>
  );
}
