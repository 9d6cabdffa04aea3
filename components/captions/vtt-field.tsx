"use client";

import { useId, useRef } from "react";
import { TextAreaField } from "@/components/forms/fields";

/**
 * A WebVTT file pasted, or read from a file into the same box (nothing is uploaded but its
 * text, which the service checks, docs/decisions/040-captions.md).
 */
export function VttField({ label, fileLabel, description }: { label: string; fileLabel: string; description?: string }) {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  return (
    <div ref={box} className="space-y-2">
      <TextAreaField name="vtt" label={label} description={description} required rows={8} />
      <div>
        <label htmlFor={id} className="font-medium">
          {fileLabel}
        </label>
        <input
          id={id}
          type="file"
          accept=".vtt,text/vtt"
          className="block min-h-11 text-sm"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            const area = box.current?.querySelector("textarea");
            // Over the limit the service says so; reading a huge file only to refuse it is spared.
            if (!file || !area || file.size > 2 * 1024 * 1024) return;
            area.value = await file.text();
          }}
        />
      </div>
    </div>
  );
}
