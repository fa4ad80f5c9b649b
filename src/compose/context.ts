/**
 * The root context every template sees (`@root`): the Markdown views of the agreement and the
 * bilaga (every plain string already escaped, see view.ts) and the values derived from them:
 * parties by sector, the bilagor list, the signers of this document, the noun the document is
 * called by. Nothing here is wording: the templates word it.
 */
import {
  type Agreement,
  agreementTitle,
  type BilagaDocument,
  bilagaSigners,
  known,
  mainParty,
  partById,
  periodEnd,
  signatoryOf,
  signingParties,
  untitledSigners,
} from "../model.js";
import type {
  Avsnitt,
  Bilaga,
  Overenskommelse,
  Parametrar,
  Part,
  Period,
  Saknas,
} from "../schemas/types.generated.js";
import { agreementView, bilagaView } from "./view.js";

/** How the agreement is referred to in derived text. */
export interface Benamning {
  /** "överenskommelsen", "avtalet", "samverkansavtalet". */
  bestämd: string;
  /** "denna överenskommelse", "detta avtal", "detta samverkansavtal". */
  denna: string;
}

export const BENAMNINGAR: Record<NonNullable<Overenskommelse["benämning"]>, Benamning> = {
  överenskommelsen: { bestämd: "överenskommelsen", denna: "denna överenskommelse" },
  avtalet: { bestämd: "avtalet", denna: "detta avtal" },
  samverkansavtalet: { bestämd: "samverkansavtalet", denna: "detta samverkansavtal" },
};

export interface SignerView {
  /** Party id. */
  part: string;
  namn?: string;
  titel?: string;
  ort?: string;
  år?: number;
}

export interface SectionView extends Omit<Avsnitt, "avsnitt" | "parametrar"> {
  parametrar: Parametrar;
  avsnitt: SectionView[];
  /**
   * 1 for a top-level section, 2 for its subsections … (the subsections of a section with
   * `utan_rubrik` have its level: it has no heading to be under).
   */
  nivå: number;
  /** YAML path of the section in its file, for diagnostics. */
  sökväg: (string | number)[];
}

export interface ComposeRoot {
  dokument: {
    typ: "overenskommelse" | "bilaga";
    titel: string;
    undertitel?: string;
    avsnitt: SectionView[];
  };
  överenskommelse: Overenskommelse;
  /** The bilaga's data (bilaga documents only). */
  bilaga?: Bilaga;
  /** The party a bilaga concerns (bilaga documents only). */
  bilagepart?: Part;
  /** The agreement's noun; sections use `@benämning`, which `parametrar.benämning` can override. */
  benämning: Benamning;
  /** The first public party: the one that pays and decides. */
  huvudpart: Part;
  offentliga: Part[];
  idéburna: Part[];
  /**
   * How the idéburna parties are named together in running text: the agreement's
   * `samlingsnamn`, else the one party's name, else "de idéburna parterna".
   */
  samlingsnamn: string;
  /** Who pays for the public side: the main party's `förvaltning`, else the party itself. */
  utbetalare: string;
  /**
   * The period with `slut`, its last day (or month, or year): `inledande_slut` or derived from
   * `månader`; `heldatum`: both ends are full dates; `förlängs`: an extension rule is given (not
   * marked missing).
   */
  period: Period & { slut: string; heldatum: boolean; förlängs: boolean };
  /**
   * The agreement's bilagor; `partid` is looked up with the `part` helper (which checks it),
   * `titel` is the bilaga's own title when it has one.
   */
  bilagor: { nummer: number; partid: string; titel?: string; diarienummer: string | Saknas }[];
  /** Who signs this document, in order. */
  undertecknare: SignerView[];
  signering: Overenskommelse["signering"];
}

function sections(list: Avsnitt[], level: number, path: (string | number)[]): SectionView[] {
  return list.map((s, i) => {
    const sökväg = [...path, i];
    return {
      ...s,
      parametrar: s.parametrar ?? {},
      // A headingless section is only its content: its subsections stand at its own level.
      avsnitt: sections(s.avsnitt ?? [], s.utan_rubrik ? level : level + 1, [...sökväg, "avsnitt"]),
      nivå: level,
      sökväg,
    };
  });
}

const usesClause = (list: readonly Avsnitt[], clause: string): boolean =>
  list.some((s) => s.klausul === clause || usesClause(s.avsnitt ?? [], clause));

/**
 * A bilaga's sections with its change history: a bilaga whose `ändringslogg` has entries prints
 * them even when no section lists the `andringslogg` clause, in a section of its own before the
 * signatures (or last). A bilaga without entries is left as it is, so a reproduced document keeps
 * its words until it is amended.
 */
function withChangeHistory(bilaga: Bilaga, list: SectionView[]): SectionView[] {
  if (!bilaga.ändringslogg?.length || usesClause(bilaga.avsnitt, "andringslogg")) return list;
  const history: SectionView = {
    id: "andringshistorik",
    klausul: "andringslogg",
    parametrar: {},
    avsnitt: [],
    nivå: 1,
    sökväg: ["ändringslogg"],
  };
  const signing = list.findIndex((s) => s.klausul === "signering");
  const at = signing === -1 ? list.length : signing;
  return [...list.slice(0, at), history, ...list.slice(at)];
}

/** Title and subtitle of a bilaga: its own, else "Bilaga N, <party>" under the agreement's title. */
export function bilagaTitle(
  data: Overenskommelse,
  bilaga: Bilaga,
): { title: string; subtitle: string } {
  const party = partById(data, bilaga.part);
  return {
    title: bilaga.titel ?? `Bilaga ${bilaga.nummer}, ${party?.namn ?? bilaga.part}`,
    subtitle: bilaga.undertitel ?? agreementTitle(data),
  };
}

const signer = (agreement: Overenskommelse, part: Part, untitled = false): SignerView => {
  const u = signatoryOf(part);
  const namn = known(u?.namn);
  const titel = untitled ? undefined : known(u?.titel);
  const ort = u?.ort ?? agreement.signering.ort;
  const år = agreement.signering.år;
  return {
    part: part.id,
    ...(namn ? { namn } : {}),
    ...(titel ? { titel } : {}),
    ...(ort ? { ort } : {}),
    ...(år !== undefined ? { år } : {}),
  };
};

/** The agreement's and each bilaga's data as the templates see it (escaped for Markdown). */
export interface AgreementViews {
  agreement: Overenskommelse;
  bilagor: Map<BilagaDocument, Bilaga>;
}

/** The views of an agreement, made once for all its documents. */
export const agreementViews = (agreement: Agreement): AgreementViews => ({
  agreement: agreementView(agreement.data),
  bilagor: new Map(agreement.bilagor.map((b) => [b, bilagaView(b.data)])),
});

/** The root context for the agreement document (`bilaga` undefined) or one bilaga. */
export function composeRoot(
  agreement: Agreement,
  bilaga: BilagaDocument | undefined,
  views: AgreementViews,
): ComposeRoot {
  const view = views.agreement;
  const offentliga = view.parter.filter((p) => p.sektor === "offentlig");
  const bview = bilaga && (views.bilagor.get(bilaga) as Bilaga);
  const titles = bview
    ? bilagaTitle(view, bview)
    : { title: agreementTitle(view), subtitle: view.undertitel };
  const signers = bview ? bilagaSigners(view, bview) : signingParties(view);
  const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);
  const bilagepart = bview && partById(view, bview.part);
  const idéburna = view.parter.filter((p) => p.sektor === "idéburen");
  const huvudpart = mainParty(view) as Part;
  const slut = periodEnd(view.period);
  return {
    dokument: {
      typ: bview ? "bilaga" : "overenskommelse",
      titel: titles.title,
      ...(titles.subtitle ? { undertitel: titles.subtitle } : {}),
      avsnitt: bview
        ? withChangeHistory(bview, sections(bview.avsnitt, 1, ["avsnitt"]))
        : sections(view.avsnitt, 1, ["avsnitt"]),
    },
    överenskommelse: view,
    ...(bview ? { bilaga: bview } : {}),
    ...(bilagepart ? { bilagepart } : {}),
    benämning: BENAMNINGAR[view.benämning ?? "överenskommelsen"],
    // A schema-valid agreement has parties; a missing public party is caught by the clauses.
    huvudpart,
    offentliga,
    idéburna,
    samlingsnamn:
      view.samlingsnamn ??
      (idéburna.length === 1 ? (idéburna[0] as Part).namn : "de idéburna parterna"),
    utbetalare: huvudpart?.förvaltning ?? huvudpart?.namn ?? "",
    period: {
      ...view.period,
      slut,
      heldatum: isDate(view.period.start) && isDate(slut),
      förlängs: known(view.period.förlängning) !== undefined,
    },
    bilagor: agreement.bilagor.map((b) => {
      const v = views.bilagor.get(b) as Bilaga;
      return {
        nummer: v.nummer,
        partid: v.part,
        ...(v.titel ? { titel: v.titel } : {}),
        diarienummer: v.diarienummer ?? view.diarienummer,
      };
    }),
    undertecknare: signers.map((p) =>
      signer(view, p, bview !== undefined && untitledSigners(bview).has(p.id)),
    ),
    signering: view.signering,
  };
}
