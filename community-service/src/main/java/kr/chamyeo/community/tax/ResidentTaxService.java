package kr.chamyeo.community.tax;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Parameters;
import io.quarkus.runtime.StartupEvent;
import kr.chamyeo.platform.problem.ProblemException;

/** The districts' 주민세 collections: the seed's 2016 table, loaded at start-up, and the years officers report. */
@ApplicationScoped
public class ResidentTaxService {

    static final String SEED_TABLE = "tax/resident-tax-2016.json";

    @Inject
    ObjectMapper mapper;

    public record SeedTable(String source, int year, List<SeedRow> rows) {
    }

    public record SeedRow(String district, String name, long levied, long collected, int dongs) {
    }

    @Transactional
    void loadSeedTable(@Observes StartupEvent startup) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(SEED_TABLE)) {
            SeedTable table = mapper.readValue(in, SeedTable.class);
            for (SeedRow row : table.rows()) {
                if (ResidentTaxCollection.findById(new ResidentTaxCollection.Key(row.district(), table.year())) == null) {
                    ResidentTaxCollection c = new ResidentTaxCollection();
                    c.district = row.district();
                    c.year = table.year();
                    c.levied = row.levied();
                    c.collected = row.collected();
                    c.dongs = row.dongs();
                    c.persist();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<ResidentTaxCollection> collections(int year) {
        return ResidentTaxCollection.list("year = :y order by district", Parameters.with("y", year));
    }

    public ResidentTaxCollection collection(String district, int year) {
        ResidentTaxCollection c = ResidentTaxCollection.findById(new ResidentTaxCollection.Key(district, year));
        if (c == null) {
            throw ProblemException.notFound("Resident tax collection of " + district + " in", year);
        }
        return c;
    }

    /** Records (or corrects) a year's collection; more collected than levied is refused. */
    @Transactional
    public ResidentTaxCollection report(String district, int year, long levied, long collected, int dongs) {
        if (collected > levied) {
            throw ProblemException.unprocessable("collected", "cannot exceed the amount levied");
        }
        ResidentTaxCollection c = ResidentTaxCollection.findById(new ResidentTaxCollection.Key(district, year));
        boolean added = c == null;
        if (added) {
            c = new ResidentTaxCollection();
            c.district = district;
            c.year = year;
        }
        c.levied = levied;
        c.collected = collected;
        c.dongs = dongs;
        if (added) {
            c.persist();
        }
        return c;
    }
}
