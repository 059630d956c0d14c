import type { SqlExecutor } from '../store/db'

/**
 * Pins the settings that shape a value's text form, for the rest of the transaction: a dump
 * written and a dump read under the same ones parse back to exactly the stored values, on
 * either engine and whatever the server's or role's defaults (UTC offsets, ISO dates,
 * shortest-exact floats, hex bytea).
 */
export async function useCanonicalTextForms(tx: SqlExecutor): Promise<void> {
  await tx.exec(`SET LOCAL TimeZone = 'UTC';
    SET LOCAL DateStyle = 'ISO, YMD';
    SET LOCAL IntervalStyle = 'postgres';
    SET LOCAL extra_float_digits = 3;
    SET LOCAL bytea_output = 'hex'`)
}
