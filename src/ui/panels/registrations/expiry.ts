/**
 * A contact's countdown in virtual time, from its last `ul` event alone: usrloc keeps an absolute
 * expiry in whole Unix seconds (ucontact.expires = now + expires, registrar's save.c), and the
 * engine's Unix clock is `epoch + floor(t / 1e6)` (usrloc/state.ts unixAt(), the playground's
 * clock phase being 0). So the seconds left now are the event's seconds minus the whole seconds
 * passed since, as `ul.dump`'s Expires prints them; the contact stops being valid at the start of
 * the second where they reach 0, and usrloc's timer removes it at its next run after that.
 */
import type { RegContact } from "../../../protocol/views.js";

/** Seconds the contact has left at `now` (virtual µs), as ul.dump says them; undefined: no expiry. */
export function secondsLeft(c: RegContact, now: number): number | undefined {
  if (c.expires === 0) return undefined;
  return c.expires - (Math.floor(now / 1_000_000) - Math.floor(c.t / 1_000_000));
}

/** Virtual µs at which the contact stops being valid (undefined: no expiry). */
export function expiresAt(c: RegContact): number | undefined {
  if (c.expires === 0) return undefined;
  return (Math.floor(c.t / 1_000_000) + c.expires) * 1_000_000;
}
