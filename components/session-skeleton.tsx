/** What paints before the SDK chunk arrives: the same layout, inert. */
export function SessionSkeleton() {
  return (
    <div className="session" aria-busy="true">
      <figure className="stage">
        <div className="stage-placeholder">Loading the player…</div>
      </figure>
      <section className="panel" aria-label="Connection">
        <p className="status-line" data-phase="disconnected">
          <span className="status-dot" aria-hidden="true" />
          <span>Not connected</span>
        </p>
        <div className="buttons">
          <button type="button" className="button primary" disabled>
            Connect
          </button>
        </div>
      </section>
    </div>
  );
}
