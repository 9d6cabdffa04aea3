import { text } from "@/lib/validation/fields";
import { z } from "@/lib/validation/zod";

// Limits shared by the cost form and the services (docs/conventions.md#schemas-and-limits).
export const COST_LIMITS = { description: 200, maxMinor: 100_000_000_000n } as const;

/** Up to two decimals, so that every amount is a whole number of cents. */
const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;

export function amountToMinor(amount: string): bigint {
  const [units = "0", cents = ""] = amount.split(".");
  return BigInt(units) * 100n + BigInt(cents.padEnd(2, "0"));
}

export const addCostItemSchema = z.object({
  category: z.enum(["INTERPRETATION", "ROOM", "OTHER"]),
  description: text(COST_LIMITS.description),
  amount: z
    .string()
    .trim()
    .min(1)
    .regex(AMOUNT, { error: "adminCosts.amountInvalid" })
    .transform(amountToMinor)
    .refine((minor) => minor > 0n, { error: "adminCosts.amountPositive" })
    .refine((minor) => minor <= COST_LIMITS.maxMinor, { error: "adminCosts.amountInvalid" }),
  // ISO 4217: three capital letters.
  currency: z
    .string()
    .trim()
    .transform((v) => v.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{3}$/, { error: "adminCosts.currencyInvalid" })),
});

export type AddCostItemInput = z.input<typeof addCostItemSchema>;

export const removeCostItemSchema = z.object({ id: z.string().trim().min(1) });
