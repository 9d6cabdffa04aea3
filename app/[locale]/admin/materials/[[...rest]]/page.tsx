import { legacyRedirect } from "../../legacy-redirect";

export default legacyRedirect("materials");
