import { AreaNotFound } from "@/components/site/area-not-found";

export default function AdminNotFound() {
  return <AreaNotFound home="admin" />;
}
