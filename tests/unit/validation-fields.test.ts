import { describe, expect, it } from "vitest";
import { checkbox, integer } from "@/lib/validation/fields";
import { z } from "@/lib/validation/zod";

describe("form field schemas", () => {
  it("reads an absent checkbox as false and a ticked one as true", () => {
    const schema = z.object({ flag: checkbox });
    expect(schema.parse({})).toEqual({ flag: false });
    expect(schema.parse({ flag: "on" })).toEqual({ flag: true });
  });

  it("names the range when a number is out of it, and 'number' only when it is not a number", () => {
    const schema = integer(5, 60);
    expect(schema.safeParse("abc").error?.issues[0]?.message).toBe("number");
    expect(schema.safeParse("3").error?.issues[0]?.message).toBe("tooSmall:5");
    expect(schema.safeParse("61").error?.issues[0]?.message).toBe("tooBig:60");
    expect(schema.safeParse("7.5").error?.issues[0]?.message).toBe("integer");
    expect(schema.parse("15")).toBe(15);
  });
});
