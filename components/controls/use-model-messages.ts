"use client";

import { useReactorMessage } from "@reactor-team/js-sdk";
import { useCallback, useReducer } from "react";
import { appendEntry, type LogEntry } from "@/lib/controls/message-log";
import {
  commandErrorOf,
  readModelMessage,
  snapshotOf,
  validCommandsOf,
} from "@/lib/controls/model-message";

export interface ModelMessages {
  log: LogEntry[];
  snapshot: Record<string, unknown> | undefined;
  validCommands: string[] | undefined;
  /** Latest `command_error` reason per command name, until it is sent again. */
  errors: Record<string, string>;
}

type Action =
  { kind: "message"; message: unknown } | { kind: "sent"; name: string };

const initial: ModelMessages & { nextId: number } = {
  log: [],
  snapshot: undefined,
  validCommands: undefined,
  errors: {},
  nextId: 0,
};

function reduce(state: typeof initial, action: Action): typeof initial {
  if (action.kind === "sent") {
    if (!(action.name in state.errors)) return state;
    const errors = { ...state.errors };
    delete errors[action.name];
    return { ...state, errors };
  }
  const message = readModelMessage(action.message);
  const entry: LogEntry = {
    id: state.nextId,
    type: message?.type,
    body: message ? message.data : action.message,
    at: Date.now(),
  };
  const next = {
    ...state,
    nextId: state.nextId + 1,
    log: appendEntry(state.log, entry),
  };
  if (!message) return next;
  const snapshot = snapshotOf(message);
  if (snapshot) {
    next.snapshot = snapshot;
    next.validCommands = validCommandsOf(snapshot);
  }
  const error = commandErrorOf(message);
  if (error) next.errors = { ...state.errors, [error.command]: error.reason };
  return next;
}

/** Everything the model says on the application scope, folded into what the panel shows. */
export function useModelMessages(): ModelMessages & {
  noteSent: (name: string) => void;
} {
  const [state, dispatch] = useReducer(reduce, initial);
  useReactorMessage((message: unknown) =>
    dispatch({ kind: "message", message }),
  );
  const noteSent = useCallback(
    (name: string) => dispatch({ kind: "sent", name }),
    [],
  );
  return { ...state, noteSent };
}
