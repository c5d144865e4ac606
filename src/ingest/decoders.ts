import type { SourceFormat } from "../model/types.js";
import type { Decoder } from "./read.js";

/**
 * The decoders of the formats other than plain text (which `readResolution` parses itself),
 * read by `readResolution`: no caller has to register them. Each is a dynamic import, so the
 * core loads a decoder's module (and its PDF or XML library) only when a file of that format
 * is read.
 */
export const DECODERS: ReadonlyMap<SourceFormat, Decoder> = new Map<SourceFormat, Decoder>([
  ["pdf", async (bytes, options) => (await import("./pdf.js")).decodePdf(bytes, options)],
  ["akn", async (bytes, options) => (await import("./akn.js")).decodeAkn(bytes, options)],
  ["eosg", async (bytes, options) => (await import("./eosg.js")).decodeEosg(bytes, options)],
]);
