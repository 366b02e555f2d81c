// Chamyeo's reference ballot encryptor for apps: encrypts a voter's selection under the election key, proves it,
// and lets the app audit a ballot (Benaloh) or check its tracker — byte for byte as voting-service/election/
// PROTOCOL.md §3–§4 and the Java reference (kr.chamyeo.election) compute them. See README.md for the flow.
import { p256 } from '@noble/curves/nist.js';
import { bytesToNumberBE } from '@noble/curves/utils.js';
import { randomBytes } from '@noble/hashes/utils.js';

import { encryptWith } from './protocol.mjs';

export { auditBallot, selectionCiphertexts, tracker, verifyBallot, width } from './protocol.mjs';

const Fn = p256.Point.Fn;

/**
 * A uniform scalar in [1, q−1] (PROTOCOL.md §1): 320 random bits reduced mod q — 64 bits more than q, so the bias
 * of the reduction is below 2⁻⁶⁴ — with zero redrawn. randomBytes is the platform's CSPRNG (crypto.getRandomValues).
 */
function secureScalar() {
  for (;;) {
    const k = Fn.create(bytesToNumberBE(randomBytes(40)));
    if (k !== 0n) return k;
  }
}

/**
 * Encrypts the option indexes `chosen` (0-based, distinct, below `rule.options`) of ballot `ballotId` under the
 * election key `publicKeyHex` (66 hex digits, `publicKey` of GET /api/v1/voting/elections/{electionId}) and proves
 * them valid for `rule` = `{options, min, max}`, plus `costs` and `budgetLimit` for a BUDGET ballot (PROTOCOL.md §4.3).
 *
 * Returns `{ballot, randomness}`: `ballot` is the JSON body of POST /api/v1/voting/ballots/{id}/encrypted-votes;
 * `randomness` opens it (auditBallot) and must stay on the device — whoever holds it can read the vote, and a
 * ballot whose randomness was shown must never be cast.
 */
export function encryptBallot({ ballotId, publicKeyHex, rule, chosen }) {
  return encryptWith(secureScalar, { ballotId, publicKeyHex, rule, chosen });
}
