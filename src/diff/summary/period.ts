import { formatDayOfYear as dayOfYear } from "../../format.js";
import { isSaknas, type Period, periodEnd } from "../../model.js";
import type { SummaryContext } from "./context.js";
import { arrow, MISSING } from "./format.js";
import type { SummaryItem } from "./types.js";

/** "5 månader", "1 månad". */
const months = (n: number) => `${n} ${n === 1 ? "månad" : "månader"}`;

/** "2025-04-01–2025-12-31", "2025-11-01–2026-03-31 (5 månader)". */
const span = (p: Period) =>
  `${p.start}–${periodEnd(p)}${p.månader !== undefined ? ` (${months(p.månader)})` : ""}`;
const latest = (p: Period) =>
  isSaknas(p.förlängning) ? MISSING : (p.förlängning?.längst_till ?? "ingen");
function extension(p: Period): string {
  if (isSaknas(p.förlängning)) return MISSING;
  return p.förlängning ? `ett ${p.förlängning.enhet} i taget` : "ingen förlängning";
}

function notice(p: Period): string {
  const rule = p.uppsägning;
  if (!rule) return "ingen regel";
  if (isSaknas(rule)) return MISSING;
  if ("månader_före_slut" in rule) return `${months(rule.månader_före_slut)} före periodens slut`;
  return `senast den ${dayOfYear(rule.senast)}${
    rule.träder_i_kraft ? `, träder i kraft den ${dayOfYear(rule.träder_i_kraft)}` : ""
  }`;
}

/**
 * "Perioden: 2022-04-01–2023-03-31 → 2025-04-01–2025-12-31; längst till 2025-03-31 → 2027-12-31",
 * naming only the parts that changed; and the notice rule as "Uppsägning: …".
 */
export function periodChanges({ old, new: next }: SummaryContext): SummaryItem[] {
  const a = old.data.period;
  const b = next.data.period;
  const items: SummaryItem[] = [];
  const parts = [
    span(a) !== span(b) ? arrow(span(a), span(b)) : "",
    latest(a) !== latest(b) ? `längst till ${arrow(latest(a), latest(b))}` : "",
    extension(a) !== extension(b) ? `förlängs med ${arrow(extension(a), extension(b))}` : "",
  ].filter(Boolean);
  if (parts.length > 0) {
    items.push({
      kind: "period",
      text: `Perioden: ${parts.join("; ")}`,
      document: "overenskommelse",
      old: { start: a.start, inledande_slut: periodEnd(a), förlängning: a.förlängning ?? null },
      new: { start: b.start, inledande_slut: periodEnd(b), förlängning: b.förlängning ?? null },
    });
  }
  if (notice(a) !== notice(b)) {
    items.push({
      kind: "uppsagning",
      text: `Uppsägning: ${arrow(notice(a), notice(b))}`,
      document: "overenskommelse",
      old: a.uppsägning ?? null,
      new: b.uppsägning ?? null,
    });
  }
  return items;
}
