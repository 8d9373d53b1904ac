import { useEffect, useState } from "react";

/** Counts whole seconds from its own mount; mount it when the wait starts. */
export function ElapsedSeconds() {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const start = Date.now();
    const timer = setInterval(
      () => setSeconds(Math.floor((Date.now() - start) / 1000)),
      1000,
    );
    return () => clearInterval(timer);
  }, []);
  return (
    <span className="font-normal text-muted tabular-nums" aria-hidden="true">
      {seconds} s
    </span>
  );
}
