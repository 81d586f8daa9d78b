import { describe, expect, it } from "vitest";
import { escapeFilterValue, userFilter } from "../sources/ldap-filter";

describe("LDAP filter escaping", () => {
  it("escapes every character that could change a filter", () => {
    expect(escapeFilterValue("*)(uid=*")).toBe("\\2a\\29\\28uid=\\2a");
    expect(escapeFilterValue("a\\b\u0000")).toBe("a\\5cb\\00");
    expect(userFilter("(&(objectClass=inetOrgPerson)(uid={username}))", "*)(uid=*")).toBe(
      "(&(objectClass=inetOrgPerson)(uid=\\2a\\29\\28uid=\\2a))",
    );
  });
});
