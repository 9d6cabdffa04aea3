"use client";

import { useRouter } from "next/navigation";
import { useCallback, type ReactNode } from "react";
import { ActionForm } from "@/components/forms/action-form";
import type { FormState } from "@/lib/actions/form-state";
import { refreshConsoleFor } from "./console-refresh";

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
  /** The state version the console was rendered at. */
  renderedVersion: number;
  children: ReactNode;
};

/**
 * A form of the chair's console whose move answers with the hearing's new state version and
 * nothing else: the answer comes as soon as the move is made, and the console is then
 * rendered afresh (console-refresh.ts). Until it shows that version the form says it is busy:
 * its buttons and hidden version still describe the hearing before the move
 * (docs/decisions/021-chair-moves-name-their-version.md).
 */
export function ChairMoveForm({ action, label, className, renderedVersion, children }: Props) {
  const router = useRouter();
  const afterSuccess = useCallback(
    (state: FormState) => {
      const version = answeredVersion(state);
      if (version > 0) refreshConsoleFor(router, version);
    },
    [router],
  );
  const busyAfter = useCallback((state: FormState) => answeredVersion(state) > renderedVersion, [renderedVersion]);
  return (
    <ActionForm action={action} label={label} className={className} busyAfter={busyAfter} afterSuccess={afterSuccess}>
      {children}
    </ActionForm>
  );
}
