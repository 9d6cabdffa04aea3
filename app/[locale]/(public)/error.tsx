"use client";

import { ErrorView, type ErrorPageProps } from "@/components/site/error-view";

export default function PublicError(props: ErrorPageProps) {
  return <ErrorView {...props} home="site" />;
}
