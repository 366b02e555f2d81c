-- The roll keeps a voter's age only as the band turnout is reported by (≤29, 30s, 40s, 50s, 60+) and whether they
-- are 19–39 (the youth figure): sex, exact age and dong together often name one person in a small dong.
-- The table is rebuilt rather than altered: a dropped column's values stay in the old rows on disk, and an UPDATE
-- leaves the old row versions behind until a vacuum; dropping the old table removes its files at commit.
create table voting_roll_banded (
    ballot_id  uuid       not null,
    voter_hash bytea      not null,
    sex        char(1),
    age_band   varchar(5) check (age_band in ('0-29', '30-39', '40-49', '50-59', '60+')),
    youth      boolean,
    dong       varchar(50),
    check ((age_band is null) = (youth is null))
);

insert into voting_roll_banded (ballot_id, voter_hash, sex, age_band, youth, dong)
select ballot_id, voter_hash, sex,
       case when age is null then null
            when age <= 29 then '0-29'
            when age >= 60 then '60+'
            else (age / 10 * 10) || '-' || (age / 10 * 10 + 9) end,
       case when age is null then null else age between 19 and 39 end,
       dong
  from voting_roll
 -- In key order, not the old heap's arrival order that lined the roll up with the box.
 order by ballot_id, voter_hash;

drop table voting_roll;
alter table voting_roll_banded rename to voting_roll;
alter table voting_roll add constraint voting_roll_pkey primary key (ballot_id, voter_hash);
