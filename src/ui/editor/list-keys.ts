/**
 * Up and Down move the focus between the buttons of a list (the Problems list, the outline), so
 * a long list is walked by arrows as well as by Tab; Home and End go to its ends.
 */
import type { KeyboardEvent } from "react";

export function moveInList(e: KeyboardEvent<HTMLElement>): void {
  const keys = ["ArrowDown", "ArrowUp", "Home", "End"];
  if (!keys.includes(e.key)) return;
  const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>("button:not(:disabled)")];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (at < 0) return;
  const next =
    e.key === "Home"
      ? 0
      : e.key === "End"
        ? buttons.length - 1
        : Math.max(0, Math.min(buttons.length - 1, at + (e.key === "ArrowDown" ? 1 : -1)));
  buttons[next]?.focus();
  e.preventDefault();
}
