"use client";

import { useReactorMessage } from "@reactor-team/js-sdk";
import { useRef, useState } from "react";

const MAX_REPLIES = 5;

/** The model's latest replies, newest first; periodic `state` updates are kept apart. */
export function ModelReplies() {
  const [replies, setReplies] = useState<{ id: number; text: string }[]>([]);
  const [state, setState] = useState<string>();
  const nextId = useRef(0);

  useReactorMessage((message: unknown) => {
    if (isStateMessage(message)) {
      setState(JSON.stringify(message.data));
      return;
    }
    const reply = { id: nextId.current++, text: JSON.stringify(message) };
    setReplies((previous) => [reply, ...previous].slice(0, MAX_REPLIES));
  });

  return (
    <div className="replies">
      <h3>Model replies</h3>
      <ol aria-live="polite" aria-label="Model replies">
        {replies.map((reply) => (
          <li key={reply.id}>
            <code>{reply.text}</code>
          </li>
        ))}
      </ol>
      {state && (
        <p className="model-state">
          State: <code>{state}</code>
        </p>
      )}
    </div>
  );
}

function isStateMessage(message: unknown): message is { data: unknown } {
  return (
    typeof message === "object" &&
    message !== null &&
    (message as { type?: unknown }).type === "state"
  );
}
