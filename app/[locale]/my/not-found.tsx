import { AreaNotFound } from "@/components/site/area-not-found";

export default function MyNotFound() {
  return <AreaNotFound home="my" />;
}
