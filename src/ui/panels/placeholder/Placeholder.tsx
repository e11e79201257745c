/** A view still being built: it says so, with the accessible name the finished view will have. */
export function Placeholder({ name, children }: { name: string; children?: React.ReactNode }) {
  return (
    <section className="panel" aria-label={name}>
      <h2>{name}</h2>
      {children ?? <p className="muted">This view is being built.</p>}
    </section>
  );
}
