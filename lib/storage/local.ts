import "server-only";
import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { assertStorageKey, byteLimit, toNodeReadable, toWebStream, type Storage } from "./storage";

const PUBLIC_DIR = path.resolve("public");

const isMissing = (error: unknown) => error instanceof Error && "code" in error && error.code === "ENOENT";

/**
 * Files on local disk under `dir`: never under public/, where Next would serve
 * them by name, bypassing the access checks of app/api/files.
 */
export function localStorage(dir: string): Storage {
  const root = path.resolve(dir);
  if (root === PUBLIC_DIR || root.startsWith(PUBLIC_DIR + path.sep)) throw new Error("STORAGE_DIR must not be inside public/");
  const fileOf = (key: string) => {
    assertStorageKey(key);
    return path.join(root, key);
  };
  // Written aside then renamed, so a reader never sees half a file.
  const asideOf = (file: string) => `${file}.${process.pid}.${randomBytes(4).toString("hex")}.partial`;

  async function info(file: string) {
    try {
      const [stats, contentType] = await Promise.all([stat(file), readFile(`${file}.type`, "utf8")]);
      return { size: stats.size, contentType };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  return {
    async put(key, bytes, contentType) {
      const file = fileOf(key);
      await mkdir(root, { recursive: true });
      const temporary = asideOf(file);
      await writeFile(temporary, bytes, { flag: "wx" });
      await writeFile(`${file}.type`, contentType);
      await rename(temporary, file);
    },
    async putStream(key, source, contentType, maxBytes) {
      const file = fileOf(key);
      await mkdir(root, { recursive: true });
      const temporary = asideOf(file);
      const limit = byteLimit(maxBytes);
      try {
        await pipeline(toNodeReadable(source), limit, createWriteStream(temporary, { flags: "wx" }));
        await writeFile(`${file}.type`, contentType);
        await rename(temporary, file);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
      return { size: limit.count };
    },
    async get(key) {
      const file = fileOf(key);
      try {
        const [bytes, contentType] = await Promise.all([readFile(file), readFile(`${file}.type`, "utf8")]);
        return { bytes, contentType };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async open(key, range) {
      const file = fileOf(key);
      const found = await info(file);
      if (!found) return null;
      // Opened before it is returned, so a file deleted meanwhile is "missing", not a broken stream.
      const stream = createReadStream(file, range ? { start: range.start, end: range.end } : {});
      try {
        await new Promise<void>((resolve, reject) => stream.once("open", () => resolve()).once("error", reject));
      } catch (error) {
        stream.destroy();
        if (isMissing(error)) return null;
        throw error;
      }
      return { stream: toWebStream(stream), ...found };
    },
    async stat(key) {
      return info(fileOf(key));
    },
    async delete(key) {
      const file = fileOf(key);
      await rm(file, { force: true });
      await rm(`${file}.type`, { force: true });
    },
  };
}
