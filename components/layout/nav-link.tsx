"use client";

import type { ReactNode } from "react";
import { Link, usePathname } from "@/lib/i18n/navigation";

/**
 * A link of the main navigation, marked as the current page where the visitor is (in the
 * browser: the header is part of every cached page and cannot know it).
 */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  const current = href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link href={href} aria-current={current ? "page" : undefined} className={`main-link ${current ? "border-white font-semibold" : "border-transparent"}`}>
      {children}
    </Link>
  );
}
