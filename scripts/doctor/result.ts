/** One line of the doctor's report. */
export interface CheckResult {
  /** Stable id for `--json` consumers, e.g. `mint`. */
  id: string;
  title: string;
  /**
   * pass ✓, fail ✗, warn ! (worth fixing, does not fail the run), info ·
   * (facts, e.g. token claims), skip – (a check it depends on failed).
   */
  status: "pass" | "fail" | "warn" | "info" | "skip";
  /** A failed required check makes the exit code 1. */
  required: boolean;
  detail: string;
  /** What to do about it; set on fail and warn. */
  next?: string;
  /** Machine-readable extras for `--json` (never a secret). */
  data?: Record<string, unknown>;
}

type Fields = Omit<CheckResult, "id" | "title" | "status" | "required">;

export const check = (id: string, title: string, required: boolean) => ({
  pass: (fields: Fields): CheckResult => ({
    id,
    title,
    required,
    status: "pass",
    ...fields,
  }),
  fail: (fields: Fields): CheckResult => ({
    id,
    title,
    required,
    status: "fail",
    ...fields,
  }),
  warn: (fields: Fields): CheckResult => ({
    id,
    title,
    required,
    status: "warn",
    ...fields,
  }),
  info: (fields: Fields): CheckResult => ({
    id,
    title,
    required,
    status: "info",
    ...fields,
  }),
  skip: (detail: string): CheckResult => ({
    id,
    title,
    required,
    status: "skip",
    detail,
  }),
});

export const failed = (results: CheckResult[]) =>
  results.filter((result) => result.required && result.status === "fail");
