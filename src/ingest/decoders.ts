import { registerDecoder } from "./read.js";

/**
 * Registers the decoders of formats other than plain text. Imported once by the adapters
 * (CLI, server, registry) so that the core stays free of PDF and XML libraries until needed:
 * each decoder's module (and its library) is loaded on first use.
 */
registerDecoder("pdf", async (bytes, options) => (await import("./pdf.js")).decodePdf(bytes, options));
registerDecoder("akn", async (bytes, options) => (await import("./akn.js")).decodeAkn(bytes, options));
registerDecoder("eosg", async (bytes, options) => (await import("./eosg.js")).decodeEosg(bytes, options));
