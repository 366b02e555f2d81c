-- Seed 004 (금천구 기획예산과 2021 주요업무계획, 주민참여예산제 추진현황): 제안 / 편성 / 모바일투표 / 예산학교.
-- Columns are keyed by the budget year (2018년 접수 → 2019년 예산). For 2021 the record gives participants only
-- (위원 사전교육 1회 34명 + 온라인교육 724명 = 758명), no session count, so sessions stay unknown (null).
insert into historical_statistic (district, fiscal_year, proposals, requested_amount, adopted, adopted_amount,
                                  mobile_voters, school_sessions, school_participants, source) values
    ('11545', 2019, 116, 4817000000, 35, 906000000, 2649, 5, 137, '금천구 2021 주요업무계획 (seed 004)'),
    ('11545', 2020, 120, 4110000000, 41, 842000000, 2892, 5, 682, '금천구 2021 주요업무계획 (seed 004)'),
    ('11545', 2021, 125, 2166000000, 39, 987000000, 1256, null, 758, '금천구 2021 주요업무계획 (seed 004)');
