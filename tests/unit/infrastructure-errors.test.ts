import { describe, expect, it } from "vitest";
import { DatabaseDeadlineError } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-error";
import { classifyInfrastructureError, ServiceBusyError } from "@/lib/errors/infrastructure";

// What the edges answer 503 (busy, try again) rather than 500: the shapes below are the ones
// Prisma 7 with the pg driver adapter and node-postgres produce, recorded from a real server
// (tests/integration/database-capacity.test.ts produces the live ones).

/** A PrismaClientKnownRequestError as the driver adapter wraps a PostgreSQL error. */
function prismaRaw(code: string, cause: Record<string, unknown>) {
  return Object.assign(new Error("Invalid `prisma.$queryRaw()` invocation"), {
    name: "PrismaClientKnownRequestError",
    code,
    meta: { driverAdapterError: { name: "DriverAdapterError", cause } },
  });
}

describe("infrastructure errors", () => {
  it("read a statement or lock timeout inside Prisma's wrapping as a timeout", () => {
    expect(classifyInfrastructureError(prismaRaw("P2010", { kind: "postgres", code: "57014", originalCode: "57014" }))?.kind).toBe("timeout");
    expect(classifyInfrastructureError(prismaRaw("P2010", { kind: "postgres", code: "55P03", originalCode: "55P03" }))?.kind).toBe("timeout");
    expect(classifyInfrastructureError(prismaRaw("P2010", { kind: "postgres", code: "25P03", originalCode: "25P03" }))?.kind).toBe("timeout");
  });

  it("read an exhausted pool, a transaction that could not start and too many connections as overload", () => {
    expect(classifyInfrastructureError(new Error("timeout exceeded when trying to connect"))?.kind).toBe("overloaded");
    expect(
      classifyInfrastructureError(Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), { code: "P2028" }))?.kind,
    ).toBe("overloaded");
    expect(classifyInfrastructureError(Object.assign(new Error("Timed out fetching a new connection"), { code: "P2024" }))?.kind).toBe("overloaded");
    expect(classifyInfrastructureError(prismaRaw("P2010", { kind: "TooManyConnections", cause: "sorry, too many clients already" }))?.kind).toBe("overloaded");
    expect(classifyInfrastructureError(prismaRaw("P2034", { kind: "TransactionWriteConflict" }))?.kind).toBe("overloaded");
  });

  it("read an unreachable, restarting or silent server as unavailable or a timeout", () => {
    expect(classifyInfrastructureError(prismaRaw("P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5499 }))?.kind).toBe("unavailable");
    expect(classifyInfrastructureError(prismaRaw("P2010", { kind: "postgres", code: "57P01", originalCode: "57P01" }))?.kind).toBe("unavailable");
    expect(classifyInfrastructureError(prismaRaw("P2010", { kind: "postgres", code: "08006", originalCode: "08006" }))?.kind).toBe("unavailable");
    expect(classifyInfrastructureError(new Error("Connection terminated unexpectedly"))?.kind).toBe("unavailable");
    expect(classifyInfrastructureError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))?.kind).toBe("unavailable");
    expect(classifyInfrastructureError(new DatabaseDeadlineError(2000))?.kind).toBe("timeout");
    expect(classifyInfrastructureError({ name: "PrismaClientInitializationError", message: "Can't reach database server" })?.kind).toBe("unavailable");
  });

  it("look through causes", () => {
    expect(classifyInfrastructureError(new Error("the move failed", { cause: new DatabaseDeadlineError(2500) }))?.kind).toBe("timeout");
  });

  it("say when to try again: soon for overload, later for an unreachable server", () => {
    expect(classifyInfrastructureError(new ServiceBusyError("viewer questions"))).toEqual({ kind: "overloaded", retryAfterSeconds: 2 });
    expect(classifyInfrastructureError(new Error("Connection terminated"))?.retryAfterSeconds).toBe(5);
  });

  it("leave the service's refusals and real faults alone", () => {
    expect(classifyInfrastructureError(new DomainError("CONFLICT", { messageKey: "hearingLive.repeat" }))).toBeNull();
    expect(classifyInfrastructureError(new DomainError("RATE_LIMITED", { retryAfterSeconds: 60 }))).toBeNull();
    expect(classifyInfrastructureError(prismaRaw("P2002", { kind: "UniqueConstraintViolation" }))).toBeNull();
    expect(classifyInfrastructureError(prismaRaw("P2010", { kind: "postgres", code: "42703", originalCode: "42703" }))).toBeNull();
    expect(classifyInfrastructureError(new TypeError("Cannot read properties of undefined"))).toBeNull();
    expect(classifyInfrastructureError("a string")).toBeNull();
    expect(classifyInfrastructureError(null)).toBeNull();
  });
});
