import { connection } from "next/server";
import { AppHeader } from "@/components/app-header";
import { SetupRequired } from "@/components/setup-required";
import { StreamApp } from "@/components/stream-app";
import { readServerConfig, toPublicConfig } from "@/lib/server/env";

// This page has one job: choose the setup screen or the app. It renders per
// request so configuration changes (on Vercel: env vars) apply without a
// rebuild, and only the non-secret part of the config reaches the browser.
export default async function Page() {
  await connection();
  const result = readServerConfig();
  if (!result.ok) {
    return (
      <SetupRequired
        issues={result.issues}
        development={process.env.NODE_ENV === "development"}
      />
    );
  }

  const config = toPublicConfig(result.config);
  return (
    <main className="mx-auto max-w-[960px] px-4 pt-6 pb-12">
      <AppHeader model={config.model} usingEmulator={config.usingEmulator} />
      <StreamApp config={config} />
    </main>
  );
}
