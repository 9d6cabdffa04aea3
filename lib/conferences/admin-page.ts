import "server-only";
import { notFound } from "next/navigation";
import { isDomainError } from "@/lib/errors/domain-error";

/** A console read by slug or id: an unknown conference is the page's 404, not an error. */
export async function loadForAdmin<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (isDomainError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
