import { text } from "@/lib/validation/fields";
import { z } from "@/lib/validation/zod";
import { currencyDigits, decimalToMinor, isCostCurrency } from "./currencies";

// Limits shared by the cost form and the services (docs/conventions.md#schemas-and-limits).
export const COST_LIMITS = { description: 200, maxMinor: 100_000_000_000n } as const;

/** Figures, then at most four decimals (the most any ISO 4217 currency has): the currency then says how many it allows. */
const AMOUNT = /^\d{1,12}(\.\d{1,4})?$/;

export const addCostItemSchema = z
  .object({
    category: z.enum(["INTERPRETATION", "ROOM", "OTHER"]),
    description: text(COST_LIMITS.description),
    amount: z.string().trim().min(1).regex(AMOUNT, { error: "adminCosts.amountInvalid" }),
    // ISO 4217, from the standard's list with its minor units (./currencies.ts): "XYZ" is refused.
    currency: z
      .string()
      .trim()
      .min(1)
      .transform((v) => v.toUpperCase())
      .pipe(z.string().refine(isCostCurrency, { error: "adminCosts.currencyInvalid" })),
  })
  .transform((data, ctx) => {
    // The amount is read in the currency's minor units: JPY has none, CHF two, BHD three.
    const digits = currencyDigits(data.currency) ?? 2;
    const minor = decimalToMinor(data.amount, digits);
    const refuse = (message: string) => {
      ctx.issues.push({ code: "custom", path: ["amount"], message, input: data.amount });
      return z.NEVER;
    };
    if (minor === null) return refuse(`adminCosts.amountDecimals:${digits}`);
    if (minor <= 0n) return refuse("adminCosts.amountPositive");
    if (minor > COST_LIMITS.maxMinor) return refuse("adminCosts.amountInvalid");
    return { category: data.category, description: data.description, amount: minor, currency: data.currency };
  });

export type AddCostItemInput = z.input<typeof addCostItemSchema>;

export const removeCostItemSchema = z.object({ id: z.string().trim().min(1) });
