/** Escapes a value for an LDAP search filter (RFC 4515): `*`, `(`, `)`, `\` and NUL become
 *  hex escapes, so user input can never change the filter's structure. Hand-written: ldapts
 *  escapes only inside its filter objects, and the filter here is an admin's template. */
export function escapeFilterValue(value: string): string {
  return value.replace(/[*()\\\u0000]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

export function userFilter(template: string, username: string): string {
  return template.split("{username}").join(escapeFilterValue(username));
}
