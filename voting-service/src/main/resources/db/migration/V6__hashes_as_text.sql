-- Trackers and chain values as text, not char(64): the service binds them as text, and text = char(64) compares
-- char(64)::text with the parameter, which no index on char(64) can answer. The writer's check for copied ballots
-- then read every board entry of the ballot for every vote (PostgreSQL's CPU per vote grew with the board).
alter table board_entry alter column tracker type text, alter column chain type text;
alter table board_head alter column chain type text;
alter table ballot alter column board_head type text;
alter table audited_ballot alter column tracker type text;
