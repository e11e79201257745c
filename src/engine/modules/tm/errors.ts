/**
 * The error codes of core/error.h that tm returns to the script (t_relay() and friends).
 */
export const E_UNSPEC = -1;
export const E_SCRIPT = -11;
export const E_CFG = -6;
export const E_BAD_TUPEL = -14;
export const E_BAD_REQ = -400;
export const E_BAD_ADDRESS = -478;
export const E_CANCELED = -487;
export const E_TOO_MANY_BRANCHES = -12;
export const E_SEND = -477;
