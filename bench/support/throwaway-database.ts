// A database of a bench's own on the tests' PostgreSQL server (TEST_DATABASE_URL, default the
// local one): named after the bench and its process, created on demand and dropped at the end.
import pg from "pg";

export type ThrowawayDatabase = {
  /** The database's name. */
  name: string;
  /** Its connection string. */
  url: string;
  /** Runs one statement on the server's maintenance database (CREATE, DROP…). */
  onServer(sql: string): Promise<void>;
};

export function throwawayDatabase(bench: string): ThrowawayDatabase {
  const server = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `hustings_bench_${bench}_${process.pid}`;
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async onServer(sql) {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      await client.query(sql).finally(() => client.end());
    },
  };
}
