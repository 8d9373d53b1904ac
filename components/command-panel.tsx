"use client";

import { useReactor, type CommandCapability } from "@reactor-team/js-sdk";
import { CommandForm } from "@/components/command-form";
import { ModelReplies } from "@/components/model-replies";
import { useModelInterface } from "@/components/use-model-interface";
import type { EventSpec } from "@/lib/model-schema/types";

/**
 * Renders whatever commands the model declares, so the same page drives any
 * Reactor model of this shape (and the local emulator) without changes.
 */
export function CommandPanel() {
  const { model } = useModelInterface();
  const ready = useReactor((s) => s.status === "ready");
  const sendCommand = useReactor((s) => s.sendCommand);
  const commands = (model?.events ?? []).map(asCommand);

  if (commands.length === 0) return null;

  return (
    <section className="panel" aria-labelledby="commands-heading">
      <h2 id="commands-heading">Model commands</h2>
      <div className="commands">
        {commands.map((command) => (
          <CommandForm
            key={command.name}
            command={command}
            disabled={!ready}
            onSend={(name, data) => {
              // The SDK logs send failures itself and the model's reply (or
              // its absence) shows below; a rejected promise has no next step.
              void sendCommand(name, data).catch(() => undefined);
            }}
          />
        ))}
      </div>
      <ModelReplies />
    </section>
  );
}

/** The form below reads a JSON-Schema object body; rebuild one per event. */
function asCommand(event: EventSpec): CommandCapability {
  return {
    name: event.name,
    description: event.description ?? event.label ?? "",
    schema: {
      type: "object",
      properties: Object.fromEntries(
        event.fields.map((f) => [f.name, f.schema]),
      ),
      required: event.fields.filter((f) => f.required).map((f) => f.name),
    },
  };
}
