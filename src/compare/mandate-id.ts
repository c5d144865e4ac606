import { createHash } from "node:crypto";
import type { Mandate, Resolution } from "../model/types.js";
import { addresseeKey } from "../model/actors.js";
import { formatParagraphRef, paragraphRef } from "../model/paragraphs.js";

/**
 * A mandate's stable id: what the review of a mandate is filed under, so that decisions survive
 * a new version of the document, a new extraction (a better extractor, actor keys recomputed)
 * and a new registry. The derived mandate rows are rewritten with every version; the id is
 * computed again each time from what identifies a mandate in the text, never from a row number:
 *
 *   symbol | part | paragraph ref | sub-paragraph | addressee key | ordinal among equal ones
 *
 * hashed to 16 hexadecimal digits. The paragraph ref (`operative.7`, `B.operative.7`) does not depend on the
 * language, and the addressee key is the model's (letters and digits only, case and a
 * leading "the" aside), so "Secretary General" and "the Secretary-General" are one mandate.
 * The ordinal tells apart two mandates of one paragraph to one addressee, in reading order.
 * A mandate that a new extraction no longer finds leaves its decisions "orphaned", kept and shown.
 */

export const MANDATE_ID_PATTERN = /^[0-9a-f]{16}$/;

/** What identifies a mandate within the registry, as its id is computed from it. */
export interface MandateIdentity {
  symbol: string;
  /** "A", "B" for resolutions in parts; null otherwise. */
  part: string | null;
  /** The paragraph's reference as the model formats it: `operative.N`, `B.operative.N` in part B. */
  ref: string;
  sub: string | null;
  /** The addressee's key (`addresseeKey` in src/model/actors.ts). */
  addressee: string;
}

function digest(identity: MandateIdentity, ordinal: number): string {
  const key = [identity.symbol, identity.part ?? "", identity.ref, identity.sub ?? "", identity.addressee, String(ordinal)].join("\u001f");
  return createHash("sha256").update(key).digest("hex").slice(0, 16);
}

/**
 * Ids for mandates listed in reading order: equal identities are numbered 0, 1, ... in the
 * order given. Returns one id per identity, in the same order.
 */
export function mandateIdsInOrder(identities: readonly MandateIdentity[]): string[] {
  const seen = new Map<string, number>();
  return identities.map((identity) => {
    const key = [identity.part ?? "", identity.ref, identity.sub ?? "", identity.addressee].join("\u001f");
    const ordinal = seen.get(key) ?? 0;
    seen.set(key, ordinal + 1);
    return digest(identity, ordinal);
  });
}

/** The identity of a mandate of a document's operative paragraph. */
export function identityOf(symbol: string, part: string | null | undefined, ref: string, mandate: Mandate): MandateIdentity {
  return { symbol, part: part ?? null, ref, sub: mandate.sub, addressee: addresseeKey(mandate) };
}

/** The id of every mandate of an enriched document (by object identity), in reading order. */
export function mandateIds(doc: Resolution): Map<Mandate, string> {
  const symbol = doc.meta.symbol ?? "";
  const mandates: Mandate[] = [];
  const identities: MandateIdentity[] = [];
  for (const p of doc.operative) {
    for (const m of p.mandates) {
      mandates.push(m);
      identities.push(identityOf(symbol, p.part, formatParagraphRef(paragraphRef(p)), m));
    }
  }
  const ids = mandateIdsInOrder(identities);
  return new Map(mandates.map((m, i) => [m, ids[i]!]));
}
