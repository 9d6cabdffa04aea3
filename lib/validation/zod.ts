import { z } from "zod";

// Every validation message is a message key, never English: the form shows it translated
// ("validation.<key>" in the catalogs; a key with a dot names another namespace). A
// schema may give its own key (`{ error: "adminHearing.chairIsStaff" }`); everything
// else gets one of these, with the limit after a colon ("tooLong:200").
z.config({
  customError(issue) {
    switch (issue.code) {
      case "too_small":
        if (issue.origin === "string") return Number(issue.minimum) <= 1 ? "required" : `tooShort:${issue.minimum}`;
        if (issue.origin === "array" || issue.origin === "set") return Number(issue.minimum) <= 1 ? "chooseOne" : `tooFew:${issue.minimum}`;
        return `tooSmall:${issue.minimum}`;
      case "too_big":
        if (issue.origin === "string") return `tooLong:${issue.maximum}`;
        if (issue.origin === "array" || issue.origin === "set") return `tooMany:${issue.maximum}`;
        return `tooBig:${issue.maximum}`;
      case "invalid_format":
        if (issue.format === "email") return "email";
        if (issue.format === "url") return "url";
        if (issue.format === "date" || issue.format === "datetime") return "date";
        return "invalid";
      case "invalid_value":
        return "choose";
      case "invalid_type":
        if (issue.input === undefined || issue.input === null || issue.input === "") return "required";
        if (issue.expected === "number" || issue.expected === "int") return "number";
        if (issue.expected === "date") return "date";
        return "invalid";
      default:
        return "invalid";
    }
  },
});

export { z };

/** Splits "tooLong:200" into the catalog key and its value. */
export function splitMessageKey(key: string): { key: string; values: Record<string, string> } {
  const [name = "invalid", limit] = key.split(":");
  const full = name.includes(".") ? name : `validation.${name}`;
  return { key: full, values: limit === undefined ? {} : { limit } };
}
