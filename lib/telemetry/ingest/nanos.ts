// OTLP times are nanoseconds since the epoch, decoded as doubles: at today's dates those are
// about 256 ns apart, so a time on an exact microsecond or millisecond may sit just below it.

/** To whole microseconds, to the nearest (flooring would land such a time a microsecond early). */
export const nanosToMicros = (ns: number): number => Math.round(ns / 1000);

/** To whole milliseconds, floored, after allowing for the double's error. */
export const nanosToMillis = (ns: number): number => Math.floor((ns + 512) / 1e6);
