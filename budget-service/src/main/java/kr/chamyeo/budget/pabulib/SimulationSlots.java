package kr.chamyeo.budget.pabulib;

import java.util.Optional;
import java.util.concurrent.Semaphore;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import kr.chamyeo.platform.problem.ProblemException;

/**
 * How many simulations run at once, by the heap their files need. Simulations are public and a 30 MB file holds about
 * 320 MB of heap while it is read and selected (budget-service/README.md): two at once would take down the replica
 * that also serves the cycles, and the gateway lets an anonymous caller post six large bodies a minute. Each simulation
 * reserves {@link #HEAP_PER_FILE_BYTE} bytes of heap per byte of its file out of a share of the heap; one that does not
 * fit beside those in flight is refused at once (503, try again), and a file larger than the whole share runs alone.
 */
@Singleton
public class SimulationSlots {

    /** Heap per byte of .pb file while it is simulated: 320 MB for the 30 MB file of SimulationFilesTest, rounded up. */
    static final int HEAP_PER_FILE_BYTE = 12;

    private final int capacityKib;
    private final Semaphore free;

    SimulationSlots(long shareBytes) {
        capacityKib = (int) Math.max(1, Math.min(Integer.MAX_VALUE, shareBytes >> 10));
        free = new Semaphore(capacityKib);
    }

    @Inject
    SimulationSlots(@ConfigProperty(name = "chamyeo.budget.simulation.heap-share", defaultValue = "0.5") double share) {
        this((long) (Runtime.getRuntime().maxMemory() * share));
    }

    /** A reservation, released when the simulation ends, however it ends. */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /** Reserves heap for a file of {@code fileBytes} (negative when unknown: then the whole share), or 503 when taken. */
    public Slot take(long fileBytes) {
        return tryTake(fileBytes).orElseThrow(() -> new ProblemException(503, "simulations-busy", "Simulations busy",
                "Other simulations hold this replica's share of memory for simulations; try again in a minute", null)
                .with("fileBytes", fileBytes));
    }

    Optional<Slot> tryTake(long fileBytes) {
        int kib = fileBytes < 0 ? capacityKib
                : (int) Math.min(capacityKib, Math.max(1, (fileBytes * HEAP_PER_FILE_BYTE + 1023) >> 10));
        return free.tryAcquire(kib) ? Optional.of(() -> free.release(kib)) : Optional.empty();
    }
}
