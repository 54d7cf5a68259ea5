// PostGraphile 5 for bench/run.sh: the Amber preset (its defaults), the public schema (Parley's tables) plus the
// bench schema (postgraphile/setup.sql), the same pool size as Parley, no GraphiQL, no query explain.
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgService } from "postgraphile/adaptors/pg";

export default {
  extends: [PostGraphileAmberPreset],
  pgServices: [
    makePgService({
      connectionString: process.env.DATABASE_URL,
      schemas: ["public", "bench"],
      poolConfig: { max: Number(process.env.POOL_SIZE ?? 20) },
    }),
  ],
  grafserv: { port: Number(process.env.PORT ?? 38092), host: "127.0.0.1", graphiql: false, watch: false },
  grafast: { explain: false },
};
