import { formControl, helpText, problemText } from "@/components/class-names";
import type { ControlProps } from "@/components/controls/widgets/widget-props";
import type { ReactNode } from "react";

interface Props {
  /** The id of the control inside; the label points at it. */
  id: string;
  label: string;
  required?: boolean;
  help?: string;
  /** Why the value cannot be sent; shown under the control. */
  problem?: string;
  /** Label and control on one line (checkboxes). */
  inline?: boolean;
  children: ReactNode;
}

/** The ids a frame gives its help and problem texts. */
const helpId = (id: string) => `${id}-help`;
const problemId = (id: string) => `${id}-problem`;

/** The attributes a framed control takes (spread them onto it). */
export function controlProps(
  id: string,
  {
    help,
    problem,
    disabled = false,
  }: Pick<Props, "help" | "problem"> & {
    disabled?: boolean;
  },
): ControlProps {
  const describedBy = [help && helpId(id), problem && problemId(id)]
    .filter(Boolean)
    .join(" ");
  return {
    id,
    "aria-invalid": problem !== undefined,
    "aria-describedby": describedBy || undefined,
    disabled,
    className: formControl,
  };
}

/** A form field: its label (required ones marked), the control, help and problem. */
export function FieldFrame(props: Props) {
  const { id, label, required, inline, children } = props;
  return (
    <div
      className={`grid gap-1 text-label ${inline ? "grid-cols-[auto_1fr] items-center" : ""}`}
    >
      <label htmlFor={id}>
        {label}
        {required && (
          <span className="text-warn" title="required">
            {" "}
            *<span className="sr-only"> (required)</span>
          </span>
        )}
      </label>
      {children}
      {props.help && (
        <small id={helpId(id)} className={helpText}>
          {props.help}
        </small>
      )}
      {props.problem && (
        <small id={problemId(id)} className={problemText}>
          {props.problem}
        </small>
      )}
    </div>
  );
}
