import type { ErrorDescription } from "@/lib/describe-error";
import { errorNotice } from "@/components/class-names";

/** A failure is never silent: what happened, then what to do about it. */
export function ErrorNotice({ error }: { error: ErrorDescription }) {
  return (
    <div className={errorNotice} role="alert" data-testid="error-notice">
      <p className="font-semibold">{error.title}</p>
      <p>{error.nextStep}</p>
    </div>
  );
}
