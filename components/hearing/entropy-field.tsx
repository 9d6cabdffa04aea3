import { TextField } from "@/components/forms/fields";
import { ENTROPY_LIMITS } from "@/lib/hearings/schema";

/**
 * The public entropy typed at a draw: the digits of the dice rolled in the room, read aloud and
 * shown on the webcast (docs/domain.md#hearing-draw). The running-order draw and the
 * questions' draw take it the same way, checked by `entropyField` (lib/hearings/schema.ts); each
 * caller gives the label and help in its own namespace.
 */
export function EntropyField({ label, description }: { label: string; description: string }) {
  return (
    <TextField
      name="entropy"
      label={label}
      description={description}
      required
      inputMode="numeric"
      autoComplete="off"
      maxLength={ENTROPY_LIMITS.inputMax}
      dir="ltr"
    />
  );
}
