-- Issue 23: a council lottery waits for its public ceremony. Until the draw only the seed's commitment is stored (the
-- officer holds the seed, handed out once); the officer then enters the seed and the public value drawn at the
-- ceremony, which is stored from then on and published with the seed so anyone recomputes the panel.
alter table council_lottery add column public_value varchar(200);
