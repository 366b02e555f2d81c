package kr.chamyeo.platform.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** EventContract against the real AsyncAPI document: a faithful copy passes, each kind of drift fails. */
class EventContractTest {

    record CycleCreated(long cycleId, String district, int fiscalYear, String kind, long totalAmount) {
    }

    record CycleCreatedWithoutTotal(long cycleId, String district, int fiscalYear, String kind) {
    }

    record CycleCreatedRenamed(long cycleId, String district, int year, String kind, long totalAmount) {
    }

    record CycleCreatedBigger(long cycleId, String district, int fiscalYear, String kind, long totalAmount, String owner) {
    }

    record ExecutionSeen(long cycleId, long granted, LocalDate reportedOn) {
    }

    record ExecutionMisread(long cycleId, long granted, String reportedAt) {
    }

    @Test
    void aFaithfulCopyPasses() {
        EventContract.assertProduces("CycleCreated", CycleCreated.class);
        EventContract.assertConsumes("ExecutionReported", ExecutionSeen.class);
    }

    @Test
    void aProducerThatDriftedFails() {
        assertThrows(AssertionError.class, () -> EventContract.assertProduces("CycleCreated", CycleCreatedWithoutTotal.class),
                "a property the contract has and the record lost");
        assertThrows(AssertionError.class, () -> EventContract.assertProduces("CycleCreated", CycleCreatedRenamed.class),
                "a renamed property");
        assertThrows(AssertionError.class, () -> EventContract.assertProduces("CycleCreated", CycleCreatedBigger.class),
                "a property the contract does not have");
    }

    @Test
    void aConsumerThatDriftedFails() {
        assertThrows(AssertionError.class, () -> EventContract.assertConsumes("ExecutionReported", ExecutionMisread.class));
        assertThrows(AssertionError.class, () -> EventContract.assertConsumes("ExecutionReported", CycleCreatedBigger.class));
    }

    @Test
    void theExamplesAreTheDocumentsOwn() {
        assertTrue(EventContract.example("ExecutionReported").path("granted").isNumber());
    }
}
