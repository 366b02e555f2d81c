// The arithmetic of PROTOCOL.md §1–§4 with the source of randomness as a parameter. Apps import ./ballot.mjs, which
// always draws from the platform's CSPRNG; this module is separate only so that the tests can replay the document's
// fixed-randomness vectors byte for byte. The package's "exports" map does not expose it.
//
// Point arithmetic and arithmetic mod q go through @noble/curves (P-256 and its scalar field Fn), SHA-256 through
// @noble/hashes; this module only encodes (hex, bytes, hash text) and follows the protocol's steps.
import { FpIsSquare } from '@noble/curves/abstract/modular.js';
import { p256 } from '@noble/curves/nist.js';
import { bytesToNumberBE } from '@noble/curves/utils.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

const Point = p256.Point;
const Fp = Point.Fp;
const Fn = Point.Fn;
const G = Point.BASE;

const GROUP = 'P-256';
const INTERVAL_TAG = 'chamyeo/ballot-interval';
const TRACKER_TAG = 'chamyeo/tracker';
const GENERATOR_TAG = 'chamyeo/generator';
const BUDGET_SEED_TAG = 'chamyeo/budget/seed';
const DIGIT_TAG = 'chamyeo/budget-digit';
const BUDGET_TAG = 'chamyeo/budget';
const COUNT_LABEL = 'count';

/** Options per selection ciphertext (§3): 2^16 plaintexts per chunk, few enough to decode by table or search. */
const CHUNK = 16;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const POINT_HEX = /^0[23][0-9a-f]{64}$/;
/** A client ballot's points (§4.3): uncompressed as this module writes them, or compressed. */
const BALLOT_POINT_HEX = /^(0[23][0-9a-f]{64}|04[0-9a-f]{128})$/;
const SCALAR_HEX = /^[0-9a-f]{64}$/;
/** A client ballot's proof challenges (§2): 128 bits, the first 16 bytes of the digest. */
const SHORT_CHALLENGE_BITS = 128n;
const SHORT_CHALLENGE_MASK = (1n << SHORT_CHALLENGE_BITS) - 1n;
const SHORT_CHALLENGE_HEX = /^[0-9a-f]{32}$/;

/** A ciphertext as the hash sees it (§2: `alpha,beta`); kept distinct from a list, which is joined with `;`. */
class Ciphertext {
  constructor(alpha, beta) {
    this.alpha = alpha;
    this.beta = beta;
  }

  toString() {
    return `${pointHex(this.alpha)},${pointHex(this.beta)}`;
  }

  /** `alpha,beta` with uncompressed points, as a client ballot writes its choices (§4.3). */
  wideText() {
    return `${wideHex(this.alpha)},${wideHex(this.beta)}`;
  }
}

// ---- §1 encodings -----------------------------------------------------------------------------------------------

/** SEC1 compressed hex; `00` for O, which can appear only inside a hash input (a recomputed commitment). */
function pointHex(point) {
  return point.is0() ? '00' : point.toHex(true);
}

/**
 * SEC1 uncompressed hex (`04` x y): how a client ballot writes its points (§4.3), so that the service reads them
 * without a square root each; hashes still use the compressed text.
 */
function wideHex(point) {
  return point.toHex(false);
}

/** Parses a point as a verifier must (§1): only `0[23]` + 64 lowercase hex digits, on the curve. */
export function parsePoint(hex) {
  return readPoint(hex, POINT_HEX, 'compressed');
}

/** Parses a point of a client ballot (§4.3): compressed or uncompressed SEC1 hex, on the curve. */
export function parseBallotPoint(hex) {
  return readPoint(hex, BALLOT_POINT_HEX, 'SEC1');
}

function readPoint(hex, spelling, what) {
  if (typeof hex !== 'string' || !spelling.test(hex)) {
    throw new TypeError(`not a ${what} P-256 point: ${hex}`);
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

/** A short challenge as a client ballot writes it (§2): 32 lowercase hex digits. */
export function shortChallengeHex(c) {
  return c.toString(16).padStart(Number(SHORT_CHALLENGE_BITS / 4n), '0');
}

/**
 * Parses a short challenge (§2): exactly 32 lowercase hex digits, so below 2^128 and with one spelling, as a scalar
 * has one — a challenge written as a 64-digit scalar is refused even when its value fits.
 */
export function parseShortChallenge(hex) {
  if (typeof hex !== 'string' || !SHORT_CHALLENGE_HEX.test(hex)) {
    throw new TypeError(`not a challenge (32 lowercase hex digits): ${hex}`);
  }
  return BigInt(`0x${hex}`);
}

export function parseCiphertext(text) {
  return readCiphertext(text, parsePoint);
}

/** A ciphertext of a client ballot (§4.3): two points, each compressed or uncompressed. */
export function parseBallotCiphertext(text) {
  return readCiphertext(text, parseBallotPoint);
}

function readCiphertext(text, point) {
  const parts = typeof text === 'string' ? text.split(',') : [];
  if (parts.length !== 2) {
    throw new TypeError(`a ciphertext is "alpha,beta" (two points): ${text}`);
  }
  return new Ciphertext(point(parts[0]), point(parts[1]));
}

/** The parsers above throw TypeError or RangeError for input that breaks §1: a verifier's "reject", not a bug. */
function isMalformed(error) {
  return error instanceof TypeError || error instanceof RangeError;
}

function isBallotId(ballotId) {
  return typeof ballotId === 'string' && UUID.test(ballotId);
}

function checkBallotId(ballotId) {
  if (!isBallotId(ballotId)) {
    throw new TypeError(`a ballot id is a lowercase canonical UUID: ${ballotId}`);
  }
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

/** The challenge of a client ballot's proofs (§2): the digest's first 128 bits, big-endian, not reduced. */
export function shortChallenge(tag, ...parts) {
  return bytesToNumberBE(sha256(utf8ToBytes(hashInput(tag, ...parts))).subarray(0, Number(SHORT_CHALLENGE_BITS / 8n)));
}

// ---- §3 encryption and selection encoding -----------------------------------------------------------------------

/** (r·G, M + r·PK); M may be O (a choice of 0), which the complete addition formulas take in constant time. */
export function encrypt(pk, message, r) {
  return new Ciphertext(G.multiply(r), message.add(pk.multiply(r)));
}

/** Selection ciphertexts per ballot of `options` options (§3): one per chunk of 16, at least one. */
export function width(options) {
  return Math.max(1, Math.ceil(options / CHUNK));
}

/** The points (m_j + 1)·G of the selection `chosen` (distinct indexes below `options`), m_j its chunk's bits. */
export function encodeSelection(chosen, options) {
  const chunks = new Array(width(options)).fill(0);
  for (const index of chosen) {
    chunks[Math.floor(index / CHUNK)] |= 1 << (index % CHUNK);
  }
  return chunks.map((m) => G.multiply(BigInt(m + 1)));
}

/**
 * The m < 2^16 with (m + 1)·G = point, or null: baby-step giant-step over 2^8 × 2^8, so a decoder needs 256 points
 * in a table instead of the 2^16 a service keeps (§3 allows any search of that range).
 */
const STEP = 256;
let babySteps = null;

function discreteLog(point) {
  if (!babySteps) {
    babySteps = new Map();
    let p = G;
    for (let b = 0; b < STEP; b++) {
      babySteps.set(p.toHex(true), b);
      p = p.add(G);
    }
  }
  const giant = G.multiply(BigInt(STEP)).negate();
  let p = point;
  for (let a = 0; a < STEP; a++) {
    if (!p.is0()) {
      const b = babySteps.get(p.toHex(true));
      if (b !== undefined) return a * STEP + b;
    }
    p = p.add(giant);
  }
  return null;
}

/** The chosen indexes, ascending, that decrypted `points` encode; null when one is no (m + 1)·G or a bit is past n. */
export function decodeSelection(points, options) {
  if (points.length !== width(options)) return null;
  const chosen = [];
  for (let j = 0; j < points.length; j++) {
    const m = discreteLog(points[j]);
    if (m === null) return null;
    for (let bit = 0; bit < CHUNK; bit++) {
      if (m & (1 << bit)) {
        if (j * CHUNK + bit >= options) return null;
        chosen.push(j * CHUNK + bit);
      }
    }
  }
  return chosen;
}

// ---- §4.2 interval proof ----------------------------------------------------------------------------------------

/**
 * The election key as a point with a precomputed multiplication table: every branch of every proof multiplies it,
 * and an app encrypts and checks its ballots under one key, so the last one is kept.
 */
let lastKey = { hex: null, point: null };

function electionKey(publicKeyHex) {
  if (lastKey.hex !== publicKeyHex) {
    lastKey = { hex: publicKeyHex, point: parsePoint(publicKeyHex).precompute() };
  }
  return lastKey.point;
}

/** β − k·G, which the branch for k proves to be r·PK. */
function shifted(ct, k) {
  return k === 0 ? ct.beta : ct.beta.subtract(G.multiply(BigInt(k)));
}

/**
 * A simulated branch's challenge (§4.2): the low 128 bits of one random scalar, so that the draws are those of the
 * Java reference and the vectors replay.
 */
function simulatedChallenge(random) {
  return random() & SHORT_CHALLENGE_MASK;
}

/** The exclusive or of a proof's branch challenges: how they share its short challenge (§4.2), not a sum mod q. */
function combined(branches) {
  return branches.reduce((acc, { c }) => acc ^ c, 0n);
}

function intervalChallenge(pk, ballotId, label, ct, lo, hi, commitments) {
  return shortChallenge(INTERVAL_TAG, GROUP, pk, ballotId, label, lo, hi, ct.alpha, ct.beta, ...commitments);
}

/**
 * Proves that `ct`, the encryption of value·G with randomness r, has lo ≤ value ≤ hi: every other branch simulated
 * from a random 128-bit c_k and a random s_k, the real one's challenge whatever makes the exclusive or of the
 * challenges the short hash of the statement. `random()` is called per branch in order lo..hi — c_k then s_k, or w
 * for the real branch — as the Java reference. The simulated branches multiply only values that become public, so
 * they may take variable time.
 */
function proveInterval(random, pk, ballotId, label, ct, lo, hi, value, r) {
  const size = hi - lo + 1;
  const c = new Array(size);
  const s = new Array(size);
  const commitments = [];
  let w;
  let simulated = 0n;
  for (let i = 0; i < size; i++) {
    if (lo + i === value) {
      w = random();
      commitments.push(G.multiply(w), pk.multiply(w));
    } else {
      c[i] = simulatedChallenge(random);
      s[i] = random();
      const minusC = Fn.neg(c[i]);
      commitments.push(G.multiplyUnsafe(s[i]).add(ct.alpha.multiplyUnsafe(minusC)),
        pk.multiplyUnsafe(s[i]).add(shifted(ct, lo + i).multiplyUnsafe(minusC)));
      simulated ^= c[i];
    }
  }
  const k = value - lo;
  c[k] = intervalChallenge(pk, ballotId, label, ct, lo, hi, commitments) ^ simulated;
  s[k] = Fn.add(w, Fn.mul(c[k], r));
  return c.map((ci, i) =>
    `${wideHex(commitments[2 * i])},${wideHex(commitments[2 * i + 1])},${shortChallengeHex(ci)},${scalarHex(s[i])}`);
}

/**
 * §4.2's verifier: hi − lo + 1 branches of two valid points, a short challenge and a scalar, the challenges' exclusive
 * or equal to the hash, and for every k both s_k·G = A_k + c_k·α and s_k·PK = B_k + c_k·(β − k·G), each checked on
 * its own.
 */
function verifyInterval(pk, ballotId, label, ct, lo, hi, proof) {
  if (!Array.isArray(proof) || proof.length !== hi - lo + 1) return false;
  const branches = proof.map((branch) => {
    const parts = typeof branch === 'string' ? branch.split(',') : [];
    if (parts.length !== 4) throw new TypeError(`a branch is "A,B,c,s": ${branch}`);
    return {
      a: parseBallotPoint(parts[0]), b: parseBallotPoint(parts[1]), c: parseShortChallenge(parts[2]), s: parseScalar(parts[3]),
    };
  });
  const commitments = branches.flatMap(({ a, b }) => [a, b]);
  if (combined(branches) !== intervalChallenge(pk, ballotId, label, ct, lo, hi, commitments)) return false;
  return branches.every(({ a, b, c, s }, i) =>
    G.multiplyUnsafe(s).equals(a.add(ct.alpha.multiplyUnsafe(c)))
    && pk.multiplyUnsafe(s).equals(b.add(shifted(ct, lo + i).multiplyUnsafe(c))));
}

// ---- §4.3 budget proof: digit commitments, digit proofs, link proof ---------------------------------------------

/** k·G for the digit values k = 0..3: a digit commitment minus one of them is t·H for the true digit only. */
const DIGIT_POINTS = [Point.ZERO, G, G.double(), G.multiply(3n)];

let budgetH = null;

/**
 * The budget generator H (§4.3, derived as §7.2 derives h_i): seed = H.hex(`chamyeo/budget/seed`, `P-256`), and for
 * counter = 0, 1, … x = SHA-256(`chamyeo/generator|<seed>|1|<counter>`) mod p until x³ − 3x + b is a square; H is
 * (x, y) with the even root y. Derived from a hash, so nobody knows log_G H and a digit commitment opens to one digit
 * only. Kept with a multiplication table: every digit and link proof multiplies it.
 */
export function budgetGenerator() {
  if (!budgetH) {
    const seed = hashHex(BUDGET_SEED_TAG, GROUP);
    const { a, b } = Point.CURVE();
    for (let counter = 0; !budgetH; counter++) {
      const x = Fp.create(bytesToNumberBE(sha256(utf8ToBytes(hashInput(GENERATOR_TAG, seed, 1, counter)))));
      const curve = Fp.add(Fp.mul(Fp.add(Fp.sqr(x), a), x), b);
      if (FpIsSquare(Fp, curve)) {
        const y = Fp.sqrt(curve);
        budgetH = Point.fromAffine({ x, y: Fp.isOdd(y) ? Fp.neg(y) : y }).precompute();
      }
    }
  }
  return budgetH;
}

function digitLabel(j) {
  return `budget-digit/${j}`;
}

function digitChallenge(pk, ballotId, j, digit, commitments) {
  return shortChallenge(DIGIT_TAG, GROUP, pk, budgetGenerator(), ballotId, digitLabel(j), digit, ...commitments);
}

/**
 * Proves that the commitment `digit` = y·G + t·H holds y ∈ {0, 1, 2, 3} (§4.3): §4.2's disjunction on the one
 * equation D − k·G = t·H, every other branch simulated, the challenges sharing the short hash by exclusive or.
 * `random()` is called per branch k = 0..3 — c_k then s_k, or w for the real branch.
 */
function proveDigit(random, pk, ballotId, j, digit, y, t) {
  const h = budgetGenerator();
  const c = new Array(DIGIT_POINTS.length);
  const s = new Array(DIGIT_POINTS.length);
  const commitments = [];
  let w;
  let simulated = 0n;
  for (let k = 0; k < DIGIT_POINTS.length; k++) {
    if (k === y) {
      w = random();
      commitments.push(h.multiply(w));
    } else {
      c[k] = simulatedChallenge(random);
      s[k] = random();
      commitments.push(h.multiplyUnsafe(s[k]).add(digit.subtract(DIGIT_POINTS[k]).multiplyUnsafe(Fn.neg(c[k]))));
      simulated ^= c[k];
    }
  }
  c[y] = digitChallenge(pk, ballotId, j, digit, commitments) ^ simulated;
  s[y] = Fn.add(w, Fn.mul(c[y], t));
  return commitments.map((a, k) => `${wideHex(a)},${shortChallengeHex(c[k])},${scalarHex(s[k])}`);
}

/** §4.3's digit check: 4 branches `A_k,c_k,s_k`, ⊕ c_k = the short hash, and s_k·H = A_k + c_k·(D − k·G) for all k. */
function verifyDigit(pk, ballotId, j, digit, proof) {
  if (!Array.isArray(proof) || proof.length !== DIGIT_POINTS.length) return false;
  const branches = proof.map((branch) => {
    const parts = typeof branch === 'string' ? branch.split(',') : [];
    if (parts.length !== 3) throw new TypeError(`a digit proof branch is "A,c,s": ${branch}`);
    return { a: parseBallotPoint(parts[0]), c: parseShortChallenge(parts[1]), s: parseScalar(parts[2]) };
  });
  if (combined(branches) !== digitChallenge(pk, ballotId, j, digit, branches.map(({ a }) => a))) return false;
  const h = budgetGenerator();
  return branches.every(({ a, c, s }, k) =>
    h.multiplyUnsafe(s).equals(a.add(digit.subtract(DIGIT_POINTS[k]).multiplyUnsafe(c))));
}

/**
 * The residue R = (−Σ c′_i·α_i, L′·G − Σ c′_i·β_i) (§4.3): the encryption of the unspent budget y·G with randomness
 * ρ = −Σ c′_i·r_i, computed from the choices by anyone.
 */
function unspentResidue(budget, choices) {
  let alpha = Point.ZERO;
  let beta = Point.ZERO;
  choices.forEach((ct, i) => {
    alpha = alpha.add(ct.alpha.multiplyUnsafe(budget.unitCosts[i]));
    beta = beta.add(ct.beta.multiplyUnsafe(budget.unitCosts[i]));
  });
  return new Ciphertext(alpha.negate(), G.multiply(budget.unitLimit).subtract(beta));
}

/** D = Σ 4^j·D_j, by Horner's rule from the top digit. */
function digitSum(digits) {
  return digits.reduceRight((acc, digit) => acc.double().double().add(digit), Point.ZERO);
}

/**
 * The link's challenge covers what R is made of — the unit costs and L′ in decimal, the choices — instead of R
 * (§4.3), so that the service's batch can move R's weights onto the choices without ever forming R.
 */
function linkChallenge(pk, ballotId, budget, choices, digits, a, b) {
  return shortChallenge(BUDGET_TAG, GROUP, pk, budgetGenerator(), ballotId, budget.unitCosts.map(String),
    String(budget.unitLimit), choices, digits, a, b);
}

/**
 * The link proof (§4.3): knowledge of ρ and τ = Σ 4^j·t_j with α_R = ρ·G and β_R − D = ρ·PK − τ·H, so that R
 * encrypts the y the digits hold. `random()` gives w₁ then w₂.
 */
function proveLink(random, pk, ballotId, budget, choices, digits, rho, tau) {
  const w1 = random();
  const w2 = random();
  const a = G.multiply(w1);
  const b = pk.multiply(w1).subtract(budgetGenerator().multiply(w2));
  const c = linkChallenge(pk, ballotId, budget, choices, digits, a, b);
  return [`${wideHex(a)},${wideHex(b)},${shortChallengeHex(c)},${scalarHex(Fn.add(w1, Fn.mul(c, rho)))},`
    + `${scalarHex(Fn.add(w2, Fn.mul(c, tau)))}`];
}

/**
 * §4.3's link check: one text `A,B,c,s₁,s₂`, c = the short hash (32 hex digits), s₁·G = A + c·α_R and
 * s₁·PK − s₂·H = B + c·(β_R − D).
 */
function verifyLink(pk, ballotId, budget, choices, digits, proof) {
  const parts = proof.length === 1 && typeof proof[0] === 'string' ? proof[0].split(',') : [];
  if (parts.length !== 5) throw new TypeError(`a link proof is one text "A,B,c,s1,s2": ${proof}`);
  const [a, b] = parts.slice(0, 2).map(parseBallotPoint);
  const c = parseShortChallenge(parts[2]);
  const [s1, s2] = parts.slice(3).map(parseScalar);
  if (c !== linkChallenge(pk, ballotId, budget, choices, digits, a, b)) return false;
  const residue = unspentResidue(budget, choices);
  return G.multiplyUnsafe(s1).equals(a.add(residue.alpha.multiplyUnsafe(c)))
    && pk.multiplyUnsafe(s1).subtract(budgetGenerator().multiplyUnsafe(s2))
      .equals(b.add(residue.beta.subtract(digitSum(digits)).multiplyUnsafe(c)));
}

// ---- §4.3 client ballot -----------------------------------------------------------------------------------------

/**
 * The rule `{options, min, max, costs?, budgetLimit?}` checked as the service's SelectionRule checks it, with the
 * budget in units of u = gcd(costs, limit) (§4.3): unitCosts c′_i, unitLimit L′ and d = ⌈b/2⌉ base-4 digits for
 * b = bitLength(L′), so that every unspent budget 0 ≤ y ≤ L′ < 2^b ≤ 4^d has its digits.
 */
function normalRule(rule) {
  const { options, min, max, costs, budgetLimit } = rule ?? {};
  if (![options, min, max].every(Number.isSafeInteger) || options < 1 || min < 0 || min > max || max > options) {
    throw new RangeError('a rule needs 0 ≤ min ≤ max ≤ options, options ≥ 1');
  }
  if ((costs === undefined) !== (budgetLimit === undefined)) {
    throw new RangeError('a budget rule has both costs and budgetLimit');
  }
  if (costs === undefined) return { options, min, max, budget: null };
  if (!Array.isArray(costs) || costs.length !== options || !Number.isSafeInteger(budgetLimit) || budgetLimit < 1
      || costs.some((cost) => !Number.isSafeInteger(cost) || cost < 0)) {
    throw new RangeError('a budget rule needs a whole cost ≥ 0 per option and a whole limit ≥ 1');
  }
  const gcd = (x, y) => (y === 0n ? x : gcd(y, x % y));
  const unit = costs.reduce((u, cost) => gcd(u, BigInt(cost)), BigInt(budgetLimit));
  const unitLimit = BigInt(budgetLimit) / unit;
  return {
    options, min, max,
    budget: {
      unit,
      unitCosts: costs.map((cost) => BigInt(cost) / unit),
      unitLimit,
      digits: Math.ceil(unitLimit.toString(2).length / 2),
    },
  };
}

function choiceLabel(i) {
  return `choice/${i}`;
}

function sum(ciphertexts) {
  return ciphertexts.reduce((acc, ct) => new Ciphertext(acc.alpha.add(ct.alpha), acc.beta.add(ct.beta)),
    new Ciphertext(Point.ZERO, Point.ZERO));
}

/**
 * Chunk j of §4.3's selection ciphertexts: (Σ_k 2^k·α_{16j+k}, G + Σ_k 2^k·β_{16j+k}), the encryption of
 * (m_j + 1)·G — what the board stores and the tracker names, computed from the choices by anyone.
 */
function combine(choices) {
  return Array.from({ length: width(choices.length) }, (_, j) => {
    let alpha = Point.ZERO;
    let beta = Point.ZERO;
    for (let i = Math.min(choices.length, (j + 1) * CHUNK) - 1; i >= j * CHUNK; i--) {
      alpha = alpha.double().add(choices[i].alpha);
      beta = beta.double().add(choices[i].beta);
    }
    return new Ciphertext(alpha, beta.add(G));
  });
}

/** The selection ciphertexts (`alpha,beta`) the ballot's choices combine into; throws on a malformed choice. */
export function selectionCiphertexts(ballot) {
  if (!Array.isArray(ballot?.choices)) throw new TypeError('a ballot has a list of choices');
  return combine(ballot.choices.map(parseBallotCiphertext)).map(String);
}

function checkChosen(rule, chosen) {
  if (!Array.isArray(chosen) || chosen.some((i) => !Number.isSafeInteger(i) || i < 0 || i >= rule.options)) {
    throw new RangeError(`chosen option indexes must be integers below ${rule.options}: ${chosen}`);
  }
  if (new Set(chosen).size !== chosen.length) {
    throw new RangeError(`an option is chosen twice: ${chosen}`);
  }
  if (chosen.length < rule.min || chosen.length > rule.max) {
    throw new RangeError(`the rule needs ${rule.min}..${rule.max} choices: ${chosen}`);
  }
  const { budget } = rule;
  const cost = budget ? chosen.reduce((total, i) => total + budget.unitCosts[i], 0n) : 0n;
  if (budget && cost > budget.unitLimit) {
    throw new RangeError(`the chosen options cost ${cost * budget.unit}원, over the budget of `
      + `${budget.unitLimit * budget.unit}원: ${chosen}`);
  }
}

/**
 * Encrypts a selection and proves it valid for its rule (§4.3). `random()` returns a scalar in [1, q−1]; it is
 * called in §4.3's order of the random draws, as the Java reference (BallotEncryption.encrypt) — r_0…r_{n−1}, the
 * choice proofs in option order, the count proof, then per budget digit t_j and its proof, then the link proof's w₁
 * and w₂ — so the fixed-randomness vectors of PROTOCOL.md come out identical.
 */
export function encryptWith(random, { ballotId, publicKeyHex, rule, chosen }) {
  checkBallotId(ballotId);
  const normal = normalRule(rule);
  checkChosen(normal, chosen);
  const pk = electionKey(publicKeyHex);
  const x = Array.from({ length: normal.options }, (_, i) => (chosen.includes(i) ? 1 : 0));
  const r = x.map(() => random());
  const choices = x.map((xi, i) => encrypt(pk, xi ? G : Point.ZERO, r[i]));
  const choiceProofs = x.map((xi, i) => proveInterval(random, pk, ballotId, choiceLabel(i), choices[i], 0, 1, xi, r[i]));
  const countProof = proveInterval(random, pk, ballotId, COUNT_LABEL, sum(choices), normal.min, normal.max,
    chosen.length, r.reduce((total, ri) => Fn.add(total, ri), 0n));
  const ballot = {
    ballotId,
    choices: choices.map((ct) => ct.wideText()),
    choiceProofs,
    countProof,
    budgetDigits: [],
    budgetDigitProofs: [],
    budgetProof: [],
  };
  const { budget } = normal;
  if (budget) {
    const h = budgetGenerator();
    const unspent = budget.unitLimit - x.reduce((cost, xi, i) => cost + budget.unitCosts[i] * BigInt(xi), 0n);
    const rho = Fn.neg(r.reduce((total, ri, i) => Fn.add(total, Fn.mul(budget.unitCosts[i], ri)), 0n));
    const digits = [];
    let tau = 0n;
    for (let j = 0; j < budget.digits; j++) {
      const y = Number((unspent >> BigInt(2 * j)) & 3n);
      const t = random();
      const digit = h.multiply(t).add(DIGIT_POINTS[y]);
      digits.push(digit);
      ballot.budgetDigitProofs.push(proveDigit(random, pk, ballotId, j, digit, y, t));
      tau = Fn.add(tau, Fn.mul(1n << BigInt(2 * j), t));
    }
    ballot.budgetDigits = digits.map(wideHex);
    ballot.budgetProof = proveLink(random, pk, ballotId, budget, choices, digits, rho, tau);
  }
  return { ballot, randomness: r.map(scalarHex) };
}

/**
 * The service's checks of a client ballot for `rule` under the key `publicKeyHex` (§4.3): a canonical id, every
 * list of its size, every point, scalar and challenge valid, every interval proof verifying with its label and, for
 * BUDGET, every digit proof and the link proof. False, never a throw, for a malformed ballot or rule.
 */
export function verifyBallot(ballot, publicKeyHex, rule) {
  try {
    const pk = electionKey(publicKeyHex);
    const normal = normalRule(rule);
    const { ballotId, choices: choiceTexts, choiceProofs, countProof, budgetDigits, budgetDigitProofs, budgetProof } =
      ballot ?? {};
    const { budget } = normal;
    const digitCount = budget ? budget.digits : 0;
    if (!isBallotId(ballotId)
        || ![choiceTexts, choiceProofs, budgetDigits, budgetDigitProofs, budgetProof].every(Array.isArray)
        || choiceTexts.length !== normal.options || choiceProofs.length !== normal.options
        || budgetDigits.length !== digitCount || budgetDigitProofs.length !== digitCount
        || budgetProof.length !== (budget ? 1 : 0)) return false;
    const choices = choiceTexts.map(parseBallotCiphertext);
    const digits = budgetDigits.map(parseBallotPoint);
    return choices.every((ct, i) => verifyInterval(pk, ballotId, choiceLabel(i), ct, 0, 1, choiceProofs[i]))
      && verifyInterval(pk, ballotId, COUNT_LABEL, sum(choices), normal.min, normal.max, countProof)
      && digits.every((digit, j) => verifyDigit(pk, ballotId, j, digit, budgetDigitProofs[j]))
      && (!budget || verifyLink(pk, ballotId, budget, choices, digits, budgetProof));
  } catch (error) {
    if (isMalformed(error)) return false;
    throw error;
  }
}

// ---- §4.4 tracker, §4.5 audit -----------------------------------------------------------------------------------

/**
 * §4.4: hex of H(`chamyeo/tracker`, ballotId, [ciphertexts]) over a ballot's selection ciphertexts (for a client
 * ballot, selectionCiphertexts(ballot)); throws on a malformed id or ciphertext.
 */
export function tracker(ballotId, ciphertexts) {
  checkBallotId(ballotId);
  return hashHex(TRACKER_TAG, ballotId, ciphertexts.map(parseCiphertext));
}

/**
 * §4.5 Benaloh audit: with the revealed r_i of the choices, checks α_i = r_i·G and that β_i − r_i·PK is O (not
 * chosen) or G (chosen). The chosen indexes, ascending, or null when a check fails.
 */
export function auditBallot(ballot, publicKeyHex, options, randomness) {
  try {
    const pk = electionKey(publicKeyHex);
    if (!Array.isArray(ballot?.choices) || !Array.isArray(randomness) || ballot.choices.length !== options
        || randomness.length !== options) return null;
    const chosen = [];
    for (let i = 0; i < options; i++) {
      const ct = parseBallotCiphertext(ballot.choices[i]);
      const r = parseScalar(randomness[i]);
      if (r === 0n || !ct.alpha.equals(G.multiply(r))) return null;
      const plaintext = ct.beta.subtract(pk.multiply(r));
      if (plaintext.equals(G)) chosen.push(i);
      else if (!plaintext.is0()) return null;
    }
    return chosen;
  } catch (error) {
    if (isMalformed(error)) return null;
    throw error;
  }
}
