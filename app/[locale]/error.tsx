"use client";

import { ErrorView, type ErrorPageProps } from "@/components/site/error-view";

export default function LocaleError(props: ErrorPageProps) {
  return <ErrorView {...props} home="site" />;
}
