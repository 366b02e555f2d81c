// The public API as an app uses it, with real randomness: encrypt → verify → audit-open gives the choice back at the
// widths that matter (1 and 8 options, 9 = a second mask byte, 240 = the last one-point ballot, 241 = two points),
// and a ballot that was altered, moved to another ballot id or key, or is malformed, is refused without throwing.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';

import { p256 } from '@noble/curves/nist.js';

import { auditBallot, encryptBallot, tracker, verifyBallot, width } from '../src/ballot.mjs';
import { decodeSelection } from '../src/protocol.mjs';

const G = p256.Point.BASE;
const SECRET = 0x2ebf61b53b447ec3abd504f9bf67d9da9254a0020ac4faebc11856b0ef37111dn;
const PK = G.multiply(SECRET).toHex(true);
const OTHER_PK = G.multiply(SECRET + 1n).toHex(true);

/** What the trustees' decryption gives (here with the whole secret key, without the randomness): β − s·α, decoded. */
function decrypted(ballot, options) {
  const points = ballot.ciphertexts.map((text) => {
    const [alpha, beta] = text.split(',').map((hex) => p256.Point.fromHex(hex));
    return beta.subtract(alpha.multiply(SECRET));
  });
  return decodeSelection(points, options);
}

function selections(options) {
  const all = Array.from({ length: options }, (_, i) => i);
  return [[], [0], [options - 1], all, all.filter((i) => i % 7 === 3)];
}

describe('round trip: encrypt, verify, audit-open', () => {
  for (const [options, expectedWidth] of [[1, 1], [8, 1], [9, 1], [240, 1], [241, 2]]) {
    test(`${options} options: every selection opens to itself`, () => {
      assert.equal(width(options), expectedWidth);
      for (const chosen of selections(options)) {
        const ballotId = randomUUID();
        const { ballot, randomness } = encryptBallot({ ballotId, publicKeyHex: PK, options, chosen });
        assert.equal(ballot.ballotId, ballotId);
        assert.equal(ballot.ciphertexts.length, expectedWidth);
        assert.deepEqual(ballot.selectionChallenges, []);
        assert.equal(verifyBallot(ballot, PK, options), true);
        const sorted = [...chosen].sort((a, b) => a - b);
        assert.deepEqual(auditBallot(ballot, PK, options, randomness), sorted);
        assert.deepEqual(decrypted(ballot, options), sorted);
      }
    });
  }

  for (const options of [1, 8, 9, 240]) {
    test(`${options} options, SINGLE: the one-of-n proof verifies and the audit gives the choice`, () => {
      const choice = options - 1;
      const { ballot, randomness } = encryptBallot({
        ballotId: randomUUID(), publicKeyHex: PK, options, chosen: [choice], single: true,
      });
      assert.equal(ballot.selectionChallenges.length, options);
      assert.equal(verifyBallot(ballot, PK, options, { single: true }), true);
      assert.deepEqual(auditBallot(ballot, PK, options, randomness), [choice]);
    });
  }

  test('two encryptions of the same choice share nothing: fresh randomness, different trackers', () => {
    const request = { ballotId: randomUUID(), publicKeyHex: PK, options: 5, chosen: [2] };
    const a = encryptBallot(request);
    const b = encryptBallot(request);
    assert.notDeepEqual(a.randomness, b.randomness);
    assert.notEqual(tracker(a.ballot.ballotId, a.ballot.ciphertexts), tracker(b.ballot.ballotId, b.ballot.ciphertexts));
  });
});

describe('refusals', () => {
  const options = 4;
  const { ballot, randomness } = encryptBallot({
    ballotId: randomUUID(), publicKeyHex: PK, options, chosen: [1], single: true,
  });
  const flip = (hex) => (hex[63] === '0' ? `${hex.slice(0, 63)}1` : `${hex.slice(0, 63)}0`);

  test('the untouched ballot verifies (the refusals below are caused by their one change)', () => {
    assert.equal(verifyBallot(ballot, PK, options, { single: true }), true);
  });

  test('a proof cannot be moved to another ballot id, key or option count', () => {
    assert.equal(verifyBallot({ ...ballot, ballotId: randomUUID() }, PK, options), false);
    assert.equal(verifyBallot(ballot, OTHER_PK, options), false);
    assert.equal(verifyBallot(ballot, PK, options + 1, { single: true }), false);
  });

  test('a changed ciphertext, challenge or response fails the proof of knowledge', () => {
    const other = encryptBallot({ ballotId: ballot.ballotId, publicKeyHex: PK, options, chosen: [2] }).ballot;
    assert.equal(verifyBallot({ ...ballot, ciphertexts: other.ciphertexts }, PK, options), false);
    assert.equal(verifyBallot({ ...ballot, challenge: flip(ballot.challenge) }, PK, options), false);
    assert.equal(verifyBallot({ ...ballot, responses: [flip(ballot.responses[0])] }, PK, options), false);
  });

  test('the SINGLE proof is required, complete and bound to its order', () => {
    assert.equal(verifyBallot({ ...ballot, selectionChallenges: [], selectionResponses: [] }, PK, options,
      { single: true }), false);
    const swapped = [...ballot.selectionChallenges].reverse();
    assert.equal(verifyBallot({ ...ballot, selectionChallenges: swapped }, PK, options, { single: true }), false);
    const responses = [...ballot.selectionResponses];
    responses[1] = flip(responses[1]);
    assert.equal(verifyBallot({ ...ballot, selectionResponses: responses }, PK, options, { single: true }), false);
  });

  test('an APPROVAL ballot carries no one-of-n proof, so it is no SINGLE ballot', () => {
    const approval = encryptBallot({ ballotId: randomUUID(), publicKeyHex: PK, options, chosen: [1] }).ballot;
    assert.equal(verifyBallot(approval, PK, options), true);
    assert.equal(verifyBallot(approval, PK, options, { single: true }), false);
  });

  test('malformed fields are refused, not thrown: a second spelling of a scalar, upper case, a bad point', () => {
    const q = p256.Point.Fn.ORDER;
    const plusQ = (BigInt(`0x${ballot.challenge}`) + q).toString(16);
    if (plusQ.length === 64) {
      assert.equal(verifyBallot({ ...ballot, challenge: plusQ }, PK, options), false);
    }
    assert.equal(verifyBallot({ ...ballot, challenge: ballot.challenge.toUpperCase() }, PK, options), false);
    assert.equal(verifyBallot({ ...ballot, ciphertexts: [`02${'ff'.repeat(32)},${ballot.ciphertexts[0].split(',')[1]}`] },
      PK, options), false);
    assert.equal(verifyBallot({ ...ballot, ballotId: ballot.ballotId.toUpperCase() }, PK, options), false);
    assert.equal(verifyBallot({ ...ballot, responses: 'not a list' }, PK, options), false);
    assert.equal(verifyBallot(null, PK, options), false);
    assert.equal(auditBallot(ballot, PK, options, ['zz']), null);
  });

  test('an audit with the wrong randomness or key opens nothing', () => {
    assert.deepEqual(auditBallot(ballot, PK, options, randomness), [1]);
    assert.equal(auditBallot(ballot, PK, options, [flip(randomness[0])]), null);
    assert.equal(auditBallot(ballot, OTHER_PK, options, randomness), null);
    assert.equal(auditBallot(ballot, PK, options, []), null);
  });

  test('encryptBallot refuses what the service would refuse', () => {
    const base = { ballotId: randomUUID(), publicKeyHex: PK, options };
    assert.throws(() => encryptBallot({ ...base, ballotId: 'B1' }), TypeError);
    assert.throws(() => encryptBallot({ ...base, chosen: [options] }), RangeError);
    assert.throws(() => encryptBallot({ ...base, chosen: [1, 1] }), RangeError);
    assert.throws(() => encryptBallot({ ...base, chosen: [0, 1], single: true }), RangeError);
    assert.throws(() => encryptBallot({ ...base, options: 241, chosen: [0], single: true }), RangeError);
    assert.throws(() => encryptBallot({ ...base, publicKeyHex: `02${'ff'.repeat(32)}`, chosen: [0] }), TypeError);
  });
});
