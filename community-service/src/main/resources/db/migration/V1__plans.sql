-- Master plans (기본계획): the plan tree is kept as the imported document; actuals and KPI measurements
-- reported over the years are rows keyed by the document's measure / KPI codes.
create table plan (
    id uuid primary key,
    code varchar(100) not null unique,
    title varchar(300) not null,
    start_year int not null,
    end_year int not null,
    owner_district varchar(5),
    document jsonb not null,
    imported_at timestamptz not null default now()
);

create table plan_actual (
    plan_id uuid not null references plan(id),
    measure_code varchar(50) not null,
    year int not null,
    actual numeric(18, 4),
    spent bigint check (spent >= 0),
    note varchar(500),
    reported_by varchar(200) not null,
    reported_at timestamptz not null default now(),
    primary key (plan_id, measure_code, year)
);

create table kpi_measurement (
    plan_id uuid not null references plan(id),
    kpi_code varchar(50) not null,
    year int not null,
    value numeric(18, 4) not null,
    reported_by varchar(200) not null,
    reported_at timestamptz not null default now(),
    primary key (plan_id, kpi_code, year)
);
