"use client";

import { useReactor } from "@reactor-team/js-sdk";
import {
  useCallback,
  useMemo,
  useState,
  useSyncExternalStore,
  type RefObject,
} from "react";
import { EventForm } from "@/components/controls/event-form";
import { HoldPad } from "@/components/controls/hold-pad";
import { LifecycleToolbar } from "@/components/controls/lifecycle-toolbar";
import { MessageLog } from "@/components/controls/message-log";
import { ModerationNotices } from "@/components/controls/moderation-notices";
import { PointerOverlay } from "@/components/controls/pointer-overlay";
import { RawCommand } from "@/components/controls/raw-command";
import { StateTable } from "@/components/controls/state-table";
import { useHeldInput } from "@/components/controls/use-held-input";
import { useModelMessages } from "@/components/controls/use-model-messages";
import { eventRoles } from "@/lib/controls/event-roles";
import { nextStep } from "@/lib/controls/next-step";
import type { ModelInterface } from "@/lib/model-schema/types";
import { reportActivity } from "@/lib/activity";
import {
  helpText,
  panel,
  panelHeading,
  problemText,
} from "@/components/class-names";

interface Props {
  model: ModelInterface | undefined;
  /** The video stage, for the pointer overlay. */
  stageRef: RefObject<HTMLElement | null>;
}

const noSubscription = () => () => undefined;

/**
 * Every control generated from the model's published interface: setter forms,
 * held controls, a lifecycle toolbar, a pointer overlay, and what the model
 * says back. Nothing here knows a model by name.
 */
export function ModelControls({ model, stageRef }: Props) {
  const ready = useReactor((s) => s.status === "ready");
  const sendCommand = useReactor((s) => s.sendCommand);
  const uploadFile = useReactor((s) => s.uploadFile);
  const messages = useModelMessages();
  const { noteSent } = messages;
  const [sent, setSent] = useState<ReadonlySet<string>>(new Set());
  const roles = useMemo(() => eventRoles(model?.events ?? []), [model]);
  const declared = useMemo(
    () => new Set(model?.messages.map((m) => m.type)),
    [model],
  );
  // The stage is mounted before this panel; reading it through a store keeps
  // the ref out of render and re-reads it once mounted.
  const stage = useSyncExternalStore(
    noSubscription,
    () => stageRef.current,
    () => null,
  );

  const send = useCallback(
    (name: string, data: Record<string, unknown>) => {
      reportActivity();
      noteSent(name);
      setSent((previous) =>
        previous.has(name) ? previous : new Set(previous).add(name),
      );
      // Failures are the SDK's to log; the model's own errors arrive as messages.
      void sendCommand(name, data).catch(() => undefined);
    },
    [sendCommand, noteSent],
  );
  const upload = useCallback(
    (file: File) => {
      reportActivity();
      return uploadFile(file);
    },
    [uploadFile],
  );
  const held = useHeldInput(roles.held, ready, send);

  // Messages are collected from the start; the controls wait for the interface.
  if (!model) return null;

  const step = nextStep(roles, sent);
  // Forms and toolbar buttons show their own errors; the rest show here.
  const placed = new Set(
    [...roles.setters, ...roles.lifecycle].map((e) => e.name),
  );
  const otherErrors = Object.entries(messages.errors).filter(
    ([name]) => !placed.has(name),
  );

  return (
    <section className={panel} aria-labelledby="controls-heading">
      <h2 id="controls-heading" className={panelHeading}>
        {model.title ? `${model.title} controls` : "Model controls"}
      </h2>
      {model.description && (
        <p className={`my-[1em] ${helpText}`}>{model.description}</p>
      )}
      <ModerationNotices />
      {step && ready && (
        <p
          className="mb-3 rounded-md border-l-4 border-accent bg-accent/10 px-3 py-2"
          role="note"
        >
          {step.text}
        </p>
      )}
      <div className="grid grid-cols-[repeat(auto-fit,minmax(220px,1fr))] gap-3">
        {roles.setters.map((event) => (
          <EventForm
            key={event.name}
            event={event}
            disabled={!ready}
            onSend={send}
            upload={upload}
            error={messages.errors[event.name]}
            highlighted={ready && step?.event === event.name}
          />
        ))}
      </div>
      <HoldPad held={roles.held} disabled={!ready} {...held} />
      <LifecycleToolbar
        events={roles.lifecycle}
        disabled={!ready}
        validCommands={messages.validCommands}
        errors={messages.errors}
        highlighted={ready ? step?.event : undefined}
        onSend={send}
      />
      {roles.pointer && (
        <PointerOverlay
          pointer={roles.pointer}
          stage={stage}
          enabled={ready}
          send={send}
        />
      )}
      {otherErrors.map(([name, reason]) => (
        <p key={name} className={`my-[1em] ${problemText}`} role="alert">
          {name}: {reason}
        </p>
      ))}
      <StateTable snapshot={messages.snapshot} />
      <MessageLog log={messages.log} declared={declared} />
      <RawCommand
        disabled={!ready}
        onSend={send}
        open={model.events.length === 0}
      />
      {model.problems.length > 0 && (
        <details className="mt-4 text-label">
          <summary>
            The model&apos;s schema has {model.problems.length} problem(s)
          </summary>
          <ul className="my-4 list-disc pl-10">
            {model.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
