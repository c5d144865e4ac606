import { resolveActor } from "../model/actors.js";
import type { OperativeParagraph, Resolution } from "../model/types.js";

/**
 * The mandate-holders whose mandate a resolution establishes, renews or extends: "Decides to
 * renew the mandate of the United Nations Disengagement Observer Force for another period of six
 * months", "Decides to extend until 31 July 2022 the mandate of the United Nations Support Mission
 * in Libya", "Decides to extend, for a period of three years, the mandate of the Special
 * Rapporteur on ...", "Decides to extend until 15 May 2026 the mandate of the Panel of Experts as
 * set out in paragraph 24 of resolution 1973 (2011)", "Decides to renew the measures imposed by
 * resolution 1970 (2011)". A chain of such decisions about one holder is a series (series-groups.ts)
 * whether or not the resolutions have titles.
 *
 * The seam: `mandateHolders` reads the operative text itself, naming the holder through the
 * gazetteer (`resolveActor`), the body a short form stands for ("the Force": the last Force the
 * resolution named before), the abbreviations it defines ("(UNDOF)"), and the resolutions the
 * decision cites. When the mandate extractor records mandate decisions (the body whose mandate
 * it is as actor, the verb `decides` with the kind of decision), this function should read those
 * records instead; its callers need only the `MandateHolder` values it returns.
 */

export interface MandateHolder {
  /** The holder as the resolution names it, resolved: "United Nations Disengagement Observer Force", "Panel of Experts". */
  name: string;
  /** Other names the resolution gives it: its abbreviation ("UNDOF"), or the full name of an abbreviation. */
  aliases: string[];
  /**
   * False for a description that many bodies share ("the Panel of Experts", "the Mission", "the
   * measures"): such a holder is told apart by the resolutions its decision cites.
   */
  specific: boolean;
  /**
   * Resolutions the decision cites for the holder, in the order written: the first is the one
   * that sets out or established its mandate ("as set out in paragraph 21 of resolution 2182
   * (2013)", "established by resolution 1904 (2009)").
   */
  resolutions: string[];
}

/**
 * The verb of a renewal, with what may come between it and the mandate: a time ("until 31 July
 * 2022"), an aside (", for a period of three years,"), a place ("the stationing in Cyprus of").
 * Group 1: the place; group 2: a holder named by what it is ("the measures imposed by ...").
 */
const RENEWAL = new RegExp(
  String.raw`(?:(?:\bto|[;:]|\b\d{1,2}[.,])\s+|^)(?:further\s+)?(?:renew|extend|prolong|renews|extends|prolongs)\b(?:\s+(?:once\s+more|again|further))?` +
    String.raw`(?:\s*,[^,;]{1,80},|\s+until\s+[^,;]{1,40}?|\s+for\s+(?:a|an|another)\s+[^,;]{1,40}?)?` +
    String.raw`\s+(?:the\s+|its\s+)?(?:present\s+|current\s+|existing\s+)?` +
    String.raw`(?:(?:mandates?|stationing)(?:\s+(in\s+[A-Z][\w-]+))?\s+of\s+|(measures|authorizations?)\s+(?=imposed|set\s+out|specified|contained|established|decided|referred))`,
  "gi",
);
/**
 * An establishment: "Decides to set up immediately under its authority a United Nations
 * Disengagement Observer Force", "to appoint, for a period of one year, a Special Rapporteur on
 * ...", "to establish a political mission in Colombia, the United Nations Verification Mission in
 * Colombia".
 */
const ESTABLISHMENT = new RegExp(
  String.raw`(?:(?:\bto|[;:])\s+|^)(?:establish|set\s+up|create|appoint)(?:\s+immediately)?(?:\s+under\s+its\s+authority)?` +
    String.raw`(?:\s*,[^,;]{1,80},|\s+for\s+a\s+period\s+of\s+[^,;]{1,30}?)?\s+(?:an?\s+[^,;()]{1,60},\s+the\s+|an?\s+|the\s+)(?:mandate\s+of\s+(?:an?|the)\s+)?(?=[A-Z])`,
  "g",
);
/**
 * Words before a renewal or establishment, in its clause, that make it an intention, a
 * possibility or someone else's act ("Calls upon the Government to establish the Hybrid Court").
 */
const NOT_DECIDED =
  /\b(?:intention|intends?|ready|readiness|willingness|prepared|consider|possible|possibility|view|calls?|urges?|requests?|invites?|encourages?|appeals?|supports?|assists?|help|efforts?)\b[^;:]{0,80}$/i;

/** Where any name ends: a time, a clause, the text that sets out its mandate. */
const STRONG_END =
  String.raw`\s+(?:for\s+(?:a|an|another|further|additional|the\s+(?:period|purpose)|period|one|two|three|four|five|six|nine|twelve|eighteen)\b|(?:for|to)\s+\d|until\b|` +
  String.raw`as\s+(?:set|contained|defined|specified|laid|described|established|provided|outlined|mandated|requested|referred|decided|previously|originally|per|from|of|in)\b|` +
  String.raw`(?:established|appointed|created|originally|pursuant|subject|in\s+accordance|in\s+order|to\s+(?:henceforth|be|include))\b)|\s*[;:(.\n]`;
/** Words after a comma that end a name ("UNAMA, as defined in ..."); other words continue a title ("on racism, racial discrimination, ..."). */
const AFTER_COMMA = "the|as|and|for|until|in|which|who|established|including|with|to|under|through|pursuant|subject|originally|hereafter|hereinafter|on|by|composed|consisting|whose";
const COMMA_END = String.raw`\s*,\s*(?:[A-Z\d]|(?:${AFTER_COMMA})\b)`;
/**
 * A title's complement runs on in lower case ("on the rights of persons with disabilities"): only
 * these end it, and "to" followed by a verb ("... on the right to food to continue"), never the
 * "to" of a right ("right to food").
 */
const TITLE_END = new RegExp(String.raw`${STRONG_END}|${COMMA_END}|(?<!\brights?)\s+to\s+(?=[a-z])|\n`);
/** Other names also end at a relative or participial clause ("the Committee consisting of ...", "MONUSCO in the DRC, including ..."). */
const NAME_END = new RegExp(
  String.raw`\s+(?:as|set|including|which|who|whose|with|under|that|through|ending|terminating|expiring|beginning|starting|from|contained|specified|defined|` +
    String.raw`described|referred|consisting|composed|within|without|on\s+the\s+basis|at\s+the|and\s+(?:its|to|requests|decides|the\s+authorization))\b|${STRONG_END}|${COMMA_END}`,
);
const ABBREVIATION = /^[A-Z][A-Z0-9]{2,}(?:[ -](?:I|II|III|IV|V))?\b/;
const DEFINED_ABBREVIATION = /\(([A-Z][A-Z0-9]{2,}(?:[ -](?:I|II|III|IV|V))?)\)/g;
/** Offices named with a complement in lower case ("Special Rapporteur on the right to food", "Working Group on Arbitrary Detention"). */
const TITLE = /^(?:(?:Special|Independent|Personal)\s+(?:Rapporteur|Expert|Envoy|Representative|Adviser)|(?:[A-Z][\w-]*\s+)*(?:Working\s+Group|Commission|Mechanism|Group|Panel|Expert))\s+(?:on|for|of)\s/;
/** Heads of the short forms a resolution uses for a body it named before ("the Force", "the Special Rapporteur"). */
const SHORT_FORM_HEAD =
  /^(?:[A-Z][\w-]*\s+)*?(Special Rapporteur|Independent Expert|Working Group|Commission of Inquiry|Force|Mission|Operation|Panel|Group|Committee|Commission|Office|Mechanism|Team)\b/;
/** Short forms of offices named with a lower-case complement. */
const TITLE_HEAD = /^(?:Special Rapporteur|Independent Expert|Working Group)$/;

/**
 * Words of the names that bodies share ("United Nations ... Mission", "Panel of Experts", "Committee
 * of the Security Council"): a name made of these alone does not say which body it is.
 */
const GENERIC_WORDS = new Set(
  ("united nation force mission operation observer panel expert group team committee office commission mechanism body board rapporteur " +
    "special independent envoy representative monitoring verification support assistance integrated interim multidimensional stabilization " +
    "political peacekeeping joint implementation task working international factfinding inquiry sanction regime measure authorization " +
    "investigation advisory ad hoc openended intergovernmental governmental eminent regional security council general assembly subsidiary " +
    "of the and on in for to a an its present current new that this such").split(" "),
);

/** A holder's name as compared: case, hyphens ("Peace-keeping"), plurals and "the" do not make another holder. */
export function holderKey(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, "")
    .replace(/(\p{L})-\s*(?=\p{L})/gu, "$1")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .split(" ")
    .filter((w) => w && w !== "the")
    .map((w) => (w === "un" ? "united nation" : w.length > 3 && /[^sui]s$/.test(w) ? w.slice(0, -1) : w))
    .join(" ");
}

/** Whether a name says which body it is: a word beyond those bodies share, or a number ("1540 Committee"). */
function isSpecific(name: string): boolean {
  return holderKey(name)
    .split(" ")
    .some((w) => w && !GENERIC_WORDS.has(w));
}

/** The name at the start of `rest`, as written, without a leading "the". */
function nameAt(rest: string): string {
  const abbreviation = ABBREVIATION.exec(rest);
  if (abbreviation) return abbreviation[0];
  let text = rest.slice(0, 240).replace(/^the\s+/i, "");
  const title = TITLE.test(text);
  // "(Hansen's disease)" inside a title is part of it; "(UNDOF)" after a name ends it.
  if (title) text = text.replace(/\s*\((?![A-Z0-9]{2,}[ )])[^()]{1,60}\)/g, "");
  const end = (title ? TITLE_END : NAME_END).exec(text);
  let name = end ? text.slice(0, end.index) : text.split(/\s+/).slice(0, 12).join(" ");
  // Other names end at their last capitalised word: "United Nations interim force for southern Lebanon".
  if (!title && /^[A-Z]/.test(name)) name = name.replace(/(?:\s+(?!(?:I|II|III|IV|V)\b)[a-z][\w-]*)+$/, "");
  return name.replace(/[\s,]+$/, "");
}

/** "United Nations Disengagement Observer Force (UNDOF)": the abbreviations a resolution defines, both ways. */
function definedAbbreviations(texts: string[]): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const text of texts) {
    DEFINED_ABBREVIATION.lastIndex = 0;
    for (let m = DEFINED_ABBREVIATION.exec(text); m; m = DEFINED_ABBREVIATION.exec(text)) {
      const abbreviation = m[1]!;
      const full = expansionBefore(text.slice(Math.max(0, m.index - 160), m.index), abbreviation);
      if (!full) continue;
      pairs.set(holderKey(abbreviation), full);
      pairs.set(holderKey(full), abbreviation);
    }
  }
  return pairs;
}

/**
 * The name an abbreviation stands for, read backwards from it, not across punctuation: the
 * shortest run of words that starts with a capitalised word of the abbreviation's first letter and
 * holds the abbreviation's letters in order ("UNSMIL": United Nations Support Mission in Libya),
 * else, for abbreviations of the French name (MINURSO, MONUSCO), the run that starts with "United
 * Nations" and names a mission, force, office or operation. A numbered one ("UNAVEM II") keeps its
 * number.
 */
function expansionBefore(before: string, abbreviation: string): string | null {
  const words = /[^,;:.()]*$/.exec(before)![0].trim().split(/\s+/);
  const letters = abbreviation.toLowerCase().replace(/[^a-z]/g, "");
  let best: string | null = null;
  let french: string | null = null;
  for (let i = words.length - 1; i >= 0 && words.length - i <= 14 && !best; i--) {
    const candidate = words.slice(i).join(" ");
    if (!french && /^United Nations\b.*\b(?:Mission|Force|Office|Operation)\b/.test(candidate)) french = candidate;
    const word = words[i]!;
    if (!/^[A-Z]/.test(word) || word[0]!.toLowerCase() !== letters[0]) continue;
    if (isSubsequence(letters, candidate.toLowerCase().replace(/[^a-z]/g, ""))) best = candidate;
  }
  const found = best ?? french;
  const numeral = / (I|II|III|IV|V)$/.exec(abbreviation.replace("-", " "))?.[1];
  return found && numeral && !found.endsWith(` ${numeral}`) ? `${found} ${numeral}` : found;
}

function isSubsequence(letters: string, text: string): boolean {
  let at = 0;
  for (const c of text) if (c === letters[at]) at++;
  return at === letters.length;
}

/**
 * The body a short form stands for ("the Force", "the Force in Cyprus", "the Special
 * Rapporteur"): the last name with that head the resolution wrote before it that says which body
 * it is and holds the short form's own words. (The mandate extractor's reference reader takes
 * "the Secretary-General on the United Nations Interim Force in Lebanon", the way every Council
 * report is cited, for one name; names are read here as the capitalised run before the head and
 * the capitalised complement after it, or a title with its complement.)
 */
function antecedent(written: string, before: string): string | null {
  const head = SHORT_FORM_HEAD.exec(written)?.[1];
  if (!head) return null;
  const own = holderKey(written).split(" ").filter((w) => !GENERIC_WORDS.has(w));
  const title = TITLE_HEAD.test(head);
  const named = title
    ? new RegExp(String.raw`\b${head}\s+(?:on|for|of|in\s+the\s+field\s+of)\s`, "g")
    : new RegExp(String.raw`(?:[A-Z][\w'\u2019-]*\s+){0,6}${head}\b(?:\s+(?:of|in|for|on)\s+(?:the\s+)?[A-Z][\w'\u2019-]*(?:\s+(?:of\s+|the\s+){0,2}[A-Z][\w'\u2019-]*){0,8})?`, "g");
  let found: string | null = null;
  for (let m = named.exec(before); m; m = named.exec(before)) {
    const name = title ? nameAt(before.slice(m.index, m.index + 300)) : m[0];
    const key = ` ${holderKey(name)} `;
    if (isSpecific(name) && own.every((w) => key.includes(` ${w} `))) found = name;
  }
  return found;
}

/** Resolutions cited in the clause that starts at `from` (up to the next semicolon), in the order written. */
function citedIn(p: OperativeParagraph, from: number): string[] {
  const stop = p.text.indexOf(";", from);
  const clause = p.text.slice(from, stop < 0 ? undefined : stop);
  const cited = p.citations
    .filter((c) => c.kind === "resolution")
    .map((c) => ({ symbol: c.symbol, at: clause.indexOf(c.text) }))
    .filter((c) => c.at >= 0)
    .sort((a, b) => a.at - b.at);
  return [...new Set(cited.map((c) => c.symbol))];
}

/** The holders whose mandate the resolution establishes, renews or extends, in the order of its paragraphs. */
export function mandateHolders(doc: Resolution): MandateHolder[] {
  const decisions = doc.operative.map(decisionsIn);
  if (decisions.every((d) => d.length === 0)) return [];
  const earlier = [doc.meta.title ?? "", ...doc.preamble.map((p) => p.text)];
  const abbreviations = definedAbbreviations([...earlier, ...doc.operative.map((p) => p.text)]);
  const holders = new Map<string, MandateHolder>();
  doc.operative.forEach((p, i) => {
    for (const decision of decisions[i]!) {
      const before = () => [...earlier, p.text.slice(0, decision.index)].join("\n");
      const holder = holderOf(p, decision, { symbol: doc.meta.symbol, abbreviations, before });
      if (holder) holders.set(JSON.stringify(holder), holder);
    }
    earlier.push(p.text);
  });
  return [...holders.values()];
}

function holderOf(
  p: OperativeParagraph,
  decision: Decision,
  { symbol, abbreviations, before }: { symbol: string | null; abbreviations: Map<string, string>; before: () => string },
): MandateHolder | null {
  const written = decision.generic ?? nameAt(p.text.slice(decision.end)) + (decision.place ? ` ${decision.place}` : "");
  if (!written || !/^[\p{L}\d]/u.test(written)) return null;
  // An establishment counts only for a body it names ("a United Nations Disengagement Observer Force"), not "a Committee".
  if (decision.establishes && !isSpecific(written)) return null;
  let name = written;
  let standing = false;
  const abbreviation = ABBREVIATION.test(written);
  if (!decision.generic && !abbreviation) {
    const known = resolveActor(written);
    // The gazetteer's name, unless it is only the start of what is written (a title: "Special Rapporteur on ...").
    if (known && !holderKey(written).startsWith(holderKey(known.canonical))) name = known.canonical;
    // A standing office (the High Commissioner, OHCHR, a Special Representative) holds many mandates: its name says not which.
    standing = known?.type === "secretariat" && holderKey(name) === holderKey(known.canonical);
    if (!isSpecific(name)) name = antecedent(name, before()) ?? name;
  }
  const alias = abbreviations.get(holderKey(name)) ?? abbreviations.get(holderKey(written));
  const aliases = [...new Set([written, ...(alias ? [alias] : [])])].filter((a) => holderKey(a) !== holderKey(name));
  // An abbreviation says which body it is unless the resolution spells it out as a description ("SRSG").
  const specific = !standing && (abbreviation ? !alias || isSpecific(alias) : isSpecific(name));
  return { name, aliases, specific, resolutions: citedIn(p, decision.index).filter((s) => s !== symbol) };
}

interface Decision {
  /** Where the decision's verb starts, and where the holder's name starts. */
  index: number;
  end: number;
  /** "in Cyprus" of "the stationing in Cyprus of the United Nations Peace-keeping Force". */
  place?: string;
  /** "measures", "authorizations": a holder named by what it is, set out in a cited resolution. */
  generic?: string;
  establishes: boolean;
}

function decisionsIn(p: OperativeParagraph): Decision[] {
  const text = p.text;
  const found: Decision[] = [];
  // Only the body's own decision establishes a body: "Decides to establish".
  const patterns = /^(?:decides|establishes)/.test(p.verb) ? ([[RENEWAL, false], [ESTABLISHMENT, true]] as const) : ([[RENEWAL, false]] as const);
  for (const [pattern, establishes] of patterns) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (NOT_DECIDED.test(text.slice(Math.max(0, m.index - 100), m.index))) continue;
      found.push({
        index: m.index,
        end: m.index + m[0].length,
        establishes,
        ...(m[1] ? { place: m[1] } : {}),
        ...(m[2] ? { generic: m[2].toLowerCase() } : {}),
      });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * What identifies the holder across resolutions: its names and abbreviations when they say which
 * body it is ("united nation disengagement observer force", "undof"); else its description with
 * the resolution that sets out its mandate ("panel of expert" set out in S/RES/1973 (2011)).
 */
export function holderIdentities(holder: MandateHolder): string[] {
  if (!holder.specific) return holder.resolutions.length ? [`${holderKey(holder.name)} @ ${holder.resolutions[0]}`] : [];
  return [...new Set([holder.name, ...holder.aliases.filter(isSpecific)].map(holderKey))];
}

/** Every name the resolution gives the holder, as compared, description or not. */
export function holderNames(holder: MandateHolder): string[] {
  return [...new Set([holder.name, ...holder.aliases].map(holderKey))];
}

/** How a holder is named as a series' title: "United Nations Disengagement Observer Force", "Panel of Experts (S/RES/1973 (2011))". */
export function holderTitle(holder: MandateHolder): string {
  const spelled = ABBREVIATION.test(holder.name) ? holder.aliases.find((a) => !ABBREVIATION.test(a) && isSpecific(a)) : undefined;
  const name = spelled ? `${spelled} (${holder.name})` : holder.name.charAt(0).toUpperCase() + holder.name.slice(1);
  return holder.specific || !holder.resolutions.length ? name : `${name} (${holder.resolutions[0]})`;
}
