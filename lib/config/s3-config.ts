// Which S3 store, if any (docs/decisions/033-object-storage.md). Plain rules, no SDK, no
// "server-only" and nothing from lib/env.ts: lib/env.ts checks the variables with
// s3ConfigProblems at boot, and the demo loader (prisma/demo/content.ts) runs in plain Node.

export const S3_VARIABLES = [
  "S3_BUCKET",
  "S3_REGION",
  "S3_ENDPOINT",
  "S3_ACCESS_KEY_ID",
  "S3_SECRET_ACCESS_KEY",
  "S3_SESSION_TOKEN",
  "S3_FORCE_PATH_STYLE",
] as const;

export type S3Variables = Partial<Record<(typeof S3_VARIABLES)[number], string | boolean | undefined>>;

export type S3Config = {
  bucket: string;
  region: string;
  /** Unset: AWS's own endpoint for the region. */
  endpoint?: string;
  /** `endpoint/bucket/key` instead of `bucket.endpoint/key`: what most S3-compatible stores want. */
  forcePathStyle: boolean;
  /** Unset: the SDK's default credential chain (AWS_* variables, web identity, instance or container metadata). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
};

const given = (value: string | boolean | undefined) => value !== undefined && value !== "";

export type S3ConfigProblem = { variable: (typeof S3_VARIABLES)[number]; message: string };

/**
 * All or none: with no S3_* variable set, files stay on local disk; with any set, the
 * bucket and region are required, and the access key id and secret come together (or not
 * at all, for the credential chain). Never a silent fall back to disk.
 */
export function s3ConfigProblems(vars: S3Variables): S3ConfigProblem[] {
  const set = S3_VARIABLES.filter((name) => given(vars[name]));
  if (set.length === 0) return [];
  const problems: S3ConfigProblem[] = [];
  const because = `S3 storage is configured (${set.join(", ")} set)`;
  for (const name of ["S3_BUCKET", "S3_REGION"] as const) {
    if (!given(vars[name])) problems.push({ variable: name, message: `is required: ${because}; unset every S3_* variable to keep files on local disk` });
  }
  const id = given(vars.S3_ACCESS_KEY_ID);
  const secret = given(vars.S3_SECRET_ACCESS_KEY);
  if (id && !secret)
    problems.push({ variable: "S3_SECRET_ACCESS_KEY", message: "is required with S3_ACCESS_KEY_ID (or unset both for the default credential chain)" });
  if (secret && !id)
    problems.push({ variable: "S3_ACCESS_KEY_ID", message: "is required with S3_SECRET_ACCESS_KEY (or unset both for the default credential chain)" });
  if (given(vars.S3_SESSION_TOKEN) && !(id && secret)) {
    problems.push({ variable: "S3_SESSION_TOKEN", message: "is used only with S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY" });
  }
  return problems;
}

const text = (value: string | boolean | undefined) => (typeof value === "string" && value !== "" ? value : undefined);

/** The store the variables name, null when none is configured; throws, naming each problem, on a partial configuration. */
export function s3ConfigOf(vars: S3Variables): S3Config | null {
  const problems = s3ConfigProblems(vars);
  if (problems.length > 0) throw new Error(`Invalid S3 configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join("\n")}`);
  const bucket = text(vars.S3_BUCKET);
  const region = text(vars.S3_REGION);
  if (!bucket || !region) return null;
  const endpoint = text(vars.S3_ENDPOINT);
  const pathStyle = vars.S3_FORCE_PATH_STYLE;
  const forcePathStyle = pathStyle === undefined || pathStyle === "" ? endpoint !== undefined : pathStyle === true || pathStyle === "true" || pathStyle === "1";
  const accessKeyId = text(vars.S3_ACCESS_KEY_ID);
  const secretAccessKey = text(vars.S3_SECRET_ACCESS_KEY);
  const sessionToken = text(vars.S3_SESSION_TOKEN);
  return {
    bucket,
    region,
    endpoint,
    forcePathStyle,
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } : undefined,
  };
}
