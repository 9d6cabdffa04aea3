import NextLink from "next/link";
import type { ComponentProps } from "react";
import { getLocale } from "next-intl/server";
import { getPathname } from "@/lib/i18n/navigation";

type Props = Omit<ComponentProps<typeof NextLink>, "href" | "locale"> & {
  /** The address after the locale ("/posts"), as next-intl's Link takes it. */
  href: string;
};

/**
 * A server component's link to a page in the reader's language: next-intl's Link without its
 * client wrapper's props. For a link that keeps the language, that wrapper renders next/link
 * and nothing else, but each link carried `ref`, `locale` and `localeCookie` in the flight
 * payload; a page's twenty links carried 1.7 KB (docs/decisions/036-page-weight.md).
 */
export async function LocalLink({ href, ...rest }: Props) {
  const locale = await getLocale();
  return <NextLink href={getPathname({ href, locale })} {...rest} />;
}
