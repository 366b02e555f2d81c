// The public API as an app uses it, with real randomness: encrypt → verify → audit-open → decrypt gives the choice
// back at the widths that matter (1 option, 16 = the last one-ciphertext ballot, 17 = two, 40 = three) and for the
// three rules (SINGLE, APPROVAL, BUDGET); a ballot that was altered, moved to another ballot id, key or rule, or is
// malformed, is refused without throwing; a selection the rule forbids is not encrypted.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';

import { p256 } from '@noble/curves/nist.js';

import { auditBallot, encryptBallot, selectionCiphertexts, tracker, verifyBallot, width } from '../src/ballot.mjs';
import { decodeSelection, encrypt, parseCiphertext, parsePoint } from '../src/protocol.mjs';

const G = p256.Point.BASE;
const SECRET = 0x2ebf61b53b447ec3abd504f9bf67d9da9254a0020ac4faebc11856b0ef37111dn;
const PK = G.multiply(SECRET).toHex(true);
const OTHER_PK = G.multiply(SECRET + 1n).toHex(true);

/** What the trustees' decryption gives (here with the whole secret key): β − s·α of each selection ciphertext, decoded. */
function decrypted(ballot, options) {
  const points = selectionCiphertexts(ballot).map((text) => {
    const { alpha, beta } = parseCiphertext(text);
    return beta.subtract(alpha.multiply(SECRET));
  });
  return decodeSelection(points, options);
}

function roundTrip(rule, chosen) {
  const ballotId = randomUUID();
  const { ballot, randomness } = encryptBallot({ ballotId, publicKeyHex: PK, rule, chosen });
  const sorted = [...chosen].sort((a, b) => a - b);
  assert.equal(ballot.ballotId, ballotId);
  assert.equal(ballot.choices.length, rule.options);
  assert.equal(selectionCiphertexts(ballot).length, width(rule.options));
  assert.equal(verifyBallot(ballot, PK, rule), true, `${JSON.stringify(rule)} ${chosen}`);
  assert.deepEqual(auditBallot(ballot, PK, rule.options, randomness), sorted);
  assert.deepEqual(decrypted(ballot, rule.options), sorted);
}

const BUDGET = { options: 5, min: 1, max: 3, costs: [120_000_000, 45_000_000, 80_000_000, 30_000_000, 0], budgetLimit: 200_000_000 };

describe('round trip: encrypt, verify, audit-open, decrypt', () => {
  for (const [options, expectedWidth] of [[1, 1], [16, 1], [17, 2]]) {
    test(`${options} options: APPROVAL selections and a SINGLE one open to themselves`, () => {
      assert.equal(width(options), expectedWidth);
      const all = Array.from({ length: options }, (_, i) => i);
      const approval = { options, min: 0, max: options };
      for (const chosen of [[], [options - 1], all, all.filter((i) => i % 7 === 3).reverse()]) {
        roundTrip(approval, chosen);
      }
      roundTrip({ options, min: 1, max: 1 }, [options - 1]);
    });
  }

  test('40 options, three selection ciphertexts: every option chosen', () => {
    assert.equal(width(40), 3);
    roundTrip({ options: 40, min: 0, max: 40 }, Array.from({ length: 40 }, (_, i) => i));
  });

  test('BUDGET: spending all, part and none of the budget (a cost of 0 included)', () => {
    roundTrip(BUDGET, [0, 2]);
    roundTrip(BUDGET, [1, 3, 4]);
    roundTrip({ ...BUDGET, min: 0 }, []);
    const { ballot } = encryptBallot({ ballotId: randomUUID(), publicKeyHex: PK, rule: BUDGET, chosen: [4] });
    assert.equal(ballot.budgetBits.length, 6, 'unit 5,000,000 (the cost of 0 adds nothing), L′ = 40 < 2^6');
  });

  test('two encryptions of the same choice share nothing: fresh randomness, different trackers', () => {
    const request = { ballotId: randomUUID(), publicKeyHex: PK, rule: { options: 5, min: 1, max: 1 }, chosen: [2] };
    const a = encryptBallot(request);
    const b = encryptBallot(request);
    assert.notDeepEqual(a.randomness, b.randomness);
    assert.notEqual(tracker(a.ballot.ballotId, selectionCiphertexts(a.ballot)),
      tracker(b.ballot.ballotId, selectionCiphertexts(b.ballot)));
  });
});

describe('refusals', () => {
  const rule = { options: 4, min: 1, max: 2 };
  const { ballot, randomness } = encryptBallot({ ballotId: randomUUID(), publicKeyHex: PK, rule, chosen: [1] });
  const budget = encryptBallot({ ballotId: randomUUID(), publicKeyHex: PK, rule: BUDGET, chosen: [0, 2] }).ballot;
  const flip = (hex) => (hex[63] === '0' ? `${hex.slice(0, 63)}1` : `${hex.slice(0, 63)}0`);
  const withBranch = (proof, k, change) => proof.map((branch, i) => {
    if (i !== k) return branch;
    const parts = branch.split(',');
    parts[3] = change(parts[3]);
    return parts.join(',');
  });

  test('the untouched ballots verify (the refusals below are caused by their one change)', () => {
    assert.equal(verifyBallot(ballot, PK, rule), true);
    assert.equal(verifyBallot(budget, PK, BUDGET), true);
  });

  test('proofs cannot be moved to another ballot id, key or rule', () => {
    assert.equal(verifyBallot({ ...ballot, ballotId: randomUUID() }, PK, rule), false);
    assert.equal(verifyBallot(ballot, OTHER_PK, rule), false);
    assert.equal(verifyBallot(ballot, PK, { ...rule, max: 3 }), false);
    assert.equal(verifyBallot(ballot, PK, { ...rule, min: 2, max: 2 }), false);
    assert.equal(verifyBallot(budget, PK, { ...BUDGET, budgetLimit: 100_000_000 }), false);
    assert.equal(verifyBallot(budget, PK, { options: 5, min: 1, max: 3 }), false);
  });

  test('a changed response in any proof, or swapped choices, fail', () => {
    const choiceProofs = [...ballot.choiceProofs];
    choiceProofs[2] = withBranch(choiceProofs[2], 1, flip);
    assert.equal(verifyBallot({ ...ballot, choiceProofs }, PK, rule), false);
    assert.equal(verifyBallot({ ...ballot, countProof: withBranch(ballot.countProof, 0, flip) }, PK, rule), false);
    assert.equal(verifyBallot({ ...ballot, choices: [...ballot.choices].reverse() }, PK, rule), false);
    assert.equal(verifyBallot({ ...budget, budgetProof: withBranch(budget.budgetProof, 0, flip) }, PK, BUDGET), false);
    const budgetBitProofs = [...budget.budgetBitProofs];
    budgetBitProofs[0] = withBranch(budgetBitProofs[0], 0, flip);
    assert.equal(verifyBallot({ ...budget, budgetBitProofs }, PK, BUDGET), false);
  });

  test('a choice replaced by an encryption of 2 (a double vote) fails its [0, 1] proof', () => {
    const choices = [...ballot.choices];
    choices[1] = String(encrypt(parsePoint(PK), G.multiply(2n), 12345n));
    assert.equal(verifyBallot({ ...ballot, choices }, PK, rule), false);
  });

  test('malformed fields are refused, not thrown: a second spelling of a scalar, upper case, a bad point', () => {
    const q = p256.Point.Fn.ORDER;
    const [a, b, c, s] = ballot.countProof[0].split(',');
    const plusQ = (BigInt(`0x${s}`) + q).toString(16);
    if (plusQ.length === 64) {
      assert.equal(verifyBallot({ ...ballot, countProof: [[a, b, c, plusQ].join(','), ballot.countProof[1]] }, PK, rule), false);
    }
    assert.equal(verifyBallot({ ...ballot, countProof: ballot.countProof.map((x) => x.toUpperCase()) }, PK, rule), false);
    const choices = [...ballot.choices];
    choices[0] = `02${'ff'.repeat(32)},${choices[0].split(',')[1]}`;
    assert.equal(verifyBallot({ ...ballot, choices }, PK, rule), false);
    assert.equal(verifyBallot({ ...ballot, ballotId: ballot.ballotId.toUpperCase() }, PK, rule), false);
    assert.equal(verifyBallot({ ...ballot, countProof: 'not a list' }, PK, rule), false);
    assert.equal(verifyBallot({ ...ballot, budgetProof: [ballot.countProof[0]] }, PK, rule), false);
    assert.equal(verifyBallot(null, PK, rule), false);
    assert.equal(verifyBallot(ballot, PK, { options: 4, min: 3, max: 2 }), false);
    assert.equal(auditBallot(ballot, PK, rule.options, ['zz', ...randomness.slice(1)]), null);
  });

  test('an audit with the wrong randomness or key opens nothing', () => {
    assert.deepEqual(auditBallot(ballot, PK, rule.options, randomness), [1]);
    assert.equal(auditBallot(ballot, PK, rule.options, [flip(randomness[0]), ...randomness.slice(1)]), null);
    assert.equal(auditBallot(ballot, OTHER_PK, rule.options, randomness), null);
    assert.equal(auditBallot(ballot, PK, rule.options, []), null);
  });

  test('encryptBallot refuses what the rule forbids and malformed input', () => {
    const base = { ballotId: randomUUID(), publicKeyHex: PK, rule };
    assert.throws(() => encryptBallot({ ...base, ballotId: 'B1', chosen: [0] }), TypeError);
    assert.throws(() => encryptBallot({ ...base, chosen: [rule.options] }), RangeError);
    assert.throws(() => encryptBallot({ ...base, chosen: [1, 1] }), RangeError);
    assert.throws(() => encryptBallot({ ...base, chosen: [] }), RangeError, 'fewer than min');
    assert.throws(() => encryptBallot({ ...base, chosen: [0, 1, 2] }), RangeError, 'more than max');
    assert.throws(() => encryptBallot({ ...base, rule: BUDGET, chosen: [0, 1, 2] }), RangeError, 'over the budget');
    assert.throws(() => encryptBallot({ ...base, rule: { ...BUDGET, costs: [1, 2] }, chosen: [0] }), RangeError);
    assert.throws(() => encryptBallot({ ...base, publicKeyHex: `02${'ff'.repeat(32)}`, chosen: [0] }), TypeError);
  });
});
