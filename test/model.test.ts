import { describe, expect, it } from "vitest";
import { periodEnd, shiftMonths } from "../src/model.js";

describe("periods in months", () => {
  it("should end the day before the same day the months later", () => {
    expect(periodEnd({ start: "2025-11-01", månader: 5 })).toBe("2026-03-31");
    expect(periodEnd({ start: "2025-04-15", månader: 1 })).toBe("2025-05-14");
    expect(periodEnd({ start: "2025-11", månader: 5 })).toBe("2026-03");
  });

  it("should end on a shorter month's last day when it has no such day", () => {
    // Not "31 february" (3 march) less a day.
    expect(periodEnd({ start: "2025-08-31", månader: 6 })).toBe("2026-02-28");
    expect(periodEnd({ start: "2025-01-31", månader: 1 })).toBe("2025-02-28");
    expect(periodEnd({ start: "2024-01-30", månader: 1 })).toBe("2024-02-29");
  });

  it("should move a date by months, stopping at a shorter month's last day", () => {
    expect(shiftMonths("2025-12-31", -10)).toBe("2025-02-28");
    expect(shiftMonths("2025-03-15", -1)).toBe("2025-02-15");
    expect(shiftMonths("2025-01-31", 13)).toBe("2026-02-28");
  });
});
