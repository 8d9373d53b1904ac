import type { Secrets } from "./redact";
import type { CheckResult } from "./result";

export interface Report {
  ok: boolean;
  mode: "key" | "emulator";
  checks: CheckResult[];
}

const MARK: Record<CheckResult["status"], string> = {
  pass: "✓",
  fail: "✗",
  warn: "!",
  info: "·",
  skip: "–",
};

const COLOUR: Record<CheckResult["status"], number> = {
  pass: 32,
  fail: 31,
  warn: 33,
  info: 36,
  skip: 90,
};

/** One check as text lines; colour only for a terminal. */
export function renderCheck(result: CheckResult, colour: boolean): string {
  const paint = (code: number, text: string) =>
    colour ? `\u001b[${code}m${text}\u001b[0m` : text;
  const [first = "", ...rest] = result.detail.split("\n");
  const lines = [
    `${paint(COLOUR[result.status], MARK[result.status])} ${result.title}: ${first}`,
    ...rest.map((line) => `    ${line}`),
  ];
  if (result.next && (result.status === "fail" || result.status === "warn")) {
    lines.push(`    → ${result.next}`);
  }
  return lines.join("\n");
}

export function renderSummary(report: Report, colour: boolean): string {
  const failures = report.checks.filter(
    (c) => c.required && c.status === "fail",
  );
  const text = report.ok
    ? "All required checks passed."
    : `${failures.length} required check${failures.length === 1 ? "" : "s"} failed: ${failures.map((c) => c.title).join(", ")}.`;
  return colour ? `\u001b[1m${text}\u001b[0m` : text;
}

export function renderJson(report: Report): string {
  return JSON.stringify(report, null, 2);
}

/** Every byte the doctor prints goes through here. */
export function printer(secrets: Secrets, write: (text: string) => void) {
  return (text: string) => write(`${secrets.redact(text)}\n`);
}
