"use client";

import { ErrorView, type ErrorPageProps } from "@/components/site/error-view";

export default function EthicsError(props: ErrorPageProps) {
  return <ErrorView {...props} home="ethics" />;
}
