// The fixed half of every record key (record-keys.query.ts): record key = hash(row key, salt) mod 256. The same on
// every machine, in every session, after "Rensa all data" and after a re-import: the same incidents always get the
// same keys, so a count's noise can never be drawn again — neither by reloading, nor by resetting, nor by asking a
// second analyst with a copy of the same data — and averaged away. (A per-browser secret salt, tried first, gave
// each copy and each reset its own noise.) Working the noise out needs the ids of every incident in the count,
// which is the data public view is there to keep from the room.
export const RECORD_KEY_SALT = 'lagesbild-cell-key-v1';

export function recordKeySalt(): string {
  return RECORD_KEY_SALT;
}
