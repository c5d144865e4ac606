/**
 * Registers the decoders of formats other than plain text. Imported once by the adapters
 * (CLI, server, registry) so that the core stays free of PDF and XML libraries until needed.
 */
export {};
