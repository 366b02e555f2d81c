// The public API as an app uses it, with real randomness: encrypt → verify → audit-open → decrypt gives the choice
// back at the widths that matter (1 option, 16 = the last one-ciphertext ballot, 17 = two, 40 = three) and for the
// three rules (SINGLE, APPROVAL, BUDGET, the last with even, odd and non-round budgets); a ballot that was altered,
// moved to another ballot id, key or rule, is malformed, or claims choices over the budget with another ballot's
// budget proof, is refused without throwing; a selection the rule forbids is not encrypted. The proofs' 128-bit
// challenges: a verifier takes only 32 hex digits, and only branch challenges whose exclusive or is the hash.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';

import { p256 } from '@noble/curves/nist.js';

import { auditBallot, encryptBallot, selectionCiphertexts, tracker, verifyBallot, width } from '../src/ballot.mjs';
import {
  budgetGenerator, decodeSelection, encrypt, encryptWith, parseBallotCiphertext, parseBallotPoint, parseCiphertext, parsePoint,
  parseScalar, scalarHex, shortChallenge, shortChallengeHex,
} from '../src/protocol.mjs';

const G = p256.Point.BASE;
const Fn = p256.Point.Fn;
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
/** Unit 5,000,000, L′ = 20 < 2^5: b = 5 is odd, so the top digit holds one bit (d = 3). */
const ODD_BUDGET = { options: 4, min: 0, max: 4, costs: [30_000_000, 25_000_000, 50_000_000, 10_000_000], budgetLimit: 100_000_000 };
/** Costs 12,340,000 + i·7,310,000 have unit 10,000 with the limit: L′ = 15,000 < 2^14, so b = 14 and d = 7. */
const NON_ROUND = {
  options: 10, min: 0, max: 10, costs: Array.from({ length: 10 }, (_, i) => 12_340_000 + i * 7_310_000),
  budgetLimit: 150_000_000,
};

/**
 * Branches that satisfy every equation of their proof for challenges of the forger's choosing (1000 + k) instead of
 * the hash: a verifier that skipped the hash would accept them for any statement.
 */
function simulatedDigitProof(digitHex) {
  const h = budgetGenerator();
  const digit = parseBallotPoint(digitHex);
  return [0, 1, 2, 3].map((k) => {
    const [c, s] = [1000n + BigInt(k), 2000n + BigInt(k)];
    const shifted = k === 0 ? digit : digit.subtract(G.multiply(BigInt(k)));
    return `${h.multiply(s).subtract(shifted.multiply(c)).toHex(false)},${shortChallengeHex(c)},${scalarHex(s)}`;
  });
}

/** A link proof `A,B,c,s₁,s₂` whose two equations hold for `ballot` under `rule` with the forger's c = 1000. */
function simulatedLinkProof(ballot, rule, unit) {
  const h = budgetGenerator();
  const pk = parsePoint(PK);
  const [c, s1, s2] = [1000n, 2000n, 3000n];
  const spent = ballot.choices.map(parseBallotCiphertext).reduce((acc, ct, i) => ({
    alpha: acc.alpha.add(ct.alpha.multiplyUnsafe(BigInt(rule.costs[i] / unit))),
    beta: acc.beta.add(ct.beta.multiplyUnsafe(BigInt(rule.costs[i] / unit))),
  }), { alpha: p256.Point.ZERO, beta: p256.Point.ZERO });
  const digitSum = ballot.budgetDigits.map(parseBallotPoint).reduceRight((acc, d) => acc.multiply(4n).add(d), p256.Point.ZERO);
  const residueBeta = G.multiply(BigInt(rule.budgetLimit / unit)).subtract(spent.beta);
  const a = G.multiply(s1).add(spent.alpha.multiply(c));
  const b = pk.multiply(s1).subtract(h.multiply(s2)).subtract(residueBeta.subtract(digitSum).multiply(c));
  return [`${a.toHex(false)},${b.toHex(false)},${shortChallengeHex(c)},${scalarHex(s1)},${scalarHex(s2)}`];
}

const xor = (challenges) => challenges.reduce((acc, c) => acc ^ c, 0n);

/**
 * A disjunctive proof (§4.2, §4.3) built with the witness of branch `real` and challenges of the test's choosing:
 * `simulated(k)` is branch k's challenge, fixed before the hash as a simulator must, `share(c, others)` the real
 * branch's from the hash c and the others' challenges, `write` spells each. Branch k claims, for every equation e,
 * s_k·bases[e] = A_k,e + c_k·targets(k)[e]; the hash is shortChallenge(tag, ...statement, every A). Every equation
 * holds whatever the challenges, so a verifier can refuse such a proof only for its challenges. `nonce` varies the
 * commitments, hence the hash.
 */
function handProof({ tag, statement, bases, targets, branches, witness, real, simulated, share, write, nonce = 1n }) {
  const w = 1000n * nonce + 1n;
  const c = [];
  const s = [];
  const commitments = [];
  for (let k = 0; k < branches; k++) {
    if (k === real) {
      commitments.push(bases.map((base) => base.multiply(w)));
    } else {
      c[k] = simulated(k);
      s[k] = 1000n * nonce + BigInt(k) + 2n;
      commitments.push(bases.map((base, e) => base.multiply(s[k]).subtract(targets(k)[e].multiplyUnsafe(Fn.create(c[k])))));
    }
  }
  const hash = shortChallenge(tag, ...statement, ...commitments.flat());
  c[real] = share(hash, c.filter((ck) => ck !== undefined));
  s[real] = Fn.add(w, Fn.mul(Fn.create(c[real]), witness));
  const proof = commitments.map((points, k) => [...points.map((p) => p.toHex(false)), write(c[k]), scalarHex(s[k])].join(','));
  return { proof, challenges: c, hash };
}

/** Option i's [0, 1] proof built by hand for `ballot`, whose choice i encrypts x with randomness r. */
function handChoiceProof(ballot, i, x, r, challenges) {
  const pk = parsePoint(PK);
  const { alpha, beta } = parseBallotCiphertext(ballot.choices[i]);
  return handProof({
    tag: 'chamyeo/ballot-interval', statement: ['P-256', pk, ballot.ballotId, `choice/${i}`, 0, 1, alpha, beta],
    bases: [G, pk], targets: (k) => [alpha, beta.subtract(G.multiplyUnsafe(BigInt(k)))], branches: 2, witness: r, real: x,
    ...challenges,
  });
}

/** Digit j's proof built by hand for `ballot`, whose commitment D_j = y·G + t·H. */
function handDigitProof(ballot, j, y, t, challenges) {
  const h = budgetGenerator();
  const digit = parseBallotPoint(ballot.budgetDigits[j]);
  return handProof({
    tag: 'chamyeo/budget-digit', statement: ['P-256', parsePoint(PK), h, ballot.ballotId, `budget-digit/${j}`, digit],
    bases: [h], targets: (k) => [digit.subtract(G.multiplyUnsafe(BigInt(k)))], branches: 4, witness: t, real: y,
    ...challenges,
  });
}

/** The challenges an honest prover chooses: random 128-bit ones, the real branch's what makes their exclusive or c. */
const HONEST = {
  simulated: () => BigInt(`0x${randomBytes(16).toString('hex')}`),
  share: (c, others) => c ^ xor(others),
  write: shortChallengeHex,
};
/** 129-bit challenges whose exclusive or is still the hash (bit 128 cancels), spelled as 64-digit scalars. */
const WIDE = {
  simulated: (k) => (1n << 128n) + BigInt(k),
  share: (c, others) => c ^ xor(others),
  write: scalarHex,
};
/** Challenges of 32 hex digits that sum to the hash mod q, as before the change, instead of sharing it by xor. */
const SUMMED = {
  simulated: () => 1n,
  share: (c, others) => Fn.sub(c, others.reduce((total, ck) => Fn.add(total, ck), 0n)),
  write: shortChallengeHex,
};

/** A SUMMED proof whose challenges do not xor to the hash too (they do when no carry occurs in the sum). */
function summedNotXored(build) {
  for (let nonce = 1n; ; nonce++) {
    const hand = build({ ...SUMMED, nonce });
    if (xor(hand.challenges) !== hand.hash) return hand;
  }
}

function digits(rule, chosen) {
  return encryptBallot({ ballotId: randomUUID(), publicKeyHex: PK, rule, chosen }).ballot.budgetDigits.length;
}

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
    assert.equal(digits(BUDGET, [4]), 3, 'unit 5,000,000 (the cost of 0 adds nothing), L′ = 40 < 2^6 = 4^3');
  });

  test('BUDGET with an odd number of bits: the top digit is 0 or 1, whatever is left', () => {
    assert.equal(digits(ODD_BUDGET, []), 3);
    for (const chosen of [[], [3], [0, 1], [2, 3], [0, 2, 3], [1, 2]]) {
      roundTrip(ODD_BUDGET, chosen);
    }
  });

  test('BUDGET over non-round costs: 14 bits of unspent budget in 7 digits', () => {
    assert.equal(digits(NON_ROUND, []), 7);
    for (const chosen of [[], [9, 8], [0, 1, 2, 3, 4], [9, 0, 3], [5]]) {
      roundTrip(NON_ROUND, chosen);
    }
  });

  test('BUDGET of one unit: one digit, 0 or 1', () => {
    const rule = { options: 3, min: 0, max: 1, costs: [5, 5, 0], budgetLimit: 5 };
    assert.equal(digits(rule, []), 1);
    roundTrip(rule, []);
    roundTrip(rule, [1]);
    roundTrip({ ...rule, max: 2 }, [0, 2]);
  });

  test('non-BUDGET ballots carry no budget fields', () => {
    const rule = { options: 3, min: 1, max: 1 };
    const { ballot } = encryptBallot({ ballotId: randomUUID(), publicKeyHex: PK, rule, chosen: [0] });
    assert.deepEqual([ballot.budgetDigits, ballot.budgetDigitProofs, ballot.budgetProof], [[], [], []]);
    assert.ok(!('budgetBits' in ballot) && !('budgetBitProofs' in ballot));
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
  // Encrypted with recorded draws so that a test can open digit 0 (below) and prove it by hand.
  const draws = [];
  const recorded = () => {
    draws.push(Fn.create(BigInt(`0x${randomBytes(40).toString('hex')}`)));
    return draws.at(-1);
  };
  const budget = encryptWith(recorded, { ballotId: randomUUID(), publicKeyHex: PK, rule: BUDGET, chosen: [0, 2] }).ballot;
  const flip = (hex) => (hex[63] === '0' ? `${hex.slice(0, 63)}1` : `${hex.slice(0, 63)}0`);
  /** Part `part` of branch k of a proof changed (by default the response s of an interval proof's "A,B,c,s"). */
  const withBranch = (proof, k, change, part = 3) => proof.map((branch, i) => {
    if (i !== k) return branch;
    const parts = branch.split(',');
    parts[part] = change(parts[part]);
    return parts.join(',');
  });
  const replaced = (list, j, value) => list.map((item, i) => (i === j ? value : item));

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
  });

  test('BUDGET: a changed digit commitment, digit response or link response fails', () => {
    const moved = parseBallotPoint(budget.budgetDigits[0]).add(G).toHex(false);
    assert.equal(verifyBallot({ ...budget, budgetDigits: replaced(budget.budgetDigits, 0, moved) }, PK, BUDGET), false);
    assert.equal(verifyBallot({ ...budget, budgetDigits: [...budget.budgetDigits].reverse() }, PK, BUDGET), false);
    for (let k = 0; k < 4; k++) {
      const budgetDigitProofs = replaced(budget.budgetDigitProofs, 1, withBranch(budget.budgetDigitProofs[1], k, flip, 2));
      assert.equal(verifyBallot({ ...budget, budgetDigitProofs }, PK, BUDGET), false, `s of branch ${k}`);
    }
    const proofs = budget.budgetDigitProofs;
    assert.equal(verifyBallot({ ...budget, budgetDigitProofs: [proofs[1], proofs[0], proofs[2]] }, PK, BUDGET), false);
    assert.equal(verifyBallot({ ...budget, budgetProof: withBranch(budget.budgetProof, 0, flip, 4) }, PK, BUDGET), false,
      's2');
    assert.equal(verifyBallot({ ...budget, budgetProof: withBranch(budget.budgetProof, 0, flip, 3) }, PK, BUDGET), false,
      's1');
  });

  test('BUDGET: proofs whose equations hold for challenges other than the hash fail', () => {
    const budgetDigitProofs = replaced(budget.budgetDigitProofs, 0, simulatedDigitProof(budget.budgetDigits[0]));
    assert.equal(verifyBallot({ ...budget, budgetDigitProofs }, PK, BUDGET), false);
    assert.equal(verifyBallot({ ...budget, budgetProof: simulatedLinkProof(budget, BUDGET, 5_000_000) }, PK, BUDGET), false);
  });

  test('BUDGET: digit lists of the wrong length and proofs of the wrong shape are refused', () => {
    const { budgetDigits, budgetDigitProofs, budgetProof } = budget;
    const shorter = { ...budget, budgetDigits: budgetDigits.slice(1), budgetDigitProofs: budgetDigitProofs.slice(1) };
    assert.equal(verifyBallot(shorter, PK, BUDGET), false);
    assert.equal(verifyBallot({ ...budget, budgetDigits: budgetDigits.slice(1) }, PK, BUDGET), false);
    const longer = {
      ...budget, budgetDigits: [...budgetDigits, budgetDigits[0]], budgetDigitProofs: [...budgetDigitProofs, budgetDigitProofs[0]],
    };
    assert.equal(verifyBallot(longer, PK, BUDGET), false);
    assert.equal(verifyBallot({ ...budget, budgetDigitProofs: replaced(budgetDigitProofs, 0, budgetDigitProofs[0].slice(1)) },
      PK, BUDGET), false, 'three branches');
    assert.equal(verifyBallot({ ...budget, budgetDigitProofs: replaced(budgetDigitProofs, 0,
      budgetDigitProofs[0].map((branch) => `${branch},${branch.split(',')[2]}`)) }, PK, BUDGET), false, 'four parts a branch');
    assert.equal(verifyBallot({ ...budget, budgetProof: [budgetProof[0].split(',').slice(0, 4).join(',')] }, PK, BUDGET), false);
    assert.equal(verifyBallot({ ...budget, budgetProof: [...budgetProof, ...budgetProof] }, PK, BUDGET), false);
    assert.equal(verifyBallot({ ...budget, budgetProof: [] }, PK, BUDGET), false);
    const { budgetDigits: _, budgetDigitProofs: __, ...rest } = budget;
    assert.equal(verifyBallot({ ...rest, budgetBits: budgetDigits, budgetBitProofs: budgetDigitProofs }, PK, BUDGET), false,
      'the old field names');
    assert.equal(verifyBallot({ ...ballot, budgetDigits, budgetDigitProofs, budgetProof }, PK, rule), false);
  });

  test('BUDGET: choices over the budget cannot borrow the budget proof of choices within it', () => {
    // The choices, choice proofs and count proof of a selection costing 245,000,000, all valid for this ballot id
    // (the 0/1 and count proofs do not see costs), with the digits and link proof of a ballot spending 30,000,000.
    // They are taken together because the count proof is bound to the sum of all choices: one choice swapped alone
    // would already fail it. Only the link of the digits to the choices can refuse this ballot.
    const ballotId = randomUUID();
    const within = encryptBallot({ ballotId, publicKeyHex: PK, rule: BUDGET, chosen: [3] }).ballot;
    const { options, min, max } = BUDGET;
    const countOnly = { options, min, max };
    const over = encryptBallot({ ballotId, publicKeyHex: PK, rule: countOnly, chosen: [0, 1, 2] }).ballot;
    assert.equal(verifyBallot(over, PK, countOnly), true);
    const forged = { ...within, choices: over.choices, choiceProofs: over.choiceProofs, countProof: over.countProof };
    assert.equal(verifyBallot(forged, PK, BUDGET), false);
    // Nor with a link proof whose equations hold for these choices: its challenge is not the hash.
    assert.equal(verifyBallot({ ...forged, budgetProof: simulatedLinkProof(forged, BUDGET, 5_000_000) }, PK, BUDGET), false);

    // The same selection proven within 250,000,000: as many digits (L′ = 50 < 4^3), every digit proof valid, and
    // still refused under the limit of 200,000,000, whose L′ the link proof's residue holds.
    const higher = { ...BUDGET, budgetLimit: 250_000_000 };
    const proven = encryptBallot({ ballotId, publicKeyHex: PK, rule: higher, chosen: [0, 1, 2] }).ballot;
    assert.equal(verifyBallot(proven, PK, higher), true);
    assert.equal(proven.budgetDigits.length, within.budgetDigits.length);
    assert.equal(verifyBallot(proven, PK, BUDGET), false);
  });

  describe('128-bit challenges (§2, §4.2–§4.3)', () => {
    const chosenR = parseScalar(randomness[1]);
    const handChoice = (challenges) => handChoiceProof(ballot, 1, 1, chosenR, challenges);
    const withChoiceProof = (proof) => ({ ...ballot, choiceProofs: replaced(ballot.choiceProofs, 1, proof) });
    // Digit 0 opens with the draw t_0 and the digit y_0 for which D_0 = y_0·G + t_0·H.
    const digit0 = parseBallotPoint(budget.budgetDigits[0]);
    const [y0, t0] = draws.flatMap((t) => [0, 1, 2, 3].map((y) => [y, t]))
      .find(([y, t]) => budgetGenerator().multiply(t).add(G.multiplyUnsafe(BigInt(y))).equals(digit0));
    const handDigit = (challenges) => handDigitProof(budget, 0, y0, t0, challenges);
    const withDigitProof = (proof) => ({ ...budget, budgetDigitProofs: replaced(budget.budgetDigitProofs, 0, proof) });
    const SHORT = 1n << 128n;

    test('proofs built by hand with honest challenges verify (the refusals below are caused by the challenges)', () => {
      assert.equal(verifyBallot(withChoiceProof(handChoice(HONEST).proof), PK, rule), true);
      assert.equal(verifyBallot(withDigitProof(handDigit(HONEST).proof), PK, BUDGET), true);
    });

    test('a challenge written with 64 digits is refused though its value is unchanged, and so is one ≥ 2^128', () => {
      for (const [change, what] of [[(c) => c.padStart(64, '0'), '64 digits'], [(c) => `1${c}`, '2^128 more']]) {
        const choiceProofs = replaced(ballot.choiceProofs, 0, withBranch(ballot.choiceProofs[0], 1, change, 2));
        assert.equal(verifyBallot({ ...ballot, choiceProofs }, PK, rule), false, `choice proof, ${what}`);
        assert.equal(verifyBallot({ ...ballot, countProof: withBranch(ballot.countProof, 0, change, 2) }, PK, rule), false,
          `count proof, ${what}`);
        const budgetDigitProofs = replaced(budget.budgetDigitProofs, 2, withBranch(budget.budgetDigitProofs[2], 3, change, 1));
        assert.equal(verifyBallot({ ...budget, budgetDigitProofs }, PK, BUDGET), false, `digit proof, ${what}`);
        assert.equal(verifyBallot({ ...budget, budgetProof: withBranch(budget.budgetProof, 0, change, 2) }, PK, BUDGET), false,
          `link proof, ${what}`);
      }
    });

    test('challenges of 129 bits are refused though they xor to the hash and every equation holds', () => {
      for (const [hand, withProof, proofRule] of [[handChoice, withChoiceProof, rule], [handDigit, withDigitProof, BUDGET]]) {
        const wide = hand(WIDE);
        assert.ok(wide.challenges.every((c) => c >= SHORT));
        assert.equal(xor(wide.challenges), wide.hash);
        assert.equal(verifyBallot(withProof(wide.proof), PK, proofRule), false);
      }
    });

    test('challenges that sum to the hash mod q but do not xor to it are refused though every equation holds', () => {
      for (const [hand, withProof, proofRule] of [[handChoice, withChoiceProof, rule], [handDigit, withDigitProof, BUDGET]]) {
        const summed = summedNotXored(hand);
        assert.ok(summed.challenges.every((c) => c < SHORT));
        assert.equal(summed.challenges.reduce((total, c) => Fn.add(total, c), 0n), summed.hash);
        assert.notEqual(xor(summed.challenges), summed.hash);
        assert.equal(verifyBallot(withProof(summed.proof), PK, proofRule), false);
      }
    });
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
    assert.throws(() => encryptBallot({ ...base, rule: BUDGET, chosen: [0, 1, 2] }),
      { name: 'RangeError', message: /cost 245000000원, over the budget of 200000000원/ });
    assert.throws(() => encryptBallot({ ...base, rule: NON_ROUND, chosen: [9, 7, 0] }),
      { name: 'RangeError', message: /cost 153980000원, over the budget of 150000000원/ });
    assert.throws(() => encryptBallot({ ...base, rule: { ...BUDGET, costs: [1, 2] }, chosen: [0] }), RangeError);
    assert.throws(() => encryptBallot({ ...base, publicKeyHex: `02${'ff'.repeat(32)}`, chosen: [0] }), TypeError);
  });
});
