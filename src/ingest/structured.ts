import { decodeAkn } from "./akn.js";
import { decodeEosg } from "./eosg.js";
import { registerDecoder } from "./read.js";

/** Registers the decoders of structured sources: Akoma Ntoso XML and EOSG paragraph JSON. */
registerDecoder("akn", decodeAkn);
registerDecoder("eosg", decodeEosg);
