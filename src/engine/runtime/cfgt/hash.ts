/**
 * The hash Kamailio's pseudo-variable cache files each name under (core/pvapi.c pv_cache_add():
 * get_hash1_raw() of core/hashes.h, bucket = hash % PV_CACHE_SIZE). cfgt walks that cache
 * bucket by bucket (modules/cfgt/cfgt_json.c cfgt_get_json()), so a report lists its variables
 * in this order, not in the config's.
 */

/** core/pvar.h PV_CACHE_SIZE. */
export const PV_CACHE_SIZE = 512;

/** A byte as C's (signed) `char` promotes it: `*(p)<<24` of a byte ≥ 0x80 is negative. */
function signedChar(s: string, i: number): number {
  const c = s.charCodeAt(i) & 0xff;
  return c > 127 ? c - 256 : c;
}

/** get_hash1_raw(): hash_update_str() then hash_finish(), in unsigned 32-bit arithmetic. */
export function hash1Raw(s: string): number {
  let h = 0;
  let p = 0;
  const end = s.length;
  for (; p <= end - 4; p += 4) {
    const v =
      ((signedChar(s, p) << 24) + (signedChar(s, p + 1) << 16) + (signedChar(s, p + 2) << 8) + signedChar(s, p + 3)) >>>
      0;
    h = (h + ((v ^ (v >>> 3)) >>> 0)) >>> 0;
  }
  let v = 0;
  switch (end - p) {
    case 3:
      v = (signedChar(s, p) << 16) + (signedChar(s, p + 1) << 8) + signedChar(s, p + 2);
      break;
    case 2:
      v = (signedChar(s, p) << 8) + signedChar(s, p + 1);
      break;
    case 1:
      v = signedChar(s, p);
      break;
  }
  v >>>= 0;
  h = (h + ((v ^ (v >>> 3)) >>> 0)) >>> 0;
  return (h + (h >>> 11) + ((h >>> 13) + (h >>> 23))) >>> 0;
}

/** The cache bucket of a PV's name. */
export function pvCacheBucket(name: string): number {
  return hash1Raw(name) % PV_CACHE_SIZE;
}
