import "server-only";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { assertStorageKey, type Storage } from "./storage";

const PUBLIC_DIR = path.resolve("public");

/**
 * Files on local disk under `dir`. Issue 4: never under public/, where Next would serve
 * them by name, bypassing the access checks of app/api/files.
 */
export function localStorage(dir: string): Storage {
  const root = path.resolve(dir);
  if (root === PUBLIC_DIR || root.startsWith(PUBLIC_DIR + path.sep)) throw new Error("STORAGE_DIR must not be inside public/");
  const fileOf = (key: string) => {
    assertStorageKey(key);
    return path.join(root, key);
  };
  return {
    async put(key, bytes, contentType) {
      const file = fileOf(key);
      await mkdir(root, { recursive: true });
      // Written aside then renamed, so a reader never sees half a file.
      const temporary = `${file}.${process.pid}.partial`;
      await writeFile(temporary, bytes, { flag: "wx" });
      await writeFile(`${file}.type`, contentType);
      await rename(temporary, file);
    },
    async get(key) {
      const file = fileOf(key);
      try {
        const [bytes, contentType] = await Promise.all([readFile(file), readFile(`${file}.type`, "utf8")]);
        return { bytes, contentType };
      } catch (error) {
        if (error instanceof Error && "code" in error && error.code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(key) {
      const file = fileOf(key);
      await rm(file, { force: true });
      await rm(`${file}.type`, { force: true });
    },
  };
}
