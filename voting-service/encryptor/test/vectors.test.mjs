// The test vectors of voting-service/election/PROTOCOL.md that concern what an app computes — hash (§2), selection
// encoding and encryption (§3), the client-encrypted APPROVAL and BUDGET ballots with their interval proofs (§4.2,
// §4.3) and budget proofs (§4.3: generator, digits, link), their selection ciphertexts, tracker (§4.4) and audit
// (§4.5) — read from the document itself (the blocks
// `<!-- vector: NAME -->` that the Java ProtocolVectorsTest writes and checks) and reproduced byte for byte. The
// trustees' vectors (Schnorr key proofs, ceremony, shares, decryption, shuffle) are not an app's business and are
// checked by the Java modules.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { p256 } from '@noble/curves/nist.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

import { auditBallot, selectionCiphertexts, tracker, verifyBallot } from '../src/ballot.mjs';
import {
  budgetGenerator, challenge, decodeSelection, encodeSelection, encrypt, encryptWith, hashHex, hashInput, parseBallotCiphertext,
  parseBallotPoint, parseCiphertext, parsePoint, scalarHex, shortChallenge, shortChallengeHex,
} from '../src/protocol.mjs';

const G = p256.Point.BASE;
const DOCUMENT = readFileSync(new URL('../../election/PROTOCOL.md', import.meta.url), 'utf8');

function vector(name) {
  const block = new RegExp(`<!-- vector: ${name} -->\\n\`\`\`json\\n(.*?)\`\`\``, 's').exec(DOCUMENT);
  assert.ok(block, `PROTOCOL.md has no block <!-- vector: ${name} -->`);
  return JSON.parse(block[1]);
}

/** FixedRandomness of the Java tests: the i-th scalar is SHA-256("chamyeo/test-vector|seed|i") mod q. */
function fixedRandomness(seed) {
  let counter = 0;
  return () => challenge('chamyeo/test-vector', seed, counter++);
}

/** The hash input of an interval proof as a verifier rebuilds it: the statement, then each branch's A and B. */
function intervalInput(publicKey, ballotId, label, ct, lo, hi, proof) {
  const commitments = proof.flatMap((branch) => branch.split(',').slice(0, 2).map(parseBallotPoint));
  return hashInput('chamyeo/ballot-interval', 'P-256', parsePoint(publicKey), ballotId, label, lo, hi, ct.alpha, ct.beta,
    ...commitments);
}

/** The short challenge (§2) of a hash input, computed here from the text alone: its SHA-256's first 32 hex digits. */
function shortChallengeOf(input) {
  return bytesToHex(sha256(utf8ToBytes(input))).slice(0, 32);
}

/** The exclusive or of a disjunctive proof's branch challenges (part `part` of each branch), in 32 hex digits. */
function sharedChallenge(proof, part) {
  return shortChallengeHex(proof.reduce((acc, branch) => acc ^ BigInt(`0x${branch.split(',')[part]}`), 0n));
}

function sum(texts) {
  return texts.map(parseBallotCiphertext).reduce((acc, ct) => ({ alpha: acc.alpha.add(ct.alpha), beta: acc.beta.add(ct.beta) }),
    { alpha: p256.Point.ZERO, beta: p256.Point.ZERO });
}

/** The vector's ballot, encrypted anew with its seed (the public key's scalar first, as ProtocolVectorsTest draws). */
function replay(name) {
  const v = vector(name);
  const random = fixedRandomness(name);
  const secret = random();
  assert.equal(G.multiply(secret).toHex(true), v.publicKey);
  return { v, secret, ...encryptWith(random, { ballotId: v.ballot.ballotId, publicKeyHex: v.publicKey, rule: v.rule, chosen: v.chosen }) };
}

test('§2 hash: the exact input text, its SHA-256, the challenge reduced mod q and the 128-bit short challenge', () => {
  const v = vector('hash');
  const parts = ['P-256', G, 5n, 7, [G.multiply(2n), G.multiply(3n)]];
  assert.equal(hashInput(v.tag, ...parts), v.input);
  assert.equal(hashHex(v.tag, ...parts), v.sha256);
  assert.equal(scalarHex(challenge(v.tag, ...parts)), v.challenge);
  assert.equal(shortChallengeHex(shortChallenge(v.tag, ...parts)), v.shortChallenge);
});

test('§3 selection: chunks of 16 options encoded as (m + 1)·G and decoded back', () => {
  const v = vector('selection');
  const points = encodeSelection(v.chosen, v.options);
  assert.deepEqual(points.map((p) => p.toHex(true)), v.points);
  assert.deepEqual(points, v.chunks.map((m) => G.multiply(BigInt(m + 1))));
  assert.deepEqual(decodeSelection(points, v.options), v.chosen);
});

test('§3 encryption: (r·G, M + r·PK) with the document\'s key and randomness', () => {
  const v = vector('encryption');
  const random = fixedRandomness('encryption');
  const secret = random();
  assert.equal(scalarHex(secret), v.secretKey);
  assert.equal(G.multiply(secret).toHex(true), v.publicKey);
  const [message] = encodeSelection([1, 3, 9], 10);
  assert.equal(message.toHex(true), v.message);
  const r = random();
  assert.equal(scalarHex(r), v.r);
  assert.equal(String(encrypt(parsePoint(v.publicKey), message, r)), v.ciphertext);
});

test('§4.3 APPROVAL ballot: choices, proofs and randomness are the document\'s, byte for byte', () => {
  const { v, ballot, randomness } = replay('ballot');
  assert.equal(JSON.stringify(ballot), JSON.stringify(v.ballot));
  assert.deepEqual(randomness, v.randomness);
  assert.equal(verifyBallot(v.ballot, v.publicKey, v.rule), true);
});

test('§4.2 ballot: the hash inputs of option 0\'s proof and of the count proof, and the xor of their branch challenges', () => {
  const v = vector('ballot');
  const { ballotId, choices, choiceProofs, countProof } = v.ballot;
  assert.equal(intervalInput(v.publicKey, ballotId, 'choice/0', parseBallotCiphertext(choices[0]), 0, 1, choiceProofs[0]),
    v.choice0HashInput);
  assert.equal(intervalInput(v.publicKey, ballotId, 'count', sum(choices), v.rule.min, v.rule.max, countProof),
    v.countHashInput);
  assert.equal(sharedChallenge(choiceProofs[0], 2), shortChallengeOf(v.choice0HashInput));
  assert.equal(sharedChallenge(countProof, 2), shortChallengeOf(v.countHashInput));
});

test('§4.4–§4.5 ballot: selection ciphertexts, tracker and audit', () => {
  const v = vector('ballot');
  assert.deepEqual(selectionCiphertexts(v.ballot), v.selectionCiphertexts);
  assert.equal(tracker(v.ballot.ballotId, v.selectionCiphertexts), v.tracker);
  assert.deepEqual(auditBallot(v.ballot, v.publicKey, v.rule.options, v.randomness), v.chosen);
});

test('§4.3 BUDGET ballot: budget generator, digit commitments, digit proofs and link proof, byte for byte', () => {
  const { v, secret, ballot, randomness } = replay('budget-ballot');
  assert.equal(budgetGenerator().toHex(true), v.budgetGenerator);
  assert.equal(JSON.stringify(ballot), JSON.stringify(v.ballot));
  assert.deepEqual(randomness, v.randomness);
  assert.equal(verifyBallot(v.ballot, v.publicKey, v.rule), true);
  const unitCosts = v.rule.costs.map((cost) => cost / v.unit);
  const unitLimit = v.rule.budgetLimit / v.unit;
  assert.equal(v.unspentUnits, unitLimit - v.chosen.reduce((total, i) => total + unitCosts[i], 0));
  assert.equal(v.digits, Math.ceil(unitLimit.toString(2).length / 2));
  assert.equal(v.ballot.budgetDigits.length, v.digits);

  // The residue (−Σ c′_i·α_i, L′·G − Σ c′_i·β_i), in units of the vector's unit, decrypts to the unspent budget.
  const choices = v.ballot.choices.map(parseBallotCiphertext);
  const spent = choices.reduce((acc, ct, i) => ({
    alpha: acc.alpha.add(ct.alpha.multiplyUnsafe(BigInt(unitCosts[i]))),
    beta: acc.beta.add(ct.beta.multiplyUnsafe(BigInt(unitCosts[i]))),
  }), { alpha: p256.Point.ZERO, beta: p256.Point.ZERO });
  const residue = { alpha: spent.alpha.negate(), beta: G.multiply(BigInt(unitLimit)).subtract(spent.beta) };
  assert.ok(residue.beta.subtract(residue.alpha.multiply(secret)).equals(G.multiply(BigInt(v.unspentUnits))));

  // The hash inputs as a verifier rebuilds them: digit 0's statement and its A_0..A_3; the link's statement (unit
  // costs and L′ in decimal, the choices, the digit commitments, each list one part), A and B. Digit 0's branches
  // share its short challenge by exclusive or; the link's c is its short challenge.
  const pk = parsePoint(v.publicKey);
  const h = parsePoint(v.budgetGenerator);
  const digits = v.ballot.budgetDigits.map(parseBallotPoint);
  const digit0Commitments = v.ballot.budgetDigitProofs[0].map((branch) => parseBallotPoint(branch.split(',')[0]));
  assert.equal(hashInput('chamyeo/budget-digit', 'P-256', pk, h, v.ballot.ballotId, 'budget-digit/0', digits[0],
    ...digit0Commitments), v.digit0HashInput);
  assert.equal(sharedChallenge(v.ballot.budgetDigitProofs[0], 1), shortChallengeOf(v.digit0HashInput));
  const [a, b, c] = v.ballot.budgetProof[0].split(',');
  assert.equal(hashInput('chamyeo/budget', 'P-256', pk, h, v.ballot.ballotId, unitCosts.map(String), String(unitLimit), choices,
    digits, parseBallotPoint(a), parseBallotPoint(b)), v.budgetHashInput);
  assert.equal(c, shortChallengeOf(v.budgetHashInput));
});
