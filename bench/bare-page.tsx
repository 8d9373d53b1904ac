// The benchmark's floor: the SDK's provider and view with a token fetched in
// advance, and nothing else (no Next.js, no app UI). scripts/bench.mjs
// bundles this with esbuild and compares our page against it.
import {
  ReactorProvider,
  ReactorView,
  useReactor,
  useStats,
} from "@reactor-team/js-sdk";
import { createRoot } from "react-dom/client";

interface BenchConfig {
  token: string;
  apiUrl: string;
  model: string;
}

const config = (window as unknown as { BENCH: BenchConfig }).BENCH;

function Controls() {
  const connect = useReactor((s) => s.connect);
  const status = useReactor((s) => s.status);
  const timings = useStats()?.connectionTimings;
  return (
    <>
      <button type="button" onClick={() => void connect(config.token)}>
        Connect
      </button>
      <p role="status">{status}</p>
      <dl data-testid="connection-stats" data-total-ms={timings?.totalMs} />
    </>
  );
}

createRoot(document.getElementById("root")!).render(
  <ReactorProvider modelName={config.model} apiUrl={config.apiUrl}>
    <div data-testid="stage" style={{ width: 640, height: 360 }}>
      <ReactorView />
    </div>
    <Controls />
  </ReactorProvider>,
);
