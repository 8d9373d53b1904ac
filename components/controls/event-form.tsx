import type { FileRef } from "@reactor-team/js-sdk";
import { useId, useState, type FormEvent } from "react";
import { FieldInput } from "@/components/controls/field-input";
import {
  draftProblem,
  initialDraft,
  parseDraft,
  type Draft,
} from "@/lib/controls/draft";
import { humanise } from "@/lib/controls/next-step";
import type { EventSpec } from "@/lib/model-schema/types";
import { button, problemText } from "@/components/class-names";

interface Props {
  event: EventSpec;
  /** Not connected: everything greyed out. */
  disabled: boolean;
  onSend: (name: string, data: Record<string, unknown>) => void;
  upload: (file: File) => Promise<FileRef>;
  /** The model's latest `command_error` reason for this event. */
  error: string | undefined;
  /** The first-run hint points here. */
  highlighted: boolean;
}

/**
 * One setter event as a form generated from its fields. Send stays disabled
 * until every field is valid: runtimes drop invalid commands from 2.9.0
 * clients without a word, so the reason has to show here.
 */
export function EventForm({
  event,
  disabled,
  onSend,
  upload,
  error,
  highlighted,
}: Props) {
  const id = useId();
  const [drafts, setDrafts] = useState<Draft[]>(() =>
    event.fields.map(initialDraft),
  );
  const [uploading, setUploading] = useState<string>();
  const [uploadError, setUploadError] = useState<string>();
  const problems = event.fields.map((field, i) =>
    draftProblem(field, drafts[i]!),
  );
  const valid = problems.every((p) => p === undefined);

  function change(index: number, draft: Draft) {
    setDrafts((previous) => previous.map((d, i) => (i === index ? draft : d)));
    if (draft.kind === "file") setUploadError(undefined);
  }

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!valid || disabled || uploading) return;
    const data: Record<string, unknown> = {};
    for (const [i, field] of event.fields.entries()) {
      const draft = drafts[i]!;
      if (draft.kind === "file") {
        if (!draft.file) continue;
        setUploading(draft.file.name);
        setUploadError(undefined);
        try {
          // A FileRef at the top level of data: the SDK moves it to `uploads`.
          data[field.name] = await upload(draft.file);
        } catch (err) {
          setUploadError(
            `Could not upload ${draft.file.name}: ${(err as Error).message}. Check the connection and send again, or choose a smaller file.`,
          );
          return;
        } finally {
          setUploading(undefined);
        }
        continue;
      }
      const parsed = parseDraft(field, draft);
      if (parsed.value !== undefined) data[field.name] = parsed.value;
    }
    onSend(event.name, data);
  }

  return (
    <form
      className="grid content-start gap-2 rounded-lg border border-line p-3 data-next-step:border-accent"
      data-next-step={highlighted || undefined}
      onSubmit={(e) => void submit(e)}
      aria-labelledby={`${id}-name`}
      aria-busy={uploading !== undefined}
    >
      <p className="grid" id={`${id}-name`}>
        {humanise(event.name)} <code>{event.name}</code>
      </p>
      {(event.description ?? event.label) && (
        <p className="my-[1em] text-label text-muted">
          {event.description ?? event.label}
        </p>
      )}
      {event.fields.map((field, i) => (
        <FieldInput
          key={field.name}
          id={`${id}-${field.name}`}
          field={field}
          draft={drafts[i]!}
          onChange={(draft) => change(i, draft)}
          problem={problems[i]}
          disabled={disabled || uploading !== undefined}
        />
      ))}
      {uploading && (
        <p className="text-note text-warn" aria-live="polite">
          Uploading {uploading}…
        </p>
      )}
      {uploadError && (
        <p className={`my-[1em] ${problemText}`} role="alert">
          {uploadError}
        </p>
      )}
      {error && (
        <p className={`my-[1em] ${problemText}`} role="alert">
          {event.name}: {error}
        </p>
      )}
      <button
        type="submit"
        className={button}
        disabled={disabled || !valid || uploading !== undefined}
      >
        Send <span className="sr-only">{event.name}</span>
      </button>
    </form>
  );
}
