import type { Page } from "@playwright/test";

/** Confirms the open confirmation dialog (components/forms/confirm-button.tsx) by its own button. */
export async function confirmDialog(page: Page): Promise<void> {
  await page.locator('dialog[open] button[name="confirmed"]').click();
}
