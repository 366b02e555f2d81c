// Encrypts the ballots a Java test asks for, so that the Java verifier (kr.chamyeo.election.JavaScriptBallotTest)
// checks what this module produces — the cross-check that the two implementations agree on real, random ballots.
//
//   node test/emit.mjs PUBLIC_KEY CASE…      CASE = <ballotId>:<options>:<single|approval>:<i,j,…>
//
// Prints one tab-separated line per case, in order: ballotId, ciphertexts (joined by ';', the §8.1 ballot text),
// challenge, responses, selectionChallenges, selectionResponses, randomness (lists joined by ','), tracker.
// Not a test file itself: `npm test` runs only test/*.test.mjs.
import { encryptBallot, tracker } from '../src/ballot.mjs';

const [publicKeyHex, ...cases] = process.argv.slice(2);
if (!publicKeyHex || cases.length === 0) {
  console.error('usage: node test/emit.mjs PUBLIC_KEY <ballotId>:<options>:<single|approval>:<i,j,…>…');
  process.exit(2);
}
for (const spec of cases) {
  const [ballotId, options, rule, chosen] = spec.split(':');
  const { ballot, randomness } = encryptBallot({
    ballotId,
    publicKeyHex,
    options: Number(options),
    chosen: chosen.split(',').filter((i) => i !== '').map(Number),
    single: rule === 'single',
  });
  console.log([
    ballot.ballotId,
    ballot.ciphertexts.join(';'),
    ballot.challenge,
    ballot.responses.join(','),
    ballot.selectionChallenges.join(','),
    ballot.selectionResponses.join(','),
    randomness.join(','),
    tracker(ballot.ballotId, ballot.ciphertexts),
  ].join('\t'));
}
