import type { Resolution } from "../model/types.js";
import { alignResolutions } from "./align.js";
import { mandateIds } from "./mandate-id.js";
import { compareMandates, type MandateField } from "./mandates.js";

/**
 * Which decisions a new version of a recurring resolution inherits from the version before it:
 * every mandate the comparison pairs with one of the earlier version (`compareMandates`, the
 * pairing the diff shows) takes over that mandate's decisions and statuses; where the pair
 * differs (its action reworded, its verb, deadline, addressee or reporting changed) the inherited
 * decision is flagged for the entity to confirm. New mandates inherit nothing, and a dropped
 * mandate's decisions stay where they are.
 */

export interface InheritedMandate {
  /** Id of the earlier version's mandate. */
  from: string;
  /** Id of the paired mandate of the new version. */
  to: string;
  /** What differs between the two: empty when the mandate was renewed as it was. */
  changed: MandateField[];
}

export function inheritedMandates(earlier: Resolution, later: Resolution): InheritedMandate[] {
  const comparison = compareMandates(earlier, later, alignResolutions(earlier, later));
  const fromIds = mandateIds(earlier);
  const toIds = mandateIds(later);
  const out: InheritedMandate[] = [];
  for (const change of comparison.changes) {
    if (!change.from || !change.to) continue;
    const from = fromIds.get(change.from);
    const to = toIds.get(change.to);
    if (from && to) out.push({ from, to, changed: change.fields });
  }
  return out;
}
