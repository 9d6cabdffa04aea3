import { seedDemo } from "../../prisma/seed";

// The app needs its conference to render at all; the demo is that conference. Tests that
// change or depend on particular records make their own (tests/support/factories.ts).
export default async function globalSetup() {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set (scripts/test.ts sets it)");
  await seedDemo(url);
}
