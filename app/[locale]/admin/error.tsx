"use client";

import { ErrorView, type ErrorPageProps } from "@/components/site/error-view";

export default function AdminError(props: ErrorPageProps) {
  return <ErrorView {...props} home="admin" />;
}
