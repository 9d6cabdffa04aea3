import { describe, expect, it } from "vitest";
import { amzDateOf, authorizationHeader, sha256Hex } from "@/lib/storage/sigv4";

// AWS's published SigV4 test suite, "get-vanilla": proves the signer against AWS, not itself.
describe("AWS Signature V4", () => {
  it("matches AWS's get-vanilla test vector", () => {
    const header = authorizationHeader(
      { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", region: "us-east-1", service: "service" },
      {
        method: "GET",
        pathname: "/",
        headers: { host: "example.amazonaws.com", "x-amz-date": "20150830T123600Z" },
        payloadHash: sha256Hex(""),
        amzDate: "20150830T123600Z",
      },
    );
    expect(header).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
    );
  });

  it("formats the request date", () => {
    expect(amzDateOf(new Date("2015-08-30T12:36:00.123Z"))).toBe("20150830T123600Z");
  });
});
