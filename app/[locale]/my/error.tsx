"use client";

import { ErrorView, type ErrorPageProps } from "@/components/site/error-view";

export default function MyError(props: ErrorPageProps) {
  return <ErrorView {...props} home="my" />;
}
