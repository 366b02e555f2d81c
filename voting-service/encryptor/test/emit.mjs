// Encrypts the ballots a Java test asks for, so that the Java verifier (kr.chamyeo.election.JavaScriptBallotTest)
// checks what this module produces — the cross-check that the two implementations agree on real, random ballots.
//
//   node test/emit.mjs PUBLIC_KEY CASE…      CASE = <ballotId>:<options>:<min>:<max>:<i,j,…>[:<cost,…>:<limit>]
//
// Prints one tab-separated line per case, in order: ballotId, choices (joined by ';'), choiceProofs (proofs joined
// by '|', a proof's branches by ';'), countProof (';'), budgetDigits (';'), budgetDigitProofs ('|' and ';'),
// budgetProof (';'), randomness (','), tracker. Not a test file itself: `npm test` runs only test/*.test.mjs.
import { encryptBallot, selectionCiphertexts, tracker } from '../src/ballot.mjs';

const [publicKeyHex, ...cases] = process.argv.slice(2);
if (!publicKeyHex || cases.length === 0) {
  console.error('usage: node test/emit.mjs PUBLIC_KEY <ballotId>:<options>:<min>:<max>:<i,j,…>[:<cost,…>:<limit>]…');
  process.exit(2);
}
const numbers = (list) => list.split(',').filter((i) => i !== '').map(Number);
const proofs = (list) => list.map((proof) => proof.join(';')).join('|');
for (const spec of cases) {
  const [ballotId, options, min, max, chosen, costs, limit] = spec.split(':');
  const rule = { options: Number(options), min: Number(min), max: Number(max) };
  if (costs !== undefined) {
    rule.costs = numbers(costs);
    rule.budgetLimit = Number(limit);
  }
  const { ballot, randomness } = encryptBallot({ ballotId, publicKeyHex, rule, chosen: numbers(chosen) });
  console.log([
    ballot.ballotId,
    ballot.choices.join(';'),
    proofs(ballot.choiceProofs),
    ballot.countProof.join(';'),
    ballot.budgetDigits.join(';'),
    proofs(ballot.budgetDigitProofs),
    ballot.budgetProof.join(';'),
    randomness.join(','),
    tracker(ballot.ballotId, selectionCiphertexts(ballot)),
  ].join('\t'));
}
