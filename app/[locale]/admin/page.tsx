import { areaOverviewPage } from "@/components/areas/area-pages";

export default areaOverviewPage("admin", "enter:admin-area:any");
