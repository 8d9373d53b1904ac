/**
 * "The user did something" as a tiny event: controls report every command
 * sent and every upload, and anything that cares (an idle policy) listens,
 * without either knowing the other.
 */
type Listener = () => void;

const listeners = new Set<Listener>();

export function reportActivity(): void {
  for (const listener of listeners) listener();
}

/** Returns the unsubscribe function, so it fits a useEffect cleanup. */
export function onActivity(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
