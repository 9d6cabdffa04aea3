import { AreaNotFound } from "@/components/site/area-not-found";

export default function EthicsNotFound() {
  return <AreaNotFound home="ethics" />;
}
