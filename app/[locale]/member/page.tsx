import { areaOverviewPage } from "@/components/areas/area-pages";

export default areaOverviewPage("member", "enter:member-area:any");
