"use client";

import { useReactor } from "@reactor-team/js-sdk";
import { CommandForm } from "@/components/command-form";
import { ModelReplies } from "@/components/model-replies";
import { useCapabilities } from "@/components/use-capabilities";

/**
 * Renders whatever commands the model declares, so the same page drives any
 * Reactor model of this shape (and the local emulator) without changes.
 */
export function CommandPanel() {
  const capabilities = useCapabilities();
  const ready = useReactor((s) => s.status === "ready");
  const sendCommand = useReactor((s) => s.sendCommand);
  const commands = capabilities?.commands ?? [];

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
