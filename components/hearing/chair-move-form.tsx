"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState, type ReactNode } from "react";
import { ActionForm } from "@/components/forms/action-form";
import type { FormState } from "@/lib/actions/form-state";
import { refreshConsoleFor } from "./console-refresh";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** While the console does not show a move's version yet, it is rendered afresh this often, this many times. */
const REFRESH_EVERY_MS = 1_000;
const REFRESH_TRIES = 5;

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
 * rendered afresh (console-refresh.ts). Until it shows that version the form is busy and its
 * buttons wait: they and the hidden version still describe the hearing before the move, and a
 * second move pressed at once would be refused as made on an older view
 * (docs/decisions/021-chair-moves-name-their-version.md).
 */
export function ChairMoveForm({ action, label, className, renderedVersion, children }: Props) {
  const router = useRouter();
  const [answered, setAnswered] = useState(0);
  const [gaveUpAt, setGaveUpAt] = useState(0);
  const afterSuccess = useCallback(
    (state: FormState) => {
      const version = answeredVersion(state);
      if (version <= 0) return;
      setAnswered(version);
      refreshConsoleFor(router, version);
    },
    [router],
  );
  // A console rendered afresh before the move's change reached what it reads shows the hearing
  // as it was: it is asked again each second. After a few tries the buttons are given back
  // anyway, so that nobody stays stuck: a move on an older view is refused and says so.
  useEffect(() => {
    if (answered <= renderedVersion || gaveUpAt >= answered) return;
    let tries = 0;
    const timer = setInterval(() => {
      tries += 1;
      if (tries > REFRESH_TRIES) {
        clearInterval(timer);
        setGaveUpAt(answered);
      } else router.refresh();
    }, REFRESH_EVERY_MS);
    return () => clearInterval(timer);
  }, [answered, renderedVersion, gaveUpAt, router]);
  const busyAfter = useCallback(
    (state: FormState) => {
      const version = answeredVersion(state);
      return version > renderedVersion && version > gaveUpAt;
    },
    [renderedVersion, gaveUpAt],
  );
  return (
    <ActionForm action={action} label={label} className={className} busyAfter={busyAfter} afterSuccess={afterSuccess}>
      {children}
    </ActionForm>
  );
}
