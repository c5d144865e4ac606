import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import type { CitationDirection } from "../../registry/store.js";
import { JSON_TYPE, type RouteContext, typed } from "../app.js";
import { httpError } from "../guards.js";
import { asReply } from "../read-pool.js";
import { documentFilters, errors, nullable, stringEnum, symbolParams } from "../schemas.js";
import { symbolFromInput } from "../../model/symbols.js";

const node = Type.Object({ symbol: Type.String(), title: nullable(Type.String()), session: nullable(Type.Integer()), inRegistry: Type.Boolean() });
const edge = Type.Object({ from: Type.String(), to: Type.String(), ref: Type.String(), kind: Type.String(), text: Type.String() });

export async function citationRoutes(app: FastifyInstance, { reads }: RouteContext): Promise<void> {
  typed(app).get(
    "/documents/:symbol/citations",
    {
      schema: {
        summary: "Citation graph around a document: what it cites (out), what cites it (in), or both, followed to a depth",
        tags: ["citations"],
        params: symbolParams,
        querystring: Type.Object(
          {
            direction: stringEnum<CitationDirection>(["out", "in", "both"], { default: "both" }),
            depth: Type.Integer({ minimum: 1, maximum: 5, default: 1, description: "1 = direct citations; more follows chains" }),
            language: documentFilters.language,
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ root: Type.String(), nodes: Type.Array(node), edges: Type.Array(edge), truncated: Type.Boolean() }),
          ...errors(400, 404),
        },
      },
    },
    async (request, reply) => {
      const { direction, depth, language } = request.query;
      const graph = await reads.json("citations", { symbol: request.params.symbol, query: { direction, depth, ...(language ? { language } : {}) } });
      if (graph === null) throw httpError(404, `no document ${symbolFromInput(request.params.symbol)} in the registry`);
      return reply.type(JSON_TYPE).send(asReply(graph));
    },
  );
}
