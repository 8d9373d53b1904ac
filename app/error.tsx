"use client";

import { primaryButton } from "@/components/class-names";

// Last-resort boundary: something threw while rendering. Say so and offer a
// retry instead of a blank page; details are in the server and browser logs.
export default function ErrorPage({ reset }: { reset: () => void }) {
  return (
    <main className="mx-auto max-w-[960px] px-4 pt-6 pb-12">
      <h1 className="my-[0.67em] text-[2em] font-bold">Something went wrong</h1>
      <p className="my-4">
        The page failed to render. Try again; if it keeps happening, the server
        log and the browser console have the details.
      </p>
      <button type="button" className={primaryButton} onClick={reset}>
        Try again
      </button>
    </main>
  );
}
