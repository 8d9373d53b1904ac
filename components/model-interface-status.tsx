"use client";

import { useModelInterface } from "@/components/use-model-interface";
import type { InterfaceSource } from "@/lib/model-schema/types";

const SOURCES: Record<InterfaceSource, string> = {
  schema: "its schema",
  capabilities: "its legacy capabilities",
  session: "the session",
  none: "nowhere",
};

/** Where the model's controls came from, or that it publishes none. */
export function ModelInterfaceStatus() {
  const { model, pending } = useModelInterface();
  if (!model) return null;
  const text =
    model.events.length > 0
      ? `Controls from ${SOURCES[model.source]}`
      : pending
        ? "Asking the model for its controls…"
        : "This model publishes no controls";
  return (
    <p
      className="my-4"
      data-testid="model-interface-source"
      data-source={model.source}
      data-pending={pending}
    >
      {text}
    </p>
  );
}
