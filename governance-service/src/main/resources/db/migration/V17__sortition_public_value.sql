-- Issue 23: a sortition waiting for its draw keeps only the seed's commitment (seed is null until the draw; the
-- officer holds the seed), and the draw mixes in a public value fixed at the ceremony, published with the seed.
-- Sortitions drawn before have no public value: they ran on the seed alone.
alter table sortition add column public_value text;
