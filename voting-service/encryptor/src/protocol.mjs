// The arithmetic of PROTOCOL.md §1–§4 with the source of randomness as a parameter. Apps import ./ballot.mjs, which
// always draws from the platform's CSPRNG; this module is separate only so that the tests can replay the document's
// fixed-randomness vectors byte for byte. The package's "exports" map does not expose it.
//
// Point arithmetic and arithmetic mod q go through @noble/curves (P-256 and its scalar field Fn), SHA-256 through
// @noble/hashes; this module only encodes (hex, bytes, hash text) and follows the protocol's steps.
import { p256 } from '@noble/curves/nist.js';
import { bytesToNumberBE } from '@noble/curves/utils.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

const Point = p256.Point;
const Fn = Point.Fn;
const G = Point.BASE;

const GROUP = 'P-256';
const POK_TAG = 'chamyeo/ballot-pok';
const SINGLE_TAG = 'chamyeo/ballot-single';
const TRACKER_TAG = 'chamyeo/tracker';

/** Bytes of the option bitmask per point (§3): 01 ‖ 30 bytes ‖ counter stays below p. */
const PIECE = 30;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const POINT_HEX = /^0[23][0-9a-f]{64}$/;
const SCALAR_HEX = /^[0-9a-f]{64}$/;

/** A ciphertext as the hash sees it (§2: `alpha,beta`); kept distinct from a list, which is joined with `;`. */
class Ciphertext {
  constructor(alpha, beta) {
    this.alpha = alpha;
    this.beta = beta;
  }

  toString() {
    return `${pointHex(this.alpha)},${pointHex(this.beta)}`;
  }
}

// ---- §1 encodings -----------------------------------------------------------------------------------------------

/** SEC1 compressed hex; `00` for O, which can appear only inside a hash input (a recomputed commitment). */
function pointHex(point) {
  return point.is0() ? '00' : point.toHex(true);
}

/** Parses a point as a verifier must (§1): only `0[23]` + 64 lowercase hex digits, on the curve. */
export function parsePoint(hex) {
  if (typeof hex !== 'string' || !POINT_HEX.test(hex)) {
    throw new TypeError(`not a compressed P-256 point: ${hex}`);
  }
  try {
    const point = Point.fromHex(hex);
    point.assertValidity();
    return point;
  } catch {
    throw new TypeError(`not a point of P-256: ${hex}`);
  }
}

export function scalarHex(k) {
  return bytesToHex(Fn.toBytes(Fn.create(k)));
}

/** Parses a scalar: exactly 64 lowercase hex digits with a value below q, so every scalar has one spelling. */
export function parseScalar(hex) {
  if (typeof hex !== 'string' || !SCALAR_HEX.test(hex)) {
    throw new TypeError(`not a scalar (64 lowercase hex digits): ${hex}`);
  }
  const k = BigInt(`0x${hex}`);
  if (k >= Fn.ORDER) {
    throw new RangeError(`scalar not below the group order: ${hex}`);
  }
  return k;
}

function parseCiphertext(text) {
  const parts = typeof text === 'string' ? text.split(',') : [];
  if (parts.length !== 2) {
    throw new TypeError(`a ciphertext is "alpha,beta" (two compressed points): ${text}`);
  }
  return new Ciphertext(parsePoint(parts[0]), parsePoint(parts[1]));
}

/** The parsers above throw TypeError or RangeError for input that breaks §1: a verifier's "reject", not a bug. */
function isMalformed(error) {
  return error instanceof TypeError || error instanceof RangeError;
}

function isBallotId(ballotId) {
  return typeof ballotId === 'string' && UUID.test(ballotId);
}

// ---- §2 hash ----------------------------------------------------------------------------------------------------

/** The text of one hash part (§2's table). */
function text(part) {
  if (part instanceof Point) return pointHex(part);
  if (typeof part === 'bigint') return scalarHex(part);
  if (part instanceof Ciphertext) return part.toString();
  if (Array.isArray(part)) return part.map(text).join(';');
  if (typeof part === 'number' && Number.isSafeInteger(part)) return String(part);
  if (typeof part === 'string') return part;
  throw new TypeError(`no hash text for ${part}`);
}

/** `tag|text(part₁)|…|text(partₘ)`: the exact UTF-8 text that is hashed. */
export function hashInput(tag, ...parts) {
  return [tag, ...parts.map(text)].join('|');
}

export function hashHex(tag, ...parts) {
  return bytesToHex(sha256(utf8ToBytes(hashInput(tag, ...parts))));
}

/** A Fiat–Shamir challenge: the digest as a big-endian integer, reduced mod q. */
export function challenge(tag, ...parts) {
  return Fn.create(bytesToNumberBE(sha256(utf8ToBytes(hashInput(tag, ...parts)))));
}

// ---- §3 selection embedding -------------------------------------------------------------------------------------

/** Ciphertexts (points) per ballot of `options` options: one per 30 bytes of bitmask, at least one. */
export function width(options) {
  return Math.max(1, Math.ceil(maskBytes(options) / PIECE));
}

function maskBytes(options) {
  return Math.ceil(options / 8);
}

/**
 * Koblitz embedding of one piece (§3): the first x = 256·int(01 ‖ piece) + k, k = 0..255, with a point on the curve,
 * taking the even y. The compressed encoding `02 ‖ x` is exactly "the point with this x and even y", so the library's
 * decompression does the square root and rejects an x that is not on the curve.
 */
function embed(piece) {
  const encoded = new Uint8Array(33);
  encoded[0] = 0x02;
  encoded.set([0x01, ...piece], 32 - piece.length - 1);
  for (let k = 0; k < 256; k++) {
    encoded[32] = k;
    try {
      return Point.fromBytes(encoded);
    } catch {
      // x³ − 3x + b is not a square mod p: the next counter
    }
  }
  throw new Error('no embedding found in 256 tries');
}

/** The piece a point embeds: x without its counter byte must be `01 ‖ piece` with y even; null otherwise. */
function extract(point) {
  if (point.is0()) return null;
  const encoded = point.toBytes(true);
  if (encoded[0] !== 0x02) return null;
  const m = encoded.subarray(1, 32); // x without the counter byte, big-endian
  const first = m.findIndex((b) => b !== 0);
  if (first < 0 || m[first] !== 0x01) return null;
  return m.slice(first + 1);
}

/** The points of the selection `chosen` (distinct indexes below `options`), one per 30-byte piece of the bitmask. */
export function encodeSelection(chosen, options) {
  const mask = new Uint8Array(maskBytes(options));
  for (const index of chosen) {
    mask[index >> 3] |= 0x80 >> (index & 7);
  }
  const points = [];
  for (let j = 0; j < width(options); j++) {
    points.push(embed(mask.subarray(j * PIECE, (j + 1) * PIECE)));
  }
  return points;
}

/** The chosen indexes, ascending, that `points` encode; null when a point is no embedding or a bit is past n. */
export function decodeSelection(points, options) {
  if (points.length !== width(options)) return null;
  const mask = new Uint8Array(maskBytes(options));
  for (let j = 0; j < points.length; j++) {
    const expected = mask.subarray(j * PIECE, (j + 1) * PIECE);
    const piece = extract(points[j]);
    if (piece === null || piece.length !== expected.length) return null;
    expected.set(piece);
  }
  const chosen = [];
  for (let i = 0; i < mask.length * 8; i++) {
    if (mask[i >> 3] & (0x80 >> (i & 7))) {
      if (i >= options) return null;
      chosen.push(i);
    }
  }
  return chosen;
}

/** E_i = the embedding of {i} among n options, for the SINGLE proof; the same for every ballot, so kept per n. */
const singlePointsCache = new Map();

export function singlePoints(options) {
  let points = singlePointsCache.get(options);
  if (!points) {
    points = Array.from({ length: options }, (_, i) => encodeSelection([i], options)[0]);
    singlePointsCache.set(options, points);
  }
  return points;
}

// ---- §4 ballots -------------------------------------------------------------------------------------------------

/**
 * The election key as a point with a precomputed multiplication table: it is multiplied at least twice per ballot and
 * 2n times by a SINGLE proof, and an app encrypts and checks its ballots under one key, so the last one is kept.
 */
let lastKey = { hex: null, point: null };

function electionKey(publicKeyHex) {
  if (lastKey.hex !== publicKeyHex) {
    lastKey = { hex: publicKeyHex, point: parsePoint(publicKeyHex).precompute() };
  }
  return lastKey.point;
}

/**
 * α with a multiplication table for the n multiplications of a SINGLE proof: the table costs about as much as ten
 * plain multiplications and makes each one about three times faster, so it pays off from about 16 options.
 */
function singleAlpha(ct, options) {
  return options >= 16 ? ct.alpha.precompute() : ct.alpha;
}

/** s·G − c·X, for public s and c (the verifier's recomputed commitment). */
function commitment(s, base, c, x) {
  return base.multiplyUnsafe(s).add(x.multiplyUnsafe(Fn.neg(c)));
}

function checkRequest(ballotId, options, chosen, single) {
  if (!isBallotId(ballotId)) {
    throw new TypeError(`a ballot id is a lowercase canonical UUID: ${ballotId}`);
  }
  if (!Number.isSafeInteger(options) || options < 1) {
    throw new RangeError(`a ballot has at least one option: ${options}`);
  }
  if (!Array.isArray(chosen) || chosen.some((i) => !Number.isSafeInteger(i) || i < 0 || i >= options)) {
    throw new RangeError(`chosen option indexes must be integers below ${options}: ${chosen}`);
  }
  if (new Set(chosen).size !== chosen.length) {
    throw new RangeError(`an option is chosen twice: ${chosen}`);
  }
  if (single && (chosen.length !== 1 || width(options) !== 1)) {
    throw new RangeError('a SINGLE ballot chooses exactly one of at most 240 options');
  }
}

/**
 * Encrypts a selection and proves it (§4.2, §4.3 when `single`). `random()` returns a scalar in [1, q−1]; it is
 * called in the order of the Java reference (r_j, then w_j, then per option c_i, s_i or the real branch's w), so
 * the fixed-randomness vectors of PROTOCOL.md come out identical.
 */
export function encryptWith(random, { ballotId, publicKeyHex, options, chosen, single = false }) {
  checkRequest(ballotId, options, chosen, single);
  const pk = electionKey(publicKeyHex);
  const points = encodeSelection(chosen, options);
  const r = points.map(() => random());
  const ciphertexts = points.map((m, j) => new Ciphertext(G.multiply(r[j]), m.add(pk.multiply(r[j]))));
  const w = points.map(() => random());
  const c = challenge(POK_TAG, GROUP, pk, ballotId, ciphertexts, w.map((wj) => G.multiply(wj)));
  const responses = w.map((wj, j) => Fn.add(wj, Fn.mul(c, r[j])));
  const proof = single ? proveSingle(random, ballotId, pk, options, chosen[0], ciphertexts[0], r[0]) : null;
  return {
    ballot: {
      ballotId,
      ciphertexts: ciphertexts.map(String),
      challenge: scalarHex(c),
      responses: responses.map(scalarHex),
      selectionChallenges: proof ? proof.challenges.map(scalarHex) : [],
      selectionResponses: proof ? proof.responses.map(scalarHex) : [],
    },
    randomness: r.map(scalarHex),
  };
}

/**
 * The CDS disjunction (§4.3): every branch but the chosen one is simulated from random (c_i, s_i); the chosen
 * branch's challenge is whatever makes the challenges sum to the hash over the whole statement.
 */
function proveSingle(random, ballotId, pk, options, choice, ct, r) {
  const e = singlePoints(options);
  const alpha = singleAlpha(ct, options);
  const challenges = new Array(options);
  const responses = new Array(options);
  const commitments = [];
  let w;
  let simulated = 0n;
  for (let i = 0; i < options; i++) {
    if (i === choice) {
      w = random();
      commitments.push(G.multiply(w), pk.multiply(w));
    } else {
      challenges[i] = random();
      responses[i] = random();
      commitments.push(commitment(responses[i], G, challenges[i], alpha),
        commitment(responses[i], pk, challenges[i], ct.beta.subtract(e[i])));
      simulated = Fn.add(simulated, challenges[i]);
    }
  }
  const total = challenge(SINGLE_TAG, GROUP, pk, ballotId, ct.alpha, ct.beta, ...commitments);
  challenges[choice] = Fn.sub(total, simulated);
  responses[choice] = Fn.add(w, Fn.mul(challenges[choice], r));
  return { challenges, responses };
}

/** §4.2's checks (and §4.3's when `single`) for a ballot of `options` options under the key `publicKeyHex`. */
export function verifyBallot(ballot, publicKeyHex, options, { single = false } = {}) {
  try {
    const pk = electionKey(publicKeyHex);
    if (!isBallotId(ballot?.ballotId) || !Number.isSafeInteger(options) || options < 1) return false;
    const { ballotId, ciphertexts: texts, responses } = ballot;
    if (!Array.isArray(texts) || !Array.isArray(responses) || texts.length !== width(options) || responses.length !== texts.length) return false;
    const ciphertexts = texts.map(parseCiphertext);
    const c = parseScalar(ballot.challenge);
    const commitments = ciphertexts.map((ct, j) => commitment(parseScalar(responses[j]), G, c, ct.alpha));
    if (challenge(POK_TAG, GROUP, pk, ballotId, ciphertexts, commitments) !== c) return false;
    return !single || verifySingle(ballot, pk, options, ciphertexts);
  } catch (error) {
    if (isMalformed(error)) return false;
    throw error;
  }
}

function verifySingle(ballot, pk, options, ciphertexts) {
  const challenges = ballot.selectionChallenges;
  const responses = ballot.selectionResponses;
  if (width(options) !== 1 || !Array.isArray(challenges) || !Array.isArray(responses)
      || challenges.length !== options || responses.length !== options) return false;
  const [ct] = ciphertexts;
  const e = singlePoints(options);
  const alpha = singleAlpha(ct, options);
  const commitments = [];
  let sum = 0n;
  for (let i = 0; i < options; i++) {
    const ci = parseScalar(challenges[i]);
    const si = parseScalar(responses[i]);
    commitments.push(commitment(si, G, ci, alpha), commitment(si, pk, ci, ct.beta.subtract(e[i])));
    sum = Fn.add(sum, ci);
  }
  return sum === challenge(SINGLE_TAG, GROUP, pk, ballot.ballotId, ct.alpha, ct.beta, ...commitments);
}

/** §4.4: hex of H(`chamyeo/tracker`, ballotId, [ciphertexts]); throws on a malformed id or ciphertext. */
export function tracker(ballotId, ciphertexts) {
  if (!isBallotId(ballotId)) {
    throw new TypeError(`a ballot id is a lowercase canonical UUID: ${ballotId}`);
  }
  return hashHex(TRACKER_TAG, ballotId, ciphertexts.map(parseCiphertext));
}

/**
 * §4.5 Benaloh audit: with the revealed r_j, checks α_j = r_j·G and decodes β_j − r_j·PK. The chosen indexes,
 * ascending, or null when a check fails or the points are no valid selection of `options` options.
 */
export function auditBallot(ballot, publicKeyHex, options, randomness) {
  try {
    const pk = electionKey(publicKeyHex);
    if (!Array.isArray(ballot?.ciphertexts) || !Array.isArray(randomness)) return null;
    const ciphertexts = ballot.ciphertexts.map(parseCiphertext);
    if (randomness.length !== ciphertexts.length) return null;
    const points = [];
    for (let j = 0; j < ciphertexts.length; j++) {
      const r = parseScalar(randomness[j]);
      if (r === 0n || !ciphertexts[j].alpha.equals(G.multiply(r))) return null;
      points.push(ciphertexts[j].beta.subtract(pk.multiply(r)));
    }
    return decodeSelection(points, options);
  } catch (error) {
    if (isMalformed(error)) return null;
    throw error;
  }
}
