import { areaOverviewPage } from "@/components/areas/area-pages";

export default areaOverviewPage("ethics", "enter:ethics-area:any");
