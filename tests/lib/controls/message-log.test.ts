import { describe, expect, it } from "vitest";
import {
  appendEntry,
  LOG_LIMIT,
  logTypes,
  type LogEntry,
} from "@/lib/controls/message-log";

const entry = (id: number, type?: string): LogEntry => ({
  id,
  type,
  body: {},
  at: 0,
});

describe("appendEntry", () => {
  it("keeps the newest first and at most the limit", () => {
    let log: LogEntry[] = [];
    for (let i = 0; i < LOG_LIMIT + 50; i++) log = appendEntry(log, entry(i));
    expect(log).toHaveLength(LOG_LIMIT);
    expect(log[0]!.id).toBe(LOG_LIMIT + 49);
    expect(log.at(-1)!.id).toBe(50);
  });
});

describe("logTypes", () => {
  it("lists each type once in first-seen order", () => {
    const log = [entry(2, "state"), entry(1), entry(0, "state")];
    expect(logTypes(log)).toEqual(["state", "(no type)"]);
  });
});
