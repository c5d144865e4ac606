import { actorFromInput, actorKey } from "../../model/actors.js";
import type { Fragment, SqlDialect } from "../dialect.js";
import type { DocumentFilter, SearchFilter } from "../store.js";

/** Filters as SQL conditions, shared by the listing, search and mandate queries. */

/** Conditions joined with AND; an empty list is no condition. */
export function where(conditions: Fragment[]): Fragment {
  if (!conditions.length) return { sql: "", params: [] };
  return { sql: ` WHERE ${conditions.map((c) => c.sql).join(" AND ")}`, params: conditions.flatMap((c) => c.params) };
}

export function placeholders(values: readonly unknown[]): string {
  return values.map(() => "?").join(", ");
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The conditions a document filter puts on the documents (alias `d`). */
export function conditionsOnDocuments(sql: SqlDialect, filter: DocumentFilter | SearchFilter, alias = "d"): Fragment[] {
  const c: Fragment[] = [];
  const eq = (column: string, value: unknown) => c.push({ sql: `${alias}.${column} = ?`, params: [value] });
  if (filter.body) eq("body", filter.body);
  if (filter.language) eq("language", filter.language);
  if (filter.session !== undefined) eq("session", filter.session);
  if (filter.year !== undefined) eq("year", filter.year);
  if (filter.committee) c.push({ sql: `lower(${alias}.committee) = ?`, params: [filter.committee.toLowerCase()] });
  if (filter.agendaItem) eq("agenda_item", filter.agendaItem);
  if (filter.sdg) c.push({ sql: `EXISTS (SELECT 1 FROM document_goals g WHERE g.document_id = ${alias}.id AND g.goal = ?)`, params: [filter.sdg] });
  if ("title" in filter && filter.title) {
    c.push({ sql: `${alias}.title ${sql.ilike} ? ESCAPE '\\'`, params: [`%${escapeLike(filter.title)}%`] });
  }
  return c;
}

/**
 * Mandates (alias `x`) addressed to `actor`, by their keys (model/actors.ts): the actor as typed
 * or its gazetteer entity, and the actors whose names hold either (the Director-General of the
 * United Nations Industrial Development Organization for UNIDO), an abbreviation of the entity
 * as a word of their own. An abbreviation and the entity's full name so ask the same.
 */
export function actorCondition(actor: string, alias = "x"): Fragment {
  const typed = actorKey(actor);
  const known = actorFromInput(actor);
  const canonical = known ? [actorKey(known.canonical)] : [];
  const abbreviations = (known?.abbreviations ?? []).map(actorKey);
  const exact = [...new Set([typed, ...canonical])];
  const within = [...new Set([...canonical, ...(abbreviations.includes(typed) ? [] : [typed])])].filter((k) => k !== "");
  const conditions = [
    `${alias}.actor_key IN (${placeholders(exact)})`,
    ...within.map(() => `${alias}.actor_key LIKE ? ESCAPE '\\'`),
    ...abbreviations.map(() => `(' ' || ${alias}.actor_key || ' ') LIKE ? ESCAPE '\\'`),
  ];
  return {
    sql: `(${conditions.join(" OR ")})`,
    params: [...exact, ...within.map((k) => `%${escapeLike(k)}%`), ...abbreviations.map((k) => `% ${escapeLike(k)} %`)],
  };
}
