"use client";

import { ErrorView, type ErrorPageProps } from "@/components/site/error-view";

export default function MemberError(props: ErrorPageProps) {
  return <ErrorView {...props} home="member" />;
}
