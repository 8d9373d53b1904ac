"use client";

// The client boundary. It renders instantly with a skeleton, starts minting
// a token right away (so Connect does not wait for it) and loads the SDK in
// parallel as a separate chunk.
import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import { SessionSkeleton } from "@/components/session-skeleton";
import { fetchToken } from "@/lib/fetch-token";
import type { PublicConfig } from "@/lib/public-config";
import { TokenCache } from "@/lib/token-cache";

const ReactorSession = dynamic(
  () => import("@/components/reactor-session").then((m) => m.ReactorSession),
  { ssr: false, loading: () => <SessionSkeleton /> },
);

export function StreamApp({ config }: { config: PublicConfig }) {
  const [tokens] = useState(() => new TokenCache(() => fetchToken()));
  useEffect(() => tokens.prefetch(), [tokens]);

  return <ReactorSession config={config} tokens={tokens} />;
}
