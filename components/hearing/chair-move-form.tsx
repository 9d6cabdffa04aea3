"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useSyncExternalStore, type ReactNode } from "react";
import { ActionForm } from "@/components/forms/action-form";
import type { FormState } from "@/lib/actions/form-state";
import { consoleAsked, consoleGaveUpAt, consoleRendered, refreshConsoleFor, subscribeConsole } from "./console-refresh";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** The version a successful move answered with; 0 for any other answer. */
function answeredVersion(state: FormState): number {
  const version = state.status === "success" ? Number(state.data?.version) : 0;
  return Number.isInteger(version) && version > 0 ? version : 0;
}

type Props = {
  action: Action;
  label: string;
  className?: string;
  /** The hearing the console shows. */
  hearingId: string;
  /** The state version the console was rendered at. */
  renderedVersion: number;
  children: ReactNode;
};

/**
 * A form of the chair's console whose move answers with the hearing's new state version and
 * nothing else: the answer comes as soon as the move is made, and the console is then
 * rendered afresh (console-refresh.ts). Until it shows that version, or any later one the
 * console learnt of from another form or the live stream, the form is busy and its buttons
 * wait: they and the hidden version still describe the hearing before the move, and a move
 * pressed at once would be refused as made on an older view
 * (docs/decisions/021-chair-moves-name-their-version.md).
 */
export function ChairMoveForm({ action, label, className, hearingId, renderedVersion, children }: Props) {
  const router = useRouter();
  const asked = useSyncExternalStore(
    subscribeConsole,
    () => consoleAsked(hearingId),
    () => 0,
  );
  const gaveUpAt = useSyncExternalStore(
    subscribeConsole,
    () => consoleGaveUpAt(hearingId),
    () => 0,
  );
  useEffect(() => consoleRendered(hearingId, renderedVersion), [hearingId, renderedVersion]);
  const afterSuccess = useCallback(
    (state: FormState) => {
      const version = answeredVersion(state);
      if (version > 0) refreshConsoleFor(router, hearingId, version);
    },
    [router, hearingId],
  );
  // The form's own answer counts at once, before it is passed on (afterSuccess runs after the render).
  const busyAfter = useCallback(
    (state: FormState) => {
      const waitingFor = Math.max(answeredVersion(state), asked);
      return waitingFor > renderedVersion && waitingFor > gaveUpAt;
    },
    [asked, renderedVersion, gaveUpAt],
  );
  return (
    <ActionForm action={action} label={label} className={className} busyAfter={busyAfter} afterSuccess={afterSuccess}>
      {children}
    </ActionForm>
  );
}
