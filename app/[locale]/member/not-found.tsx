import { AreaNotFound } from "@/components/site/area-not-found";

export default function MemberNotFound() {
  return <AreaNotFound home="member" />;
}
