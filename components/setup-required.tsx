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
    <main className="setup">
      <h1>Setup required</h1>
      <p>The app cannot mint Reactor session tokens until this is fixed:</p>
      <ul className="setup-issues">
        {/* One variable can yield several issues (two bad origins). */}
        {issues.map((issue, index) => (
          <li key={`${issue.variable}:${index}`}>{issue.message}</li>
        ))}
      </ul>
      <h2>How to fix it</h2>
      <ol className="setup-steps">
        <li>
          Get an API key (it starts with <code>rk_</code>) from your dashboard
          at{" "}
          <a href="https://reactor.inc" rel="noreferrer">
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
        <p>
          No key yet? Remove <code>REACTOR_API_KEY</code> and run{" "}
          <code>npm run dev</code>: it streams from the local emulator instead.
        </p>
      )}
    </main>
  );
}
