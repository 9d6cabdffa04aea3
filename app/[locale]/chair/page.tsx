import { areaOverviewPage } from "@/components/areas/area-pages";

export default areaOverviewPage("chair", "enter:chair-area:any");
