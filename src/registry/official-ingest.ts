import { decodeOfficialMetadata, type LineProblem, type OfficialRecord } from "../ingest/official-metadata.js";
import type { FileOutcome } from "./ingest.js";
import { fileName, type Store } from "./store.js";

/**
 * A file of rows of official metadata met by ingest (`isOfficialMetadata`): decoded when it is
 * staged, its records written with the batch it falls in. The rows are kept by symbol and merged
 * into documents when they are read, so they may come before or after the documents.
 */

export interface StagedOfficial {
  file: string;
  status: "official";
  records: OfficialRecord[];
  rows: number;
  problems: LineProblem[];
}

export function stageOfficial(file: string, bytes: Uint8Array): StagedOfficial | FileOutcome {
  const decoded = decodeOfficialMetadata(bytes);
  if (!decoded.ok) return { file, status: "failed", reasons: decoded.problems.map((p) => `${p.code}: ${p.message}`) };
  return { file, status: "official", records: decoded.records, rows: decoded.rows, problems: decoded.problems };
}

export async function writeOfficial(store: Store, staged: StagedOfficial): Promise<FileOutcome> {
  try {
    await store.putOfficialMetadata(staged.records, { name: fileName(staged.file) });
    return { file: staged.file, status: "metadata", rows: staged.rows, problems: staged.problems };
  } catch (e) {
    return { file: staged.file, status: "failed", reasons: [`not stored: ${e instanceof Error ? e.message : String(e)}`] };
  }
}
