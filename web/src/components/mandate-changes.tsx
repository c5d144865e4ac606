import type { MandateJson } from "../../../src/compare/format/json.js";
import { entityPath } from "../api.js";
import { paragraphShort, session } from "./format.js";

/** Mandate changes between two versions (compare/mandates.ts, as GET /api/diff gives them). */

export interface MandateChange {
  status: "new" | "dropped" | "changed" | "unchanged";
  from: MandateJson | null;
  to: MandateJson | null;
  fields: string[];
  forceDelta: number;
  actionSimilarity: number;
}

const FIELD_NAMES: Record<string, string> = { actor: "addressee", verb: "verb", force: "strength", deadline: "deadline", report: "reporting", review: "review or end clause", action: "wording" };

function due(m: MandateJson | null): string {
  return m?.dueSession ? session(m.dueSession) : m?.deadline ?? "none";
}

function describe(c: MandateChange): string {
  const parts: string[] = [];
  if (c.forceDelta > 0) parts.push(`strengthened (${c.from!.verb} → ${c.to!.verb})`);
  else if (c.forceDelta < 0) parts.push(`weakened (${c.from!.verb} → ${c.to!.verb})`);
  else if (c.fields.includes("verb")) parts.push(`verb ${c.from!.verb} → ${c.to!.verb}`);
  if (c.fields.includes("deadline")) parts.push(`deadline changed: ${due(c.from)} → ${due(c.to)}`);
  for (const f of c.fields) if (!["verb", "force", "deadline"].includes(f)) parts.push(`${FIELD_NAMES[f] ?? f} changed`);
  return parts.join("; ");
}

export function MandateChanges({ changes, summary }: { changes: MandateChange[]; summary: Record<string, number> }) {
  const shown = changes.filter((c) => c.status !== "unchanged");
  return (
    <>
      <p>
        {summary.new ?? 0} new, {summary.dropped ?? 0} dropped, {summary.changed ?? 0} changed, {summary.unchanged ?? 0} renewed as they were.
      </p>
      {shown.length ? (
        <ul class="mandate-changes">
          {shown.map((c, i) => {
            const m = (c.to ?? c.from)!;
            return (
              <li key={i} class={`mc ${c.status}`}>
                <span class={`change-badge ${c.status === "new" ? "added" : c.status === "dropped" ? "dropped" : "edited"}`}>{c.status}</span>{" "}
                <a href={entityPath(m.actorCanonical ?? m.actor)}>{m.actorCanonical ?? m.actor}</a> · {m.verb} · {paragraphShort(m.in, m.sub)}
                {c.status === "changed" ? <span class="mc-detail"> — {describe(c)}</span> : null}
                <span class="mc-action">{m.action}</span>
              </li>
            );
          })}
        </ul>
      ) : null}
    </>
  );
}
