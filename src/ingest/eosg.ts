import type { Parsed } from "../model/types.js";
import type { ReadOptions } from "./read.js";

export function decodeEosg(_bytes: Uint8Array, _options: ReadOptions = {}): Parsed {
  return { ok: false, problems: [{ code: "unsupported-format", severity: "error", message: "EOSG decoding is not written yet" }] };
}
