import type { ErrorDescription } from "@/lib/describe-error";

/** A failure is never silent: what happened, then what to do about it. */
export function ErrorNotice({ error }: { error: ErrorDescription }) {
  return (
    <div className="error-notice" role="alert">
      <p className="error-title">{error.title}</p>
      <p className="error-next">{error.nextStep}</p>
    </div>
  );
}
