// The test vectors of voting-service/election/PROTOCOL.md that concern what an app computes — hash (§2), selection
// embedding and encryption (§3), the client-encrypted SINGLE ballot with both proofs, its audit and its tracker (§4) —
// read from the document itself (the blocks `<!-- vector: NAME -->` that the Java ProtocolVectorsTest writes and
// checks) and reproduced byte for byte. The trustees' vectors (Schnorr key proofs, ceremony, shares, decryption,
// shuffle) are not an app's business and are checked by the Java modules.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { p256 } from '@noble/curves/nist.js';

import { auditBallot, tracker, verifyBallot } from '../src/ballot.mjs';
import {
  challenge, decodeSelection, encodeSelection, encryptWith, hashHex, hashInput, parsePoint, parseScalar, scalarHex,
  singlePoints,
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

test('§2 hash: the exact input text, its SHA-256 and the challenge reduced mod q', () => {
  const v = vector('hash');
  const parts = ['P-256', G, 5n, 7, [G.multiply(2n), G.multiply(3n)]];
  assert.equal(hashInput(v.tag, ...parts), v.input);
  assert.equal(hashHex(v.tag, ...parts), v.sha256);
  assert.equal(scalarHex(challenge(v.tag, ...parts)), v.challenge);
});

test('§3 selection: bitmask embedded with try-and-increment and even y, and decoded back', () => {
  const v = vector('selection');
  const [point] = encodeSelection(v.chosen, v.options);
  assert.equal(point.toHex(true), v.point);
  assert.equal(point.x.toString(16), v.x);
  assert.equal((point.x >> 8n).toString(16), `1${v.mask}`, 'x = 256·int(01 ‖ mask) + counter');
  assert.deepEqual(decodeSelection([point], v.options), v.chosen);
});

test('§3 encryption: (r·G, M + r·PK) with the document\'s key and randomness', () => {
  const v = vector('encryption');
  const random = fixedRandomness('encryption');
  const secret = random();
  assert.equal(scalarHex(secret), v.secretKey);
  assert.equal(G.multiply(secret).toHex(true), v.publicKey);
  assert.equal(encodeSelection([1, 3, 9], 10)[0].toHex(true), v.message);
  // encryptWith draws r first, as the vector's generator does after the secret key.
  const { ballot, randomness } = encryptWith(random, {
    ballotId: '00000000-0000-4000-8000-000000000000', publicKeyHex: v.publicKey, options: 10, chosen: [1, 3, 9],
  });
  assert.deepEqual(randomness, [v.r]);
  assert.deepEqual(ballot.ciphertexts, [v.ciphertext]);
});

test('§4 ballot: a SINGLE ballot, its two proofs, audit and tracker are the document\'s, byte for byte', () => {
  const v = vector('ballot');
  const random = fixedRandomness('ballot');
  assert.equal(G.multiply(random()).toHex(true), v.publicKey);
  const { ballot, randomness } = encryptWith(random, {
    ballotId: v.ballot.ballotId, publicKeyHex: v.publicKey, options: v.options, chosen: [v.choice], single: true,
  });
  assert.deepEqual(ballot, v.ballot);
  assert.deepEqual(randomness, v.randomness);
  assert.equal(tracker(ballot.ballotId, ballot.ciphertexts), v.tracker);
  assert.equal(verifyBallot(v.ballot, v.publicKey, v.options, { single: true }), true);
  assert.deepEqual(auditBallot(v.ballot, v.publicKey, v.options, v.randomness), [v.choice]);
  assert.deepEqual(singlePoints(v.options).map((e) => e.toHex(true)), v.singlePoints);
});

test('§4 ballot: the hash inputs of both proofs, with the commitments a verifier recomputes', () => {
  const v = vector('ballot');
  const pk = parsePoint(v.publicKey);
  const [alphaHex, betaHex] = v.ballot.ciphertexts[0].split(',');
  const alpha = parsePoint(alphaHex);
  const beta = parsePoint(betaHex);
  const c = parseScalar(v.ballot.challenge);
  const a0 = G.multiply(parseScalar(v.ballot.responses[0])).subtract(alpha.multiply(c));
  // The ciphertext list is one part (`alpha,beta;…`) and the commitments another.
  assert.equal(hashInput('chamyeo/ballot-pok', 'P-256', pk, v.ballot.ballotId, v.ballot.ciphertexts.join(';'), [a0]),
    v.pokHashInput);

  const commitments = singlePoints(v.options).flatMap((e, i) => {
    const ci = parseScalar(v.ballot.selectionChallenges[i]);
    const si = parseScalar(v.ballot.selectionResponses[i]);
    return [G.multiply(si).subtract(alpha.multiply(ci)), pk.multiply(si).subtract(beta.subtract(e).multiply(ci))];
  });
  assert.equal(hashInput('chamyeo/ballot-single', 'P-256', pk, v.ballot.ballotId, alpha, beta, ...commitments),
    v.singleHashInput);
});
