-- Why an officer ended voting before closes-at (issue 23): public with the ballot and in its election record.
alter table ballot add column close_reason text;
