import {
  useEffect,
  useRef,
  type PointerEvent as ReactPointerEvent,
} from "react";
import { createPortal } from "react-dom";
import type { PointerControl } from "@/lib/controls/event-roles";

/** Models that follow a pointer expect about 30 updates a second, not one per mouse event. */
const INTERVAL_MS = 1000 / 30;

interface Props {
  pointer: PointerControl;
  /** The video stage the overlay covers. */
  stage: HTMLElement | null;
  enabled: boolean;
  send: (name: string, data: Record<string, unknown>) => void;
}

const clamp = (n: number) => Math.min(1, Math.max(0, n));

/**
 * A transparent layer over the video: dragging sends normalised x/y with
 * `active: true`, throttled to 30 Hz (the latest position always goes out),
 * and letting go sends `active: false`, which such models require to stop.
 */
export function PointerOverlay({ pointer, stage, enabled, send }: Props) {
  const last = useRef(Number.NEGATIVE_INFINITY);
  const pending = useRef<ReturnType<typeof setTimeout>>(undefined);
  const down = useRef(false);
  const name = pointer.event.name;
  const keys = {
    x: pointer.x.name,
    y: pointer.y.name,
    active: pointer.active.name,
  };

  useEffect(() => () => clearTimeout(pending.current), []);

  if (!stage || !enabled) return null;

  const position = (e: ReactPointerEvent<HTMLDivElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return {
      [keys.x]: clamp((e.clientX - rect.left) / (rect.width || 1)),
      [keys.y]: clamp((e.clientY - rect.top) / (rect.height || 1)),
    };
  };

  const sendActive = (data: Record<string, unknown>) => {
    clearTimeout(pending.current);
    const wait = last.current + INTERVAL_MS - performance.now();
    const go = () => {
      last.current = performance.now();
      send(name, { ...data, [keys.active]: true });
    };
    if (wait <= 0) go();
    else pending.current = setTimeout(go, wait);
  };

  const end = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (!down.current) return;
    down.current = false;
    clearTimeout(pending.current);
    send(name, { ...position(e), [keys.active]: false });
  };

  return createPortal(
    <div
      className="absolute inset-0 z-1 cursor-crosshair touch-none"
      role="application"
      aria-label={`Drag on the video to send ${name}`}
      onPointerDown={(e) => {
        down.current = true;
        e.currentTarget.setPointerCapture?.(e.pointerId);
        sendActive(position(e));
      }}
      onPointerMove={(e) => {
        if (down.current) sendActive(position(e));
      }}
      onPointerUp={end}
      onPointerCancel={end}
      onLostPointerCapture={end}
    />,
    stage,
  );
}
