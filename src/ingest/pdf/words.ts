import vocabulary from "./vocabulary.json" with { type: "json" };

/**
 * Word-level repairs of a PDF text layer, decided on evidence: the document's own words first
 * (a word the document spells elsewhere), then the vocabulary learned from the corpus
 * (scripts/build-pdf-vocabulary.ts), and otherwise the safe default of changing nothing.
 *
 * - Line-end hyphens: UN documents are set without automatic hyphenation, so a hyphen at the end
 *   of a line is nearly always part of a compound ("seventy-\nfourth", "South-\nSouth",
 *   "small- and medium-sized") and is kept; it is removed only where the broken word is known
 *   whole and the compound is not ("devel-\nopment").
 * - Hyphens that a justified line pushed away from their word ("Secretary -General").
 * - Words split by a spurious space where a line was justified ("Confere nce").
 */

const COMPOUNDS = new Set<string>(vocabulary.compounds);
const WORDS = new Set<string>(vocabulary.words);
// Ordinal suffixes and single letters are in the learned list as fragments, not as words.
const NOT_WORDS = new Set(["th", "st", "nd", "rd"]);
const SUSPENDED = new Set(["and", "or", "nor", "to", "as"]);

const LETTERS = "A-Za-z\\u00C0-\\u024F";
const TRAILING_WORD = new RegExp(`([${LETTERS}]+)-$`);
const LEADING_WORD = new RegExp(`^([${LETTERS}]+)`);

export class Words {
  private readonly counts = new Map<string, number>();
  private readonly compounds = new Set<string>();

  /** `texts`: the document's lines; words broken at line ends are not counted whole. */
  constructor(texts: Iterable<string>) {
    for (const text of texts) {
      const normal = text.replace(/[\u2010\u2011]/g, "-").toLowerCase();
      for (const token of normal.split(new RegExp(`[^${LETTERS.toLowerCase()}-]+`))) {
        const t = token.replace(/^-+|-+$/g, "");
        if (!t) continue;
        if (t.includes("-")) {
          this.compounds.add(t);
          for (const part of t.split("-")) if (part) this.bump(part);
        } else this.bump(t);
      }
    }
  }

  private bump(w: string): void {
    this.counts.set(w, (this.counts.get(w) ?? 0) + 1);
  }

  /** A word in its own right: in the vocabulary, or written at least `min` times in the document. */
  private known(w: string, min: number): boolean {
    const l = w.toLowerCase();
    if (l.length === 1) return l === "a" || l === "i";
    if (NOT_WORDS.has(l)) return false;
    return WORDS.has(l) || (this.counts.get(l) ?? 0) >= min;
  }

  /**
   * Joins a line that ends with a hyphen to the next one. `left` ends with "-" (or " -"), `right`
   * is the next line, both trimmed.
   */
  joinHyphenated(left: string, right: string): string {
    // "post -" + "conflict": a compound whose hyphen justification pushed off its word
    if (/\s-$/.test(left)) return left.replace(/\s+-$/, "-") + right;
    const l = TRAILING_WORD.exec(left)?.[1];
    const r = LEADING_WORD.exec(right)?.[1];
    if (!l || !r) return left + right;
    // "small- and medium-sized": a suspended hyphen keeps its space
    if (SUSPENDED.has(r)) return `${left} ${right}`;
    // "South-South", "mid-2019", "Secretary-General": never a broken word
    if (!/^[a-z\u00DF-\u00FF]/.test(r)) return left + right;
    const compound = `${l}-${r}`.toLowerCase();
    const whole = `${l}${r}`.toLowerCase();
    const dehyphenated = left.slice(0, -1) + right;
    // a compound this document or the corpus writes with its hyphen keeps it ("Co-operation"
    // in the OECD's name, though "cooperation" is the word elsewhere)
    if (this.compounds.has(compound) || COMPOUNDS.has(compound)) return left + right;
    if ((this.counts.get(whole) ?? 0) > 0) return dehyphenated;
    if (WORDS.has(whole) && !(this.known(l, 2) && this.known(r, 2))) return dehyphenated;
    return left + right;
  }

  /** Repairs within a paragraph: detached hyphens and words split by a spurious space. */
  repair(text: string): string {
    const text1 = text
      .replace(new RegExp(`([${LETTERS}]) -([${LETTERS}])`, "g"), "$1-$2")
      // quotation marks pushed off their words: "Countries ”, and", "“ Space", "Women ’s"
      .replace(/([^\s\u201c]) \u201d(?=[\s,.;:)]|$)/g, "$1\u201d")
      .replace(/(^|[\s(])\u201c (?=\S)/g, "$1\u201c")
      .replace(new RegExp(`([${LETTERS}]) \u2019s\\b`, "g"), "$1\u2019s");
    // pairs of adjacent letter tokens, overlapping: "the impa ct" tries "the impa", then "impa ct"
    const pair = new RegExp(`([${LETTERS}]+) ([${LETTERS}]+)`, "g");
    let out = "";
    let from = 0;
    for (let m = pair.exec(text1); m; m = pair.exec(text1)) {
      const [, a, b] = m as unknown as [string, string, string];
      const at = m.index;
      const after = text1[at + m[0].length] ?? " ";
      // only whole tokens: not the tail of a longer token ("A/AC.105 ...") nor the head of one
      const before = at > 0 ? text1[at - 1]! : " ";
      const joinable =
        /[\s("\u201c\u2018]/.test(before) &&
        !/[0-9/]/.test(after) &&
        !/^[A-Z]/.test(b) &&
        !(this.known(a, 2) && this.known(b, 2)) &&
        (WORDS.has((a + b).toLowerCase()) || (this.counts.get((a + b).toLowerCase()) ?? 0) > 0);
      if (joinable) {
        out += text1.slice(from, at) + a + b;
        from = at + m[0].length;
        pair.lastIndex = from;
      } else {
        pair.lastIndex = at + a.length + 1;
      }
    }
    return out + text1.slice(from);
  }
}
