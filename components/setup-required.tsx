import type { ConfigIssue } from "@/lib/server/env";

interface Props {
  issues: ConfigIssue[];
  /** In development `npm run dev` can stream from the local emulator instead. */
  development: boolean;
}

/**
 * Rendered by the server when configuration is missing or invalid. The issues
 * say what is wrong; how to apply a fix is said once, below them.
 */
export function SetupRequired({ issues, development }: Props) {
  return (
    <main className="mx-auto max-w-[960px] px-4 pt-6 pb-12">
      <h1 className="my-[0.67em] text-[2em] font-bold">Setup required</h1>
      <p className="my-4">
        The app cannot mint Reactor session tokens until this is fixed:
      </p>
      <ul className="my-4 list-disc pl-10">
        {/* One variable can yield several issues (two bad origins). */}
        {issues.map((issue, index) => (
          <li key={`${issue.variable}:${index}`} className="mb-2">
            {issue.message}
          </li>
        ))}
      </ul>
      <h2 className="my-[0.83em] text-[1.5em] font-bold">How to fix it</h2>
      <ol className="my-4 list-decimal pl-10 *:mb-2">
        <li>
          Get an API key (it starts with <code>rk_</code>) from your dashboard
          at{" "}
          <a
            href="https://reactor.inc"
            rel="noreferrer"
            className="text-accent underline"
          >
            reactor.inc
          </a>
          .
        </li>
        <li>
          Put it, and any other variable listed above, in{" "}
          <code>.env.local</code> next to <code>package.json</code>:{" "}
          <code>REACTOR_API_KEY=rk_…</code> (see <code>.env.example</code>; on
          Vercel: Project Settings → Environment Variables, then redeploy).
        </li>
        <li>Restart the server so it reads the new value.</li>
      </ol>
      {development && (
        <p className="my-4">
          No key yet? Remove <code>REACTOR_API_KEY</code> and run{" "}
          <code>npm run dev</code>: it streams from the local emulator instead.
        </p>
      )}
    </main>
  );
}
