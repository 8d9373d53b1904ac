"use client";

// Last-resort boundary: something threw while rendering. Say so and offer a
// retry instead of a blank page; details are in the server and browser logs.
export default function ErrorPage({ reset }: { reset: () => void }) {
  return (
    <main className="setup">
      <h1>Something went wrong</h1>
      <p>
        The page failed to render. Try again; if it keeps happening, the server
        log and the browser console have the details.
      </p>
      <button type="button" className="button primary" onClick={reset}>
        Try again
      </button>
    </main>
  );
}
