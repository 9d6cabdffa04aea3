import { register } from "node:module";

/**
 * The app's modules say `import "server-only"`, which only Next's server build resolves: under
 * plain Node it becomes an empty module, as it is inside Next. Call it before the first dynamic
 * import of an app module (static imports are resolved before any code runs).
 */
export function allowServerOnlyImports(): void {
  const hook = `export async function resolve(specifier, context, next) {
  return specifier === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(specifier, context);
}`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}
