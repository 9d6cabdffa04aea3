"use client";

import { signOut } from "next-auth/react";

export function SignOutButton({ label, callbackUrl }: { label: string; callbackUrl: string }) {
  return (
    <button type="button" onClick={() => void signOut({ callbackUrl })} className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
      {label}
    </button>
  );
}
