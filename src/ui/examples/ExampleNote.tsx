/**
 * The gallery's explanation of the loaded example — what to watch — above the dashboard, folded
 * to its title on request. `code` spans of the README are shown as code; nothing else is parsed.
 */
import { useStore } from "../store/store.js";
import { EXAMPLES } from "./index.js";

function withCode(text: string) {
  return text.split(/(`[^`]+`)/).map((part, i) =>
    part.startsWith("`") && part.endsWith("`") ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed paragraph never move.
      <code key={i}>{part.slice(1, -1)}</code>
    ) : (
      part
    ),
  );
}

export function ExampleNote() {
  const id = useStore((s) => s.example);
  const ex = EXAMPLES.find((x) => x.id === id);
  if (!ex) return null;
  return (
    <section className="panel example-note" aria-label="About this example">
      <details open>
        <summary>
          {ex.lesson !== undefined && <span className="muted">Lesson {ex.lesson} · </span>}
          <b>{ex.title}</b> <span className="muted">— what to watch</span>
        </summary>
        {ex.explanation.split(/\n\s*\n/).map((para) => (
          <p key={para.slice(0, 40)}>{withCode(para.replace(/\s*\n\s*/g, " "))}</p>
        ))}
      </details>
    </section>
  );
}
