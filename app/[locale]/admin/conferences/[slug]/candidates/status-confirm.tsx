"use client";

import { useState } from "react";
import { ConfirmButton } from "@/components/forms/confirm-button";

type Props = {
  label: string;
  title: string;
  confirmLabel: string;
  /** The consequence of each move the form offers, by status. */
  consequences: Record<string, string>;
  /** Said while no status is chosen (the form then refuses the move). */
  choose: string;
};

/**
 * The status form's confirmation names what the chosen move does: the status is read from the
 * form's select when the dialog opens, so the sentence always matches what will be sent.
 */
export function StatusConfirm({ label, title, confirmLabel, consequences, choose }: Props) {
  const [to, setTo] = useState("");
  return (
    <span
      className="contents"
      onClickCapture={(event) => {
        const select = event.currentTarget.closest("form")?.elements.namedItem("to");
        setTo(select instanceof HTMLSelectElement ? select.value : "");
      }}
    >
      <ConfirmButton label={label} title={title} consequence={consequences[to] ?? choose} confirmLabel={confirmLabel} tone="danger" testId="status-change" />
    </span>
  );
}
