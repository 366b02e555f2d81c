package kr.chamyeo.governance.forum;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import kr.chamyeo.governance.SeedData;
import kr.chamyeo.governance.district.Regions;
import kr.chamyeo.governance.forum.ForumResource.ImportResult;
import kr.chamyeo.governance.forum.ForumResource.NewForum;
import kr.chamyeo.platform.page.Filter;
import kr.chamyeo.platform.problem.ProblemException;

/** Forums (숙의·공론장) and the districts' participation tracks: records, the seed's 2019 data, the year's statistics. */
@ApplicationScoped
public class ForumService {

    static final String SEED_2019 = "seed-000-2019";

    @Inject
    ObjectMapper mapper;

    /** Records a forum; the people who agreed to be named cannot outnumber its participants (422). */
    @Transactional
    public Forum create(NewForum request) {
        Forum f = forum(request.district(), request.heldOn(), request.kind(), request.topic(), request.participants(), null);
        if (request.consentedPeople() != null) {
            if (request.consentedPeople().size() > request.participants()) {
                throw ProblemException.unprocessable("consentedPeople", "cannot list more people than participants ("
                        + request.consentedPeople().size() + " > " + request.participants() + ")");
            }
            try {
                f.consentedPeople = mapper.writeValueAsString(request.consentedPeople());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        f.persist();
        return f;
    }

    /** Forums of a district and year (either left out when null), by date and district. */
    @Transactional
    public List<Forum> find(String district, Integer year) {
        Filter filter = new Filter().and("district = :district", "district", district).and("heldOn >= :from and heldOn < :to",
                year == null ? null : Map.of("from", LocalDate.of(year, 1, 1), "to", LocalDate.of(year + 1, 1, 1)));
        return Forum.find(filter.where() + " order by heldOn, district", filter.parameters()).list();
    }

    @Transactional
    public ForumStatistics statistics(int year) {
        List<Forum> forums = Forum.find("heldOn >= ?1 and heldOn < ?2", LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1)).list();
        return ForumStatistics.of(year, forums, DistrictTrack.list("year", year));
    }

    /** Loads the seed's 2019 forums and district tracks, each unless already loaded. */
    @Transactional
    public ImportResult importSeed2019() {
        int forums = 0;
        if (Forum.count("source", SEED_2019) == 0) {
            for (String[] row : SeedData.rows("/seed-data/forums-2019.csv")) {
                forum(districtCode(row[0]), LocalDate.parse(row[1]), Forum.Kind.valueOf(row[2]), row[3], Integer.parseInt(row[4]),
                        SEED_2019).persist();
                forums++;
            }
        }
        int tracks = 0;
        if (DistrictTrack.count("source", SEED_2019) == 0) {
            for (String[] row : SeedData.rows("/seed-data/district-tracks-2019.csv")) {
                DistrictTrack t = new DistrictTrack();
                t.year = 2019;
                t.district = districtCode(row[0]);
                t.track = DistrictTrack.Track.valueOf(row[1]);
                t.source = SEED_2019;
                t.persist();
                tracks++;
            }
        }
        return new ImportResult(forums, tracks, SEED_2019);
    }

    private static String districtCode(String name) {
        String code = Regions.codeOf(name);
        if (code == null) {
            throw new IllegalStateException("unknown district in seed data: " + name);
        }
        return code;
    }

    private static Forum forum(String district, LocalDate heldOn, Forum.Kind kind, String topic, int participants, String source) {
        Forum f = new Forum();
        f.id = UUID.randomUUID();
        f.district = district;
        f.heldOn = heldOn;
        f.kind = kind;
        f.topic = topic;
        f.participants = participants;
        f.source = source;
        f.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        return f;
    }
}
