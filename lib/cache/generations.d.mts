// Types of generations.mjs.
export const MAX_GENERATION_MS: number;

export class KeyGenerations {
  begin(key: string, at: number): void;
  end(key: string, at: number): number;
}

export class RequestGenerations {
  read(request: object, key: string, at: number): void;
  end(request: object & { requestStartTime?: unknown }, key: string): number | undefined;
}
