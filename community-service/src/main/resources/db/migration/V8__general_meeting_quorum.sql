-- 주민총회 (seed 002: "주민 누구나(1% 이상) 참석, 자치계획 등 결정", "연 1회").
-- The residents of a council's dong per year, as recorded by the district's officers from the resident
-- registration statistics (주민등록 인구통계), with the source they name; a meeting decides only when its voters
-- reach 1% of that count.
create table council_residents (
    council_id uuid not null references council(id),
    year int not null check (year between 2000 and 2100),
    residents int not null check (residents > 0),
    source varchar(300) not null,
    recorded_by varchar(200) not null,
    recorded_at timestamptz not null default now(),
    primary key (council_id, year)
);

-- What a meeting was held against: where its resident count came from and the voters it needed.
alter table self_governance_plan add column residents_source varchar(300);
alter table self_governance_plan add column quorum int;
