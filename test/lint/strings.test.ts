import { describe, expect, it } from "vitest";
import { textValues } from "../../src/lint/strings.js";
import { SchemaErrors } from "../../src/validate/schema-errors.js";
import { AGREEMENT, BILAGA } from "../helpers/fixture.js";
import { forRules } from "../helpers/mutate.js";

describe("textValues", () => {
  it("should walk an agreement once per schema check, and again for another", () => {
    const { agreement, schema } = forRules(AGREEMENT, BILAGA);
    const paths = (s: SchemaErrors) => textValues(agreement, s).map((v) => v.path.join("/"));
    const values = textValues(agreement, schema);
    expect(values.map((v) => v.path.join("/"))).toContain("syfte");
    expect(textValues(agreement, schema)).toBe(values);
    // Another schema check of the same agreement, which found syfte of the wrong form.
    const other = new SchemaErrors();
    other.add(agreement.file, ["syfte"]);
    expect(paths(other)).toEqual(paths(schema).filter((p) => p !== "syfte"));
    expect(textValues(agreement, schema)).not.toBe(values);
  });
});
